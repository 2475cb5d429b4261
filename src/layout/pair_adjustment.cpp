#include "layout/pair_adjustment.hpp"

#include <hb-ot.h>
#include <hb.h>

#include <memory>
#include <stdexcept>
#include <string_view>

#include "layout/harfbuzz_handles.hpp"

namespace pamphlet::layout {
namespace {

// A font table's bytes, read big-endian with every offset checked: a malformed table throws,
// and the screen then lets every pair through to HarfBuzz (which has its own sanitizer).
class TableReader {
public:
    explicit TableReader(std::string_view bytes) : bytes_(bytes) {}

    std::uint16_t u16(std::size_t at) const {
        need(at, 2);
        return static_cast<std::uint16_t>((byte(at) << 8) | byte(at + 1));
    }
    std::uint32_t u32(std::size_t at) const { return (std::uint32_t{u16(at)} << 16) | u16(at + 2); }

private:
    void need(std::size_t at, std::size_t length) const {
        if (at > bytes_.size() || bytes_.size() - at < length) throw std::out_of_range("font table too short");
    }
    unsigned byte(std::size_t at) const { return static_cast<unsigned char>(bytes_[at]); }

    std::string_view bytes_;
};

// Calls `visit(glyph, coverage_index)` for every glyph of the Coverage table at `at`.
template <typename Visit>
void for_each_covered(const TableReader& table, std::size_t at, Visit&& visit) {
    const std::uint16_t format = table.u16(at);
    const std::uint16_t count = table.u16(at + 2);
    if (format == 1) {
        for (std::uint16_t i = 0; i < count; ++i) visit(table.u16(at + 4 + 2 * std::size_t{i}), std::uint32_t{i});
    } else if (format == 2) {
        for (std::uint16_t range = 0; range < count; ++range) {
            const std::size_t record = at + 4 + 6 * std::size_t{range};
            const std::uint16_t first = table.u16(record), last = table.u16(record + 2);
            const std::uint16_t first_index = table.u16(record + 4);
            for (std::uint32_t glyph = first; glyph <= last; ++glyph) visit(glyph, first_index + (glyph - first));
        }
    } else {
        throw std::out_of_range("unknown coverage format");
    }
}

// Tables through which HarfBuzz positions glyphs without GPOS: the old kern table (HarfBuzz
// applies it when GPOS has no kerning) and Apple's AAT tables.
bool has_other_positioning(hb_face_t* face) {
    for (hb_tag_t tag : {HB_TAG('k', 'e', 'r', 'n'), HB_TAG('k', 'e', 'r', 'x'), HB_TAG('t', 'r', 'a', 'k'),
                         HB_TAG('m', 'o', 'r', 'x'), HB_TAG('m', 'o', 'r', 't')}) {
        HbPointer<hb_blob_t> blob(hb_face_reference_table(face, tag));
        if (hb_blob_get_length(blob.get()) > 0) return true;
    }
    return false;
}

}  // namespace

PairAdjustmentScreen::PairAdjustmentScreen(hb_face_t* face) {
    roles_.assign(hb_face_get_glyph_count(face), 0);
    if (has_other_positioning(face)) {
        everything_ = true;
        return;
    }
    try {
        read_positioning(face);
        read_mark_glyphs(face);
    } catch (const std::out_of_range&) {
        everything_ = true;
    }
}

void PairAdjustmentScreen::add_role(std::uint32_t glyph, Role role) {
    if (glyph < roles_.size()) roles_[glyph] |= role;
}

// Every lookup of the GPOS table counts, whatever feature, script or language uses it: the
// screen need not follow HarfBuzz's feature selection to stay on the safe side.
void PairAdjustmentScreen::read_positioning(hb_face_t* face) {
    HbPointer<hb_blob_t> blob(hb_face_reference_table(face, HB_OT_TAG_GPOS));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    if (length == 0) return;  // no GPOS: nothing moves
    const TableReader table(std::string_view(data, length));
    const std::size_t lookup_list = table.u16(8);
    const std::uint16_t lookup_count = table.u16(lookup_list);
    for (std::uint16_t index = 0; index < lookup_count; ++index) {
        const std::size_t lookup = lookup_list + table.u16(lookup_list + 2 + 2 * std::size_t{index});
        std::uint16_t type = table.u16(lookup);
        const std::uint16_t subtables = table.u16(lookup + 4);
        for (std::uint16_t sub = 0; sub < subtables; ++sub) {
            std::size_t subtable = lookup + table.u16(lookup + 6 + 2 * std::size_t{sub});
            std::uint16_t subtable_type = type;
            if (type == 9) {  // extension: the real subtable is further on
                subtable_type = table.u16(subtable + 2);
                subtable += table.u32(subtable + 4);
            }
            switch (subtable_type) {
            case 1:  // single adjustment
                for_each_covered(table, subtable + table.u16(subtable + 2),
                                 [&](std::uint32_t glyph, std::uint32_t) { add_role(glyph, moved); });
                break;
            case 2:  // pair adjustment: keyed by the first glyph's coverage
                for_each_covered(table, subtable + table.u16(subtable + 2),
                                 [&](std::uint32_t glyph, std::uint32_t) { add_role(glyph, pair_first); });
                break;
            case 3: {  // cursive attachment: an exit anchor followed by an entry anchor
                const std::uint16_t records = table.u16(subtable + 4);
                for_each_covered(table, subtable + table.u16(subtable + 2), [&](std::uint32_t glyph, std::uint32_t at) {
                    if (at >= records) return;
                    const std::size_t record = subtable + 6 + 4 * std::size_t{at};
                    if (table.u16(record) != 0) add_role(glyph, cursive_entry);
                    if (table.u16(record + 2) != 0) add_role(glyph, cursive_exit);
                });
                break;
            }
            case 4:  // mark to base, ligature, mark: they move only the marks, whose pairs
            case 5:  // go to HarfBuzz anyway (is_mark)
            case 6:
                break;
            case 7:  // contextual: any glyph of its rules may be moved
            case 8: {
                HbPointer<hb_set_t> glyphs(hb_set_create());
                hb_ot_layout_lookup_collect_glyphs(face, HB_OT_TAG_GPOS, index, glyphs.get(), glyphs.get(),
                                                   glyphs.get(), nullptr);
                for (hb_codepoint_t glyph = HB_SET_VALUE_INVALID; hb_set_next(glyphs.get(), &glyph);) add_role(glyph, moved);
                break;
            }
            default:
                throw std::out_of_range("unknown positioning lookup");
            }
        }
    }
}

// GDEF's glyph classes, read here rather than asked of HarfBuzz per glyph: its first answer
// loads and checks the whole GDEF table, which cost more than the shaping this screen saves.
void PairAdjustmentScreen::read_mark_glyphs(hb_face_t* face) {
    HbPointer<hb_blob_t> blob(hb_face_reference_table(face, HB_OT_TAG_GDEF));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    if (length == 0) return;  // no classes: HarfBuzz takes marks from Unicode, as is_mark does
    const TableReader table(std::string_view(data, length));
    const std::size_t classes = table.u16(4);
    if (classes == 0) return;
    constexpr std::uint16_t mark_class = 3;
    const std::uint16_t format = table.u16(classes);
    if (format == 1) {
        const std::uint16_t first = table.u16(classes + 2), count = table.u16(classes + 4);
        for (std::uint32_t i = 0; i < count; ++i)
            if (table.u16(classes + 6 + 2 * std::size_t{i}) == mark_class) add_role(first + i, mark_glyph);
    } else if (format == 2) {
        const std::uint16_t ranges = table.u16(classes + 2);
        for (std::uint16_t range = 0; range < ranges; ++range) {
            const std::size_t record = classes + 4 + 6 * std::size_t{range};
            if (table.u16(record + 4) != mark_class) continue;
            for (std::uint32_t glyph = table.u16(record); glyph <= table.u16(record + 2); ++glyph) add_role(glyph, mark_glyph);
        }
    } else {
        throw std::out_of_range("unknown class definition format");
    }
}

bool PairAdjustmentScreen::is_mark(char32_t character, std::uint32_t glyph) const {
    if (roles(glyph) & mark_glyph) return true;
    switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), character)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
        return true;
    default:
        return false;
    }
}

bool PairAdjustmentScreen::may_adjust(char32_t left, std::uint32_t left_glyph, char32_t right,
                                      std::uint32_t right_glyph) const {
    if (everything_) return true;
    const std::uint8_t first = roles(left_glyph), second = roles(right_glyph);
    if ((first & (moved | pair_first)) || (second & moved)) return true;
    if ((first & cursive_exit) && (second & cursive_entry)) return true;
    // HarfBuzz gives marks and default ignorables no width, and may reorder or compose marks.
    return is_default_ignorable(left) || is_default_ignorable(right) || is_mark(left, left_glyph) ||
           is_mark(right, right_glyph);
}

bool is_default_ignorable(char32_t c) {
    if (c < 0xAD) return false;
    return c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x115F && c <= 0x1160) || (c >= 0x17B4 && c <= 0x17B5) ||
           (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
           (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A) ||
           (c >= 0xE0000 && c <= 0xE0FFF);
}

}  // namespace pamphlet::layout
