// The shared font subsetter (src/layout/font_subset): what the PDF and the EPUB ask of it, and
// that a font is parsed once however often and by whichever backend it is cut.
#include "layout/font_subset.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>

#include "render_support.hpp"
#include "support/command.hpp"

namespace pamphlet::layout {
namespace {

using pdf::render_support::charis;

std::uint32_t big_endian(const std::string& bytes, std::size_t at, int length) {
    std::uint32_t value = 0;
    for (int i = 0; i < length; ++i) value = (value << 8) | static_cast<unsigned char>(bytes.at(at + i));
    return value;
}

// Offset of a table in a TrueType file, or 0 when the file has no such table.
std::size_t table_offset(const std::string& font, const std::string& tag) {
    const std::uint32_t tables = big_endian(font, 4, 2);
    for (std::uint32_t i = 0; i < tables; ++i)
        if (font.compare(12 + 16 * i, 4, tag) == 0) return big_endian(font, 12 + 16 * i + 8, 4);
    return 0;
}

std::uint32_t glyph_count(const std::string& font) { return big_endian(font, table_offset(font, "maxp") + 4, 2); }

SubsetOptions pdf_options() {
    SubsetOptions options;
    options.retain_glyph_ids = true;
    options.drop_layout_tables = true;
    return options;
}

class FontSubsetTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
        whole_ = test_support::read_file(charis);
    }
    std::string whole_;
};

TEST_F(FontSubsetTest, KeepsOnlyTheGlyphsAsked) {
    FontSubsetter subsetter;
    const std::string small = subsetter.subset(FontSource(charis), {U'z'}, {});
    const std::string larger = subsetter.subset(FontSource(charis), {U'a', U'z', U'\u0416', U'\u2014'}, {});
    EXPECT_EQ(glyph_count(small), 2u);  // .notdef and z
    EXPECT_GT(glyph_count(larger), glyph_count(small));
    EXPECT_LT(small.size(), whole_.size() / 10);
}

TEST_F(FontSubsetTest, PdfOptionsKeepGlyphIdsAndDropLayoutTables) {
    FontSubsetter subsetter;
    const std::string epub = subsetter.subset(FontSource(charis), {U'f', U'i', U'z'}, {});
    const std::string pdf = subsetter.subset(FontSource(charis), {U'f', U'i', U'z'}, pdf_options());
    // Glyph ids kept: 'z' keeps its place, so the font still counts glyphs up to it.
    EXPECT_GT(glyph_count(pdf), 3u);
    EXPECT_LE(glyph_count(pdf), glyph_count(whole_));
    EXPECT_NE(table_offset(epub, "GSUB"), 0u);  // a reading system shapes the text (fi ligature)
    EXPECT_EQ(table_offset(pdf, "GSUB"), 0u);
    EXPECT_EQ(table_offset(pdf, "GPOS"), 0u);
    EXPECT_EQ(table_offset(pdf, "Silf"), 0u);
    EXPECT_NE(table_offset(pdf, "glyf"), 0u);
}

TEST_F(FontSubsetTest, ParsesEachFontOnceWhoeverAsks) {
    FontSubsetter subsetter;
    // The PDF backend knows the file and holds its bytes; the EPUB backend knows only the file.
    const std::string from_pdf = subsetter.subset(FontSource(charis, whole_), {U'a', U'b'}, pdf_options());
    const std::string from_epub = subsetter.subset(FontSource(charis), {U'a', U'b'}, {});
    subsetter.subset(FontSource(charis), {U'c'}, pdf_options());
    EXPECT_EQ(subsetter.fonts_parsed(), 1u);
    // Bytes without a file name are a font of their own.
    subsetter.subset(FontSource(std::string_view(whole_)), {U'a'}, {});
    EXPECT_EQ(subsetter.fonts_parsed(), 2u);
    // Reuse changes nothing in the result.
    FontSubsetter fresh;
    EXPECT_EQ(fresh.subset(FontSource(charis), {U'a', U'b'}, {}), from_epub);
    EXPECT_EQ(fresh.subset(FontSource(charis, whole_), {U'a', U'b'}, pdf_options()), from_pdf);
}

TEST_F(FontSubsetTest, KeepsItsOwnCopyOfTheBytes) {
    FontSubsetter subsetter;
    std::string bytes = whole_;
    const std::string before = subsetter.subset(FontSource(std::filesystem::path("copy.ttf"), bytes), {U'q'}, {});
    bytes.assign(bytes.size(), '\0');  // the caller's buffer is gone
    EXPECT_EQ(subsetter.subset(FontSource(std::filesystem::path("copy.ttf")), {U'q'}, {}), before);
}

TEST_F(FontSubsetTest, SharedAcrossThreadsGivesTheSameSubsets) {
    FontSubsetter shared;
    const std::string expected = FontSubsetter().subset(FontSource(charis), {U'x', U'y'}, pdf_options());
    std::string results[4];
    std::thread workers[4];
    for (int i = 0; i < 4; ++i)
        workers[i] = std::thread([&, i] { results[i] = shared.subset(FontSource(charis), {U'x', U'y'}, pdf_options()); });
    for (auto& worker : workers) worker.join();
    for (const std::string& result : results) EXPECT_EQ(result, expected);
    EXPECT_EQ(shared.fonts_parsed(), 1u);
}

TEST(FontSubset, RefusesWhatIsNotAFont) {
    FontSubsetter subsetter;
    EXPECT_THROW(subsetter.subset(FontSource(std::string_view("not a font at all")), {U'a'}, {}), std::runtime_error);
    EXPECT_THROW(subsetter.subset(FontSource(std::filesystem::path("/nonexistent/font.ttf")), {U'a'}, {}),
                 std::runtime_error);
}

}  // namespace
}  // namespace pamphlet::layout
