#include "layout/font_facts.hpp"

#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "layout/harfbuzz_handles.hpp"

namespace pamphlet::layout {
namespace {

// A table's bytes (empty when the font has none); the blob keeps them alive.
struct Table {
    HbPointer<hb_blob_t> blob;
    std::string_view bytes;

    Table(hb_face_t* face, hb_tag_t tag) : blob(hb_face_reference_table(face, tag)) {
        unsigned length = 0;
        const char* data = hb_blob_get_data(blob.get(), &length);
        bytes = data != nullptr ? std::string_view(data, length) : std::string_view();
    }

    // Big-endian integers at `offset`, 0 when the table is too short.
    std::uint32_t u32(std::size_t offset) const {
        if (offset + 4 > bytes.size()) return 0;
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[offset + i]);
        return value;
    }
    std::int16_t i16(std::size_t offset) const {
        if (offset + 2 > bytes.size()) return 0;
        const auto high = static_cast<unsigned char>(bytes[offset]);
        const auto low = static_cast<unsigned char>(bytes[offset + 1]);
        return static_cast<std::int16_t>(static_cast<std::uint16_t>((high << 8) | low));
    }
};

std::int32_t metric(hb_font_t* font, hb_ot_metrics_tag_t tag, std::int32_t otherwise) {
    hb_position_t value = 0;
    return hb_ot_metrics_get_position(font, tag, &value) ? value : otherwise;
}

std::string postscript_name(hb_face_t* face) {
    unsigned length = 0;
    length = hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &length, nullptr);
    if (length == 0) return {};
    std::string name(length + 1, '\0');
    unsigned size = length + 1;
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name.data());
    name.resize(size);
    return name;
}

}  // namespace

FontFacts read_font_facts(std::string_view font_bytes, const std::set<char32_t>& characters) {
    // The blob reads the caller's bytes in place: everything is read before this returns.
    HbPointer<hb_blob_t> blob(hb_blob_create_or_fail(font_bytes.data(), static_cast<unsigned>(font_bytes.size()),
                                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    if (!blob) throw std::runtime_error("cannot read a font program: out of memory");
    HbPointer<hb_face_t> face(hb_face_create(blob.get(), 0));
    if (hb_face_get_glyph_count(face.get()) == 0) throw std::runtime_error("not a font HarfBuzz can read");
    HbPointer<hb_font_t> font(hb_font_create(face.get()));  // OpenType functions, scaled to font units

    FontFacts facts;
    facts.units_per_em = static_cast<int>(hb_face_get_upem(face.get()));
    facts.postscript_name = postscript_name(face.get());
    facts.ascender = metric(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, facts.units_per_em * 4 / 5);
    facts.descender = metric(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, -facts.units_per_em / 5);
    facts.cap_height = metric(font.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, 0);
    if (facts.cap_height <= 0) facts.cap_height = facts.ascender;
    facts.x_height = std::max(0, metric(font.get(), HB_OT_METRICS_TAG_X_HEIGHT, 0));

    const Table head(face.get(), HB_TAG('h', 'e', 'a', 'd'));
    facts.x_min = head.i16(36);
    facts.y_min = head.i16(38);
    facts.x_max = head.i16(40);
    facts.y_max = head.i16(42);
    const Table post(face.get(), HB_TAG('p', 'o', 's', 't'));
    facts.fixed_pitch = post.u32(12) != 0;
    facts.italic_angle = hb_style_get_value(font.get(), HB_STYLE_TAG_SLANT_ANGLE);
    facts.italic = hb_style_get_value(font.get(), HB_STYLE_TAG_ITALIC) > 0.5f;
    facts.weight = static_cast<int>(std::lround(hb_style_get_value(font.get(), HB_STYLE_TAG_WEIGHT)));

    for (const char32_t character : characters) {
        FontGlyph glyph;
        hb_codepoint_t id = 0;
        if (hb_font_get_nominal_glyph(font.get(), character, &id)) glyph.id = id;
        glyph.advance = hb_font_get_glyph_h_advance(font.get(), glyph.id);
        facts.glyphs.emplace_hint(facts.glyphs.end(), character, glyph);
    }
    return facts;
}

}  // namespace pamphlet::layout
