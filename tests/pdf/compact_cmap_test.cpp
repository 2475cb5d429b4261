// The compact cmap handed to libharu (src/pdf/compact_cmap): the same characters map to the same
// glyphs, in a few segments, and the font stays a well-formed TrueType file libharu measures
// exactly as before.
#include "pdf/compact_cmap.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>

#include "layout/font_subset.hpp"
#include "pdf/haru_document.hpp"
#include "render_support.hpp"
#include "support/command.hpp"

namespace pamphlet::pdf {
namespace {

using render_support::charis;

std::uint32_t big_endian(const std::string& bytes, std::size_t at, int length) {
    std::uint32_t value = 0;
    for (int i = 0; i < length; ++i) value = (value << 8) | static_cast<unsigned char>(bytes.at(at + static_cast<std::size_t>(i)));
    return value;
}

std::size_t table_offset(const std::string& font, const std::string& tag) {
    const std::uint32_t tables = big_endian(font, 4, 2);
    for (std::uint32_t i = 0; i < tables; ++i)
        if (font.compare(12 + 16 * i, 4, tag) == 0) return big_endian(font, 12 + 16 * i + 8, 4);
    return 0;
}

std::string subset_of_charis(const std::u32string& text) {
    layout::FontSubsetter subsetter;
    layout::SubsetOptions options;
    options.retain_glyph_ids = true;  // as the PDF backend asks (page_fonts.cpp)
    options.drop_layout_tables = true;
    return subsetter.subset(layout::FontSource(charis), std::set<char32_t>(text.begin(), text.end()), options);
}

const std::u32string sample = U"The quick brown fox, \u00e9t\u00e9 \u2014 \u201cquoted\u201d \u0416\u0436 \u2026 fi 0123";

TEST(CompactCmap, SameMappingInFewSegments) {
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    const std::string subset = subset_of_charis(sample);
    const auto before = unicode_bmp_cmap(subset);
    ASSERT_GE(before.size(), 30u);
    const std::string compact = with_compact_cmap(subset);
    EXPECT_EQ(unicode_bmp_cmap(compact), before);
    const std::size_t cmap = table_offset(compact, "cmap");
    ASSERT_NE(cmap, 0u);
    EXPECT_EQ(big_endian(compact, cmap + 2, 2), 1u);       // one subtable
    const std::size_t subtable = cmap + big_endian(compact, cmap + 8, 4);
    EXPECT_EQ(big_endian(compact, subtable, 2), 4u);       // format 4
    const std::uint32_t segments = big_endian(compact, subtable + 6, 2) / 2;
    EXPECT_LE(segments, 5u);  // ASCII and Latin-1, Cyrillic, punctuation, the closing 0xFFFF
    EXPECT_LT(segments * 3, big_endian(subset, table_offset(subset, "cmap") + big_endian(subset, table_offset(subset, "cmap") + 8, 4) + 6, 2) / 2)
        << "the subset's own cmap has a segment per run of characters";
}

TEST(CompactCmap, ChecksumsAreRecomputed) {
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    const std::string compact = with_compact_cmap(subset_of_charis(sample));
    // The whole font, head.checkSumAdjustment included, sums to the magic number.
    std::uint32_t sum = 0;
    for (std::size_t at = 0; at + 4 <= compact.size(); at += 4) sum += big_endian(compact, at, 4);
    EXPECT_EQ(compact.size() % 4, 0u);
    EXPECT_EQ(sum, 0xB1B0AFBAu);
}

TEST(CompactCmap, LibharuMeasuresTheSameWidths) {
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    test_support::ScratchFolder folder;
    const std::string subset = subset_of_charis(sample);
    test_support::write_file(folder / "subset.ttf", subset);
    test_support::write_file(folder / "compact.ttf", with_compact_cmap(subset));
    HaruDocument plain_document;
    HaruDocument compact_document;
    HPDF_Font plain = plain_document.load_truetype_font((folder / "subset.ttf").string());
    HPDF_Font compact = compact_document.load_truetype_font((folder / "compact.ttf").string());
    for (char32_t code = 0x20; code < 0x2100; ++code)
        ASSERT_EQ(HPDF_Font_GetUnicodeWidth(compact, static_cast<HPDF_UNICODE>(code)),
                  HPDF_Font_GetUnicodeWidth(plain, static_cast<HPDF_UNICODE>(code)))
            << std::hex << static_cast<std::uint32_t>(code);
}

TEST(CompactCmap, LeavesWhatItCannotReadAlone) {
    EXPECT_EQ(with_compact_cmap("not a font"), "not a font");
    EXPECT_TRUE(unicode_bmp_cmap("").empty());
    const std::string truncated("\0\1\0\0\0\x05", 6);  // a table directory cut short
    EXPECT_EQ(with_compact_cmap(truncated), truncated);
}

}  // namespace
}  // namespace pamphlet::pdf
