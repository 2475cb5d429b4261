// Font facts read with HarfBuzz (layout/font_facts.hpp), checked against values read from the
// same files' tables with fontTools when this test was written (Charis SIL 6.101, DejaVu 2.37).
#include "layout/font_facts.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace pamphlet::layout {
namespace {

const std::filesystem::path fonts = "/usr/share/fonts/truetype";

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

TEST(FontFacts, CharisRegularAndItalic) {
    const auto regular_file = fonts / "charis/CharisSIL-Regular.ttf";
    const auto italic_file = fonts / "charis/CharisSIL-Italic.ttf";
    if (!std::filesystem::exists(regular_file) || !std::filesystem::exists(italic_file)) GTEST_SKIP();
    const FontFacts regular = read_font_facts(read(regular_file), {U'A', U'\u2014', U'\uE000'});
    EXPECT_EQ(regular.units_per_em, 2048);
    EXPECT_EQ(regular.postscript_name, "CharisSIL");
    EXPECT_EQ(regular.ascender, 2450);
    EXPECT_EQ(regular.descender, -900);
    EXPECT_EQ(regular.cap_height, 1374);
    EXPECT_EQ(regular.x_height, 987);
    EXPECT_EQ(regular.x_min, -1418);
    EXPECT_EQ(regular.y_min, -1092);
    EXPECT_EQ(regular.x_max, 6144);
    EXPECT_EQ(regular.y_max, 2600);
    EXPECT_EQ(regular.italic_angle, 0);
    EXPECT_FALSE(regular.italic);
    EXPECT_EQ(regular.weight, 400);
    EXPECT_FALSE(regular.fixed_pitch);
    ASSERT_EQ(regular.glyphs.size(), 3u);
    EXPECT_NE(regular.glyphs.at(U'A').id, 0u);
    EXPECT_EQ(regular.glyphs.at(U'A').advance, 1380);
    EXPECT_EQ(regular.glyphs.at(U'\uE000').id, 0u);  // no glyph: .notdef

    const FontFacts italic = read_font_facts(read(italic_file), {U'A'});
    EXPECT_EQ(italic.postscript_name, "CharisSIL-Italic");
    EXPECT_EQ(italic.italic_angle, -11);
    EXPECT_TRUE(italic.italic);
    EXPECT_EQ(italic.glyphs.at(U'A').advance, 1378);
}

TEST(FontFacts, BoldWeightAndMonospacedPitch) {
    const auto bold_file = fonts / "charis/CharisSIL-Bold.ttf";
    const auto mono_file = fonts / "dejavu/DejaVuSansMono.ttf";
    if (!std::filesystem::exists(bold_file) || !std::filesystem::exists(mono_file)) GTEST_SKIP();
    EXPECT_EQ(read_font_facts(read(bold_file), {}).weight, 700);
    const FontFacts mono = read_font_facts(read(mono_file), {U'i', U'W'});
    EXPECT_TRUE(mono.fixed_pitch);
    EXPECT_EQ(mono.postscript_name, "DejaVuSansMono");
    EXPECT_EQ(mono.glyphs.at(U'i').advance, mono.glyphs.at(U'W').advance);
}

TEST(FontFacts, RefusesWhatIsNoFont) {
    EXPECT_THROW(read_font_facts("certainly not a font", {U'a'}), std::runtime_error);
    EXPECT_THROW(read_font_facts("", {}), std::runtime_error);
}

}  // namespace
}  // namespace pamphlet::layout
