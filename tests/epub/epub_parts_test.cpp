// The small parts of the EPUB backend, one at a time: hashing and identifiers, XML safety, ids,
// font subsetting, and how each model kind is written.
#include <gtest/gtest.h>

#include <fontconfig/fontconfig.h>

#include "epub/content_identifier.hpp"
#include "epub/embedded_fonts.hpp"
#include "epub/id_registry.hpp"
#include "epub/xml_text.hpp"
#include "epub_test_support.hpp"

namespace pamphlet::epub::testing {
namespace {

std::string hex(const std::array<std::uint8_t, 20>& digest) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::uint8_t byte : digest) out += {digits[byte >> 4], digits[byte & 0x0F]};
    return out;
}

TEST(EpubParts, Sha1MatchesTheStandardTestVectors) {
    EXPECT_EQ(hex(sha1("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    EXPECT_EQ(hex(sha1("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
    EXPECT_EQ(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
              "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    EXPECT_EQ(hex(sha1(std::string(1000000, 'a'))), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST(EpubParts, TimestampsAreUtcInTheFormDctermsModifiedWants) {
    EXPECT_EQ(format_utc(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(format_utc(951782400), "2000-02-29T00:00:00Z");
    EXPECT_EQ(format_utc(1700000000), "2023-11-14T22:13:20Z");
    Document document;
    document.metadata.date = "1848-02";
    EXPECT_EQ(format_utc(modification_time(document, std::nullopt)), "1848-02-01T00:00:00Z");
    document.metadata.date = "around 1848";
    EXPECT_EQ(format_utc(modification_time(document, std::nullopt)), "2000-01-01T00:00:00Z");
    EXPECT_EQ(modification_time(document, 42), 42);
    EXPECT_TRUE(is_w3c_date("1917-11-07"));
    EXPECT_FALSE(is_w3c_date("1917-13"));
    EXPECT_FALSE(is_w3c_date("07.11.1917"));
}

TEST(EpubParts, XmlSafeDropsForbiddenCharactersAndRepairsBrokenUtf8) {
    EXPECT_EQ(xml_safe("a\x01" "b\tc\n"), "ab\tc\n");
    EXPECT_EQ(xml_safe("caf\xC3\xA9"), "caf\xC3\xA9");
    EXPECT_EQ(xml_safe("bad \xC3 byte"), "bad \xEF\xBF\xBD byte");
    EXPECT_EQ(xml_safe("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a UTF-16 surrogate
    EXPECT_EQ(xml_safe("<&>"), "<&>");  // escaping is pugixml's job when it writes
}

TEST(EpubParts, IdRegistryKeepsIdsSafeAndUnique) {
    IdRegistry ids;
    EXPECT_EQ(ids.claim("note-1"), "note-1");
    EXPECT_EQ(ids.claim("note-1"), "note-1-2");
    EXPECT_EQ(ids.claim("1 intro", "h-"), "h-1_intro");
    EXPECT_EQ(ids.claim("\xC3\xA9t\xC3\xA9", "h-"), "h-__t__");
}

TEST(EpubParts, SubsetFontKeepsOnlyWhatIsUsed) {
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("DejaVu Sans"));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    FcChar8* file = nullptr;
    std::string path;
    if (match != nullptr && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) path = reinterpret_cast<char*>(file);
    if (match != nullptr) FcPatternDestroy(match);
    FcPatternDestroy(pattern);
    if (path.empty()) GTEST_SKIP() << "no font installed";
    const auto whole = std::filesystem::file_size(path);
    layout::FontSubsetter subsetter;  // the one --embed-fonts uses, with the EPUB's options
    const std::string small = subsetter.subset(layout::FontSource(std::filesystem::path(path)), characters_in({"Hello"}), {});
    const std::string larger = subsetter.subset(layout::FontSource(std::filesystem::path(path)), characters_in({"Hello, Привет, Γειά"}), {});
    EXPECT_LT(small.size(), whole / 10);
    EXPECT_LT(small.size(), larger.size());
    EXPECT_EQ(characters_in({"aé€𝄞"}), (std::set<char32_t>{U'a', U'é', U'€', U'𝄞'}));
}

class SampleSections : public ::testing::Test {
protected:
    void SetUp() override {
        Report report;
        const EpubContents epub = read_epub(write_epub(sample_document(), layout::Style{}, {}, {}, report));
        for (const auto& [name, bytes] : epub.files)
            if (name.starts_with("EPUB/section-")) all_ += bytes;
        warnings_ = report.warnings.size();
    }
    bool has(const std::string& fragment) const { return all_.find(fragment) != std::string::npos; }
    std::string all_;
    std::size_t warnings_ = 0;
};

TEST_F(SampleSections, WritesEveryInlineKind) {
    for (const char* fragment : {"<em>emphasis</em>", "<strong>strength</strong>",
                                 "<span class=\"smallcaps\">small caps</span>", "<code>code()</code>",
                                 "<a href=\"https://example.org/?a=1&amp;b=2\">safe link</a>", "and a<br/>line break",
                                 "<span lang=\"de\" xml:lang=\"de\">ein deutsches Wort</span>",
                                 "class=\"noteref secondary\""})
        EXPECT_TRUE(has(fragment)) << fragment;
}

TEST_F(SampleSections, WritesEveryBlockKind) {
    for (const char* fragment : {
             "<blockquote class=\"epigraph\" epub:type=\"epigraph\" role=\"doc-epigraph\">",
             "<blockquote><p>An ordinary quotation.</p></blockquote>",
             "<ol start=\"3\"><li><p>third item</p></li>",
             "<div class=\"verse\"><p class=\"stanza\">First line of verse,<br/>second line.</p><p class=\"stanza\">",
             "<pre>  preformatted &lt;text&gt;\n  kept as is</pre>",
             "<hr class=\"scene-break\"/>",
             "<p class=\"align-center no-indent\">A centred line.</p>",
             "<caption>Membership</caption><thead><tr><th scope=\"col\" class=\"align-left\">Year</th>",
             "<td class=\"align-right\">12</td>",
             // The figure's file does not exist: its text alternative stands in (and the user is told).
             "<p class=\"figure-missing\">[image: A missing figure]</p><figcaption>A caption</figcaption>"})
        EXPECT_TRUE(has(fragment)) << fragment;
    EXPECT_GE(warnings_, 1U);
}

TEST(EpubParts, AnUnusableCoverImageIsAnInputErrorNamingTheFile) {
    EpubOptions options;
    options.cover_image = "/nonexistent/cover.png";
    Report report;
    try {
        write_epub(sample_document(), layout::Style{}, {}, options, report);
        FAIL() << "no error for a missing cover";
    } catch (const InputError& error) {
        EXPECT_EQ(error.file(), "/nonexistent/cover.png");
    }
    options.cover_image = "cover.bmp";
    EXPECT_THROW(write_epub(sample_document(), layout::Style{}, {}, options, report), InputError);
}

TEST(EpubParts, TypographicCoverShowsTitleAndAuthors) {
    Report report;
    const EpubContents epub = read_epub(write_epub(sample_document(), layout::Style{}, {}, {}, report));
    const auto svg = parse_xml(epub.files.at("EPUB/images/cover.svg"));
    std::string shown;
    for (const auto& line : svg.select_nodes("//*[local-name()='text']")) shown += std::string(line.node().child_value()) + " ";
    EXPECT_NE(shown.find("Things>"), std::string::npos) << shown;
    EXPECT_NE(shown.find("Ada Writer"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("Tom Translator"), std::string::npos) << "only authors go on the cover: " << shown;
    const auto page = parse_xml(epub.files.at("EPUB/cover.xhtml"));
    EXPECT_NE(std::string(page.select_node("//*[local-name()='img']").node().attribute("alt").value()).find("Ada Writer"),
              std::string::npos);
}

TEST(EpubParts, ZipTimesAreTheBookTimeInUtcWhateverTheTimeZone) {
    EpubOptions options;
    options.source_date_epoch = 1700000000;  // 2023-11-14T22:13:20Z
    Report report;
    const std::string bytes = write_epub(sample_document(), layout::Style{}, {}, options, report);
    zip_error_t error;
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    ASSERT_NE(archive, nullptr);
    // libzip reads DOS times back through the local time zone; compare the fields it decoded.
    zip_stat_t stat;
    ASSERT_EQ(zip_stat_index(archive, 0, 0, &stat), 0);
    std::tm local{};
    localtime_r(&stat.mtime, &local);
    EXPECT_EQ(local.tm_year + 1900, 2023);
    EXPECT_EQ(local.tm_mon + 1, 11);
    EXPECT_EQ(local.tm_mday, 14);
    EXPECT_EQ(local.tm_hour, 22);
    EXPECT_EQ(local.tm_min, 13);
    zip_discard(archive);
}

}  // namespace
}  // namespace pamphlet::epub::testing
