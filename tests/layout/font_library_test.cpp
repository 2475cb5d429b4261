#include "layout/font_library.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace pamphlet::layout {
namespace {

TEST(FontLibrary, FindsTheFourCharisFacesAsTrueTypeFiles) {
    FontLibrary fonts;
    bool substituted = true;
    FaceId regular = fonts.face("Charis SIL", FontWeight::normal, FontSlant::normal, &substituted);
    EXPECT_FALSE(substituted);
    FaceId italic = fonts.face("Charis SIL", FontWeight::normal, FontSlant::italic);
    FaceId bold = fonts.face("Charis SIL", FontWeight::bold, FontSlant::normal);
    FaceId bold_italic = fonts.face("Charis SIL", FontWeight::bold, FontSlant::italic, &substituted);
    EXPECT_FALSE(substituted);
    EXPECT_EQ(fonts.face_count(), 4u);
    EXPECT_EQ(fonts.file(regular).filename(), "CharisSIL-Regular.ttf");
    EXPECT_EQ(fonts.file(italic).filename(), "CharisSIL-Italic.ttf");
    EXPECT_EQ(fonts.file(bold).filename(), "CharisSIL-Bold.ttf");
    EXPECT_EQ(fonts.file(bold_italic).filename(), "CharisSIL-BoldItalic.ttf");
    EXPECT_EQ(fonts.family_name(regular), "Charis SIL");
    EXPECT_EQ(fonts.weight(bold), FontWeight::bold);
    EXPECT_EQ(fonts.slant(italic), FontSlant::italic);
    // Asking again reads nothing new.
    EXPECT_EQ(fonts.face("Charis SIL", FontWeight::normal, FontSlant::normal), regular);
    EXPECT_EQ(fonts.face_count(), 4u);
}

TEST(FontLibrary, PrefersTheNormalWidthOfAFamily) {
    FontLibrary fonts;
    // DejaVu Serif Condensed also calls itself "DejaVu Serif"; the normal width must win.
    EXPECT_EQ(fonts.file(fonts.face("DejaVu Serif", FontWeight::normal, FontSlant::normal)).filename(), "DejaVuSerif.ttf");
    EXPECT_EQ(fonts.file(fonts.face("DejaVu Serif", FontWeight::bold, FontSlant::italic)).filename(),
              "DejaVuSerif-BoldItalic.ttf");
}

TEST(FontLibrary, MissingFamilyFallsBackAndSaysSo) {
    FontLibrary fonts;
    bool substituted = false;
    FaceId face = fonts.face("No Such Family Anywhere", FontWeight::normal, FontSlant::normal, &substituted);
    EXPECT_TRUE(substituted);
    EXPECT_EQ(fonts.file(face).extension(), ".ttf");
}

TEST(FontLibrary, FileBytesAreTheWholeTrueTypeFile) {
    FontLibrary fonts;
    FaceId face = fonts.face("Charis SIL", FontWeight::normal, FontSlant::normal);
    std::string_view bytes = fonts.file_bytes(face);
    EXPECT_EQ(bytes.size(), std::filesystem::file_size(fonts.file(face)));
    ASSERT_GE(bytes.size(), 4u);
    EXPECT_EQ(bytes.substr(0, 4), std::string_view("\x00\x01\x00\x00", 4));  // TrueType outlines
}

TEST(FontLibrary, AdvancesAndMetricsComeFromTheFont) {
    FontLibrary fonts;
    FaceId face = fonts.face("Charis SIL", FontWeight::normal, FontSlant::normal);
    EXPECT_GT(fonts.advance_em(face, U'i'), 0.1);
    EXPECT_LT(fonts.advance_em(face, U'i'), fonts.advance_em(face, U'm'));
    EXPECT_GT(fonts.advance_em(face, U' '), 0.15);
    EXPECT_LT(fonts.advance_em(face, U' '), 0.4);
    FaceMetrics metrics = fonts.metrics(face);
    EXPECT_GT(metrics.ascender, 0.5);
    EXPECT_LT(metrics.descender, -0.1);
    EXPECT_GT(metrics.x_height, 0.3);
    EXPECT_LT(metrics.x_height, metrics.cap_height);
    EXPECT_LT(metrics.cap_height, metrics.ascender);
}

TEST(FontLibrary, KerningPairsAreReadFromTheFont) {
    FontLibrary fonts;
    // DejaVu Serif kerns the classic pairs in GPOS; doubled lower-case letters it does not.
    FaceId face = fonts.face("DejaVu Serif", FontWeight::normal, FontSlant::normal);
    EXPECT_LT(fonts.kerning_em(face, U'A', U'V'), -0.03);
    EXPECT_LT(fonts.kerning_em(face, U'T', U'o'), -0.03);
    EXPECT_EQ(fonts.kerning_em(face, U'l', U'l'), 0.0);
    EXPECT_EQ(fonts.kerning_em(face, U'A', U'V'), fonts.kerning_em(face, U'A', U'V'));  // cached, same answer
    // Charis SIL 6.101 (Debian 12) has no kerning pairs at all; shaping must not invent any.
    FaceId charis = fonts.face("Charis SIL", FontWeight::normal, FontSlant::normal);
    EXPECT_EQ(fonts.kerning_em(charis, U'A', U'V'), 0.0);
}

TEST(FontLibrary, FallbackFaceForCharactersTheMainFaceLacks) {
    FontLibrary fonts;
    FaceId charis = fonts.face("Charis SIL", FontWeight::normal, FontSlant::normal);
    std::vector<std::string> fallbacks = {"DejaVu Serif", "DejaVu Sans"};
    EXPECT_EQ(fonts.face_for(charis, U'a', fallbacks), charis);
    EXPECT_EQ(fonts.face_for(charis, U'ж', fallbacks), charis);  // Charis has Cyrillic
    char32_t chess_king = 0x2654;
    ASSERT_FALSE(fonts.has_glyph(charis, chess_king));
    FaceId other = fonts.face_for(charis, chess_king, fallbacks);
    EXPECT_NE(other, charis);
    EXPECT_TRUE(fonts.has_glyph(other, chess_king));
    EXPECT_EQ(fonts.face_for(charis, 0x10FFFD, fallbacks), charis);  // nobody has it: the caller warns
}

TEST(FontLibrary, ShownGlyphAnswersAsTheSeparateQuestions) {
    FontLibrary fonts;
    FaceId charis = fonts.face("Charis SIL", FontWeight::normal, FontSlant::normal);
    std::vector<std::string> fallbacks = {"DejaVu Serif", "DejaVu Sans"};
    // A letter the face has, one only a fallback has, and one nobody has.
    for (char32_t character : {U'a', U'\u0436', char32_t{0x2654}, char32_t{0x10FFFD}}) {
        ShownGlyph shown = fonts.shown_glyph(charis, character, fallbacks);
        FaceId expected = fonts.face_for(charis, character, fallbacks);
        EXPECT_EQ(shown.face, expected);
        EXPECT_EQ(shown.present, fonts.has_glyph(expected, character));
        EXPECT_EQ(shown.advance_em, fonts.advance_em(expected, character));
    }
    EXPECT_NE(fonts.shown_glyph(charis, 0x2654, fallbacks).face, charis);
    EXPECT_FALSE(fonts.shown_glyph(charis, 0x10FFFD, fallbacks).present);
}

TEST(FontLibrary, InkExtentsOfCommonAndRareCharacters) {
    FontLibrary fonts;
    FaceId face = fonts.face("DejaVu Serif", FontWeight::normal, FontSlant::normal);
    // 'x' sits on the baseline; 'p' reaches below it; a capital reaches higher than 'x'.
    EXPECT_GT(fonts.ink_ascent_em(face, U'x'), 0.3);
    EXPECT_LE(fonts.ink_descent_em(face, U'x'), 0.02);
    EXPECT_GT(fonts.ink_descent_em(face, U'p'), 0.1);
    EXPECT_GT(fonts.ink_ascent_em(face, U'H'), fonts.ink_ascent_em(face, U'x'));
    // Both at once say the same, for characters in the flat table and beyond it (a chess king).
    for (char32_t character : {U'x', U'p', U'H', U'-', char32_t{0x2654}, char32_t{0x2654}}) {
        InkExtent ink = fonts.ink_extent_em(face, character);
        EXPECT_EQ(ink.ascent, fonts.ink_ascent_em(face, character));
        EXPECT_EQ(ink.descent, fonts.ink_descent_em(face, character));
    }
    EXPECT_GT(fonts.ink_ascent_em(face, 0x2654), 0.5);
}

TEST(FontLibrary, ManyKerningPairsKeepTheirAnswers) {
    FontLibrary fonts;
    FaceId face = fonts.face("DejaVu Serif", FontWeight::normal, FontSlant::normal);
    // Enough pairs that the cache grows several times; every answer must survive the growth.
    std::vector<double> first;
    for (char32_t left = U'A'; left <= U'z'; ++left)
        for (char32_t right = U'A'; right <= U'z'; ++right) first.push_back(fonts.kerning_em(face, left, right));
    std::size_t index = 0;
    bool any_kerned = false;
    for (char32_t left = U'A'; left <= U'z'; ++left) {
        for (char32_t right = U'A'; right <= U'z'; ++right) {
            EXPECT_EQ(fonts.kerning_em(face, left, right), first[index++]);
            any_kerned = any_kerned || first[index - 1] != 0;
        }
    }
    EXPECT_TRUE(any_kerned);
    EXPECT_LT(fonts.kerning_em(face, U'A', U'V'), -0.03);
    EXPECT_EQ(fonts.kerning_em(face, U'V', U'A'), fonts.kerning_em(face, U'V', U'A'));
}

}  // namespace
}  // namespace pamphlet::layout
