// The pair screen skips shaping for pairs it proves unkerned; these tests hold its answers to
// HarfBuzz's: every pair it skips must shape to no kerning, in every face the styles use.
#include "layout/pair_adjustment.hpp"

#include <gtest/gtest.h>
#include <hb-ot.h>
#include <hb.h>

#include <memory>
#include <string>
#include <vector>

#include "layout/font_library.hpp"
#include "layout/harfbuzz_handles.hpp"

namespace pamphlet::layout {
namespace {

// Kerning measured the long way, as FontLibrary did before the screen: shape the two characters
// (kerning on, ligatures and contextual alternates off) and compare with the nominal advance.
class ShapedPairs {
public:
    explicit ShapedPairs(const std::filesystem::path& file)
        : blob_(hb_blob_create_from_file_or_fail(file.c_str())),
          face_(hb_face_create(blob_.get(), 0)),
          font_(hb_font_create(face_.get())),
          buffer_(hb_buffer_create()) {}

    hb_face_t* face() const { return face_.get(); }

    hb_codepoint_t glyph(char32_t character) const {
        hb_codepoint_t glyph = 0;
        return hb_font_get_nominal_glyph(font_.get(), character, &glyph) ? glyph : 0;
    }

    double kerning_em(char32_t left, char32_t right) const {
        const hb_codepoint_t left_glyph = glyph(left), right_glyph = glyph(right);
        if (left_glyph == 0 || right_glyph == 0) return 0;
        static constexpr hb_feature_t features[] = {
            {HB_TAG('l', 'i', 'g', 'a'), 0, 0, ~0u}, {HB_TAG('c', 'l', 'i', 'g'), 0, 0, ~0u},
            {HB_TAG('c', 'a', 'l', 't'), 0, 0, ~0u}, {HB_TAG('k', 'e', 'r', 'n'), 1, 0, ~0u},
        };
        hb_buffer_clear_contents(buffer_.get());
        const std::uint32_t text[2] = {left, right};
        hb_buffer_add_utf32(buffer_.get(), text, 2, 0, 2);
        hb_buffer_guess_segment_properties(buffer_.get());
        hb_shape(font_.get(), buffer_.get(), features, std::size(features));
        unsigned count = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer_.get(), &count);
        const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer_.get(), &count);
        if (count != 2 || info[0].codepoint != left_glyph || info[1].codepoint != right_glyph ||
            positions[1].x_offset != 0)
            return 0;
        return (positions[0].x_advance - hb_font_get_glyph_h_advance(font_.get(), left_glyph)) /
               static_cast<double>(std::max(1u, hb_face_get_upem(face_.get())));
    }

private:
    HbPointer<hb_blob_t> blob_;
    HbPointer<hb_face_t> face_;
    HbPointer<hb_font_t> font_;
    HbPointer<hb_buffer_t> buffer_;
};

// Characters of the kinds the screen treats differently: Latin letters and punctuation (kerned
// in some fonts), combining marks, default ignorables, Cyrillic and Greek, and the tone letters
// Charis SIL joins by cursive attachment.
std::vector<char32_t> sample_characters() {
    std::vector<char32_t> characters;
    for (char32_t c = U'!'; c <= U'~'; ++c) characters.push_back(c);
    for (char32_t c = 0xC0; c <= 0xFF; c += 3) characters.push_back(c);
    for (char32_t c = 0x100; c <= 0x17F; c += 7) characters.push_back(c);
    for (char32_t c = 0x300; c <= 0x30C; ++c) characters.push_back(c);
    for (char32_t c = 0x391; c <= 0x3C9; c += 9) characters.push_back(c);
    for (char32_t c = 0x410; c <= 0x44F; c += 7) characters.push_back(c);
    for (char32_t c = 0x2E5; c <= 0x2E9; ++c) characters.push_back(c);
    for (char32_t c = 0xA712; c <= 0xA716; ++c) characters.push_back(c);
    for (char32_t c : {0x2DE, 0x315, 0x31B, 0x358}) characters.push_back(c);  // Charis: cursive entry anchors
    for (char32_t c : {0xA0, 0xAD, 0x200B, 0x200D, 0x2060, 0xFE0F, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D,
                       0x2026, 0x2039, 0x203A, 0x2009, 0x202F})
        characters.push_back(c);
    return characters;
}

struct FaceRequest {
    const char* family;
    FontWeight weight;
    FontSlant slant;
};

TEST(PairAdjustmentScreen, EveryPairItSkipsShapesToNoKerning) {
    const FaceRequest requests[] = {
        {"Charis SIL", FontWeight::normal, FontSlant::normal},  {"Charis SIL", FontWeight::normal, FontSlant::italic},
        {"Charis SIL", FontWeight::bold, FontSlant::normal},    {"Charis SIL", FontWeight::bold, FontSlant::italic},
        {"DejaVu Serif", FontWeight::normal, FontSlant::normal}, {"DejaVu Sans", FontWeight::normal, FontSlant::normal},
        {"DejaVu Sans Mono", FontWeight::normal, FontSlant::normal},
    };
    const std::vector<char32_t> characters = sample_characters();
    FontLibrary fonts;
    for (const FaceRequest& request : requests) {
        const FaceId id = fonts.face(request.family, request.weight, request.slant);
        const std::filesystem::path file = fonts.file(id);
        SCOPED_TRACE(file.string());
        const ShapedPairs shaped(file);
        const PairAdjustmentScreen screen(shaped.face());
        std::size_t skipped = 0, pairs = 0, kerned = 0;
        for (char32_t left : characters) {
            for (char32_t right : characters) {
                const hb_codepoint_t left_glyph = shaped.glyph(left), right_glyph = shaped.glyph(right);
                if (left_glyph == 0 || right_glyph == 0) continue;
                ++pairs;
                const double expected = shaped.kerning_em(left, right);
                kerned += expected != 0;
                // What the line breaker sees: the screen plus shaping where it lets the pair through.
                ASSERT_EQ(fonts.kerning_em(id, left, right), expected)
                    << std::hex << "U+" << static_cast<unsigned>(left) << " U+" << static_cast<unsigned>(right);
                if (!screen.may_adjust(left, left_glyph, right, right_glyph)) {
                    ++skipped;
                    ASSERT_EQ(expected, 0.0) << std::hex << "skipped a kerned pair: U+" << static_cast<unsigned>(left)
                                             << " U+" << static_cast<unsigned>(right);
                }
            }
        }
        EXPECT_GT(pairs, 10000u);
        if (std::string(request.family) == "Charis SIL") {
            // No kerning pairs in Charis SIL 6: what shaping moves is marks (which get no width)
            // and cursive joins, all let through; the letters' and punctuation's pairs are skipped.
            EXPECT_LT(kerned, pairs / 100);
            EXPECT_GT(skipped, pairs * 7 / 10);
        }
        if (std::string(request.family) == "DejaVu Serif") {
            EXPECT_GT(kerned, 100u);
            EXPECT_TRUE(screen.passes_everything());  // it has an old kern table too
        }
    }
}

TEST(PairAdjustmentScreen, LetsThroughWhatTheTablesCanMove) {
    FontLibrary fonts;
    // DejaVu Serif kerns in GPOS and in an old kern table, which the screen does not read.
    const ShapedPairs dejavu(fonts.file(fonts.face("DejaVu Serif", FontWeight::normal, FontSlant::normal)));
    const PairAdjustmentScreen kerned(dejavu.face());
    EXPECT_TRUE(kerned.passes_everything());
    EXPECT_TRUE(kerned.may_adjust(U'l', dejavu.glyph(U'l'), U'l', dejavu.glyph(U'l')));

    const ShapedPairs charis(fonts.file(fonts.face("Charis SIL", FontWeight::normal, FontSlant::normal)));
    const PairAdjustmentScreen plain(charis.face());
    EXPECT_FALSE(plain.may_adjust(U'A', charis.glyph(U'A'), U'V', charis.glyph(U'V')));
    // The rhotic hook after a letter: Charis joins them by cursive attachment (an exit anchor on
    // the letter, an entry anchor on the hook).
    EXPECT_TRUE(plain.may_adjust(U'a', charis.glyph(U'a'), 0x2DE, charis.glyph(0x2DE)));
    EXPECT_FALSE(plain.may_adjust(0x2DE, charis.glyph(0x2DE), U'a', charis.glyph(U'a')));
    // A combining mark, and a character HarfBuzz hides, always go to shaping.
    EXPECT_TRUE(plain.may_adjust(U'a', charis.glyph(U'a'), 0x301, charis.glyph(0x301)));
    EXPECT_TRUE(plain.may_adjust(0x301, charis.glyph(0x301), U'a', charis.glyph(U'a')));
    EXPECT_TRUE(is_default_ignorable(0x200D));
    EXPECT_TRUE(is_default_ignorable(0xFE0F));
    EXPECT_FALSE(is_default_ignorable(U'a'));
    EXPECT_FALSE(is_default_ignorable(0x2014));
}

TEST(PairAdjustmentScreen, AFaceWithoutTablesItCanReadPassesEverything) {
    // An empty face (no GPOS, no GDEF) moves nothing; a face with an unreadable GPOS passes all.
    HbPointer<hb_face_t> empty(hb_face_create(hb_blob_get_empty(), 0));
    const PairAdjustmentScreen nothing(empty.get());
    EXPECT_FALSE(nothing.passes_everything());

    // A GPOS table whose lookup list points past its end.
    static const char broken_gpos[] = {0, 1, 0, 0, 0, 0, 0, 0, 0x7F, 0x7F};
    HbPointer<hb_blob_t> gpos(hb_blob_create(broken_gpos, sizeof broken_gpos, HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    HbPointer<hb_face_t> builder(hb_face_builder_create());
    hb_face_builder_add_table(builder.get(), HB_OT_TAG_GPOS, gpos.get());
    HbPointer<hb_blob_t> bytes(hb_face_reference_blob(builder.get()));
    HbPointer<hb_face_t> broken(hb_face_create(bytes.get(), 0));
    const PairAdjustmentScreen careful(broken.get());
    EXPECT_TRUE(careful.passes_everything());
}

}  // namespace
}  // namespace pamphlet::layout
