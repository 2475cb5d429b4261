// The PDF backend drawing hand-made frames: no layout involved, so these tests pin down what the
// backend itself promises (valid file, subset fonts with Unicode maps, extractable text, links,
// outline, document info, determinism).
#include "pdf/render_pdf.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <map>

#include "pdf/pdf_validators.hpp"
#include "pdf/to_unicode_cmap.hpp"

namespace pamphlet::pdf {
namespace {

using testing::run_command;

const std::map<layout::FaceId, std::filesystem::path> test_faces = {
    {0, "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf"},
    {1, "/usr/share/fonts/truetype/charis/CharisSIL-Italic.ttf"},
    {2, "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"},
};

class FontFiles {
public:
    std::string_view operator()(layout::FaceId face) {
        auto& bytes = cache_[face];
        if (bytes.empty()) bytes = testing::read_file(test_faces.at(face));
        return bytes;
    }

private:
    std::map<layout::FaceId, std::string> cache_;
};

layout::GlyphRun run(layout::FaceId face, double x, double y, std::string text, double scale = 1.0) {
    layout::GlyphRun glyphs;
    glyphs.face = face;
    glyphs.size_pt = 11;
    glyphs.x_pt = x;
    glyphs.y_pt = y;
    glyphs.horizontal_scale = scale;
    glyphs.text = std::move(text);
    return glyphs;
}

// Two A5 pages: a contents line linking to a heading on page 2, text in three faces including
// Cyrillic and typographic punctuation, a note rule, and a URI link.
std::vector<layout::Page> sample_pages() {
    layout::Page first{420, 595, "1", {}};
    first.items.push_back(run(0, 60, 500, "Contents"));
    first.items.push_back(run(0, 60, 480, "The \u201cRussian\u201d question"));
    first.items.push_back(run(0, 300, 480, "2"));
    first.items.push_back(layout::LinkArea{60, 476, 310, 490, "", "s1"});
    first.items.push_back(run(1, 60, 440, "emphasised\u2014and"));
    first.items.push_back(run(0, 160, 440, "spaced", 1.02));
    first.items.push_back(layout::Rule{60, 100, 120, 100, 0.4});
    first.items.push_back(run(2, 60, 90, "\u0420\u0443\u0441\u0441\u043a\u0438\u0439 \u0432\u043e\u043f\u0440\u043e\u0441"));
    first.items.push_back(layout::LinkArea{60, 60, 200, 72, "https://example.org/", ""});
    layout::Page second{420, 595, "2", {}};
    second.items.push_back(layout::Destination{"s1", 60, 520});
    second.items.push_back(run(0, 60, 500, "Chapter\u00a0one"));
    second.items.push_back(run(0, 60, 480, "caf\u00e9 \u00e6sthetics"));
    return {first, second};
}

model::Metadata sample_metadata() {
    model::Metadata metadata;
    metadata.title = "The Russian Question";
    metadata.contributors = {{"Pyotr Kropotkin", "aut"}, {"Someone Else", "trl"}};
    metadata.language = "en";
    return metadata;
}

std::string render_sample(const PdfOptions& options = {}) {
    FontFiles fonts;
    const std::vector<layout::OutlineEntry> outline{{1, "Chapter one \u2014 \u0420\u0443\u0441\u0441\u043a\u0438\u0439", "s1"}};
    return render_pdf(sample_pages(), outline, std::ref(fonts), sample_metadata(), options);
}

TEST(RenderPdf, PassesQpdfCheck) {
    test_support::ScratchFolder folder;
    const auto path = testing::write_pdf_file(folder, render_sample(), "render");
    const auto check = run_command("qpdf --check " + path.string());
    EXPECT_EQ(check.exit_status, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;
}

TEST(RenderPdf, EveryFontIsEmbeddedSubsetWithUnicodeMap) {
    test_support::ScratchFolder folder;
    const auto path = testing::write_pdf_file(folder, render_sample(), "fonts");
    const auto rows = testing::pdffonts_rows(path);
    EXPECT_EQ(rows.size(), 3u);
    for (const auto& row : rows) EXPECT_TRUE(testing::embedded_subset_unicode(row)) << row;
}

TEST(RenderPdf, TextComesBackWithoutPopplerWarnings) {
    test_support::ScratchFolder folder;
    const auto path = testing::write_pdf_file(folder, render_sample(), "text");
    const auto text = run_command("pdftotext -enc UTF-8 " + path.string() + " -");
    EXPECT_EQ(text.exit_status, 0);
    EXPECT_EQ(text.err, "");
    for (const char* expected : {"Contents", "The \u201cRussian\u201d question", "emphasised\u2014and", "spaced",
                                 "\u0420\u0443\u0441\u0441\u043a\u0438\u0439 \u0432\u043e\u043f\u0440\u043e\u0441",
                                 "caf\u00e9 \u00e6sthetics"})
        EXPECT_NE(text.out.find(expected), std::string::npos) << expected << "\n" << text.out;
}

TEST(RenderPdf, FacesSharingAFontFileShareOneFont) {
    // A substituted face (say bold, where the family has none) may come back as another face's
    // file; both faces must draw, through one embedded font.
    const std::string regular = testing::read_file(test_faces.at(0));
    layout::Page page{420, 595, "1", {run(0, 60, 500, "regular"), run(1, 60, 480, "substituted")}};
    test_support::ScratchFolder folder;
    const auto path = testing::write_pdf_file(
        folder, render_pdf({page}, {}, [&](layout::FaceId) { return std::string_view(regular); }, {}, {}), "shared");
    EXPECT_EQ(testing::pdffonts_rows(path).size(), 1u);
    const auto text = run_command("pdftotext " + path.string() + " -");
    EXPECT_NE(text.out.find("substituted"), std::string::npos);
    EXPECT_EQ(text.err, "");
}

TEST(RenderPdf, SameInputGivesSameBytes) {
    EXPECT_EQ(render_sample(), render_sample());
}

TEST(RenderPdf, SubsetFontsKeepTheFileSmall) {
    // Three whole faces are over 1.5 MB; subsets of a few dozen glyphs each are a few KB.
    EXPECT_LT(render_sample().size(), 40'000u);
}

// The value of one `pdfinfo` field ("Title", "Author"), without the padding.
std::string pdfinfo_field(const std::string& info, const std::string& field) {
    const auto start = info.find(field + ":");
    if (start == std::string::npos) return "";
    auto value = info.find_first_not_of(' ', start + field.size() + 1);
    return info.substr(value, info.find('\n', value) - value);
}

TEST(RenderPdf, DatesOnlyFromSourceDateEpoch) {
    EXPECT_EQ(render_sample().find("/CreationDate"), std::string::npos);
    PdfOptions dated;
    dated.source_date_epoch = 1700000000;
    test_support::ScratchFolder folder;
    const auto path = testing::write_pdf_file(folder, render_sample(dated), "dated");
    const auto info = run_command("pdfinfo -isodates " + path.string()).out;
    EXPECT_EQ(pdfinfo_field(info, "CreationDate"), "2023-11-14T22:13:20Z") << info;
    EXPECT_EQ(pdfinfo_field(info, "Title"), "The Russian Question");
    EXPECT_EQ(pdfinfo_field(info, "Author"), "Pyotr Kropotkin");  // the translator is not an author
    EXPECT_EQ(pdfinfo_field(info, "Creator"), "pamphlet");
}

TEST(RenderPdf, OutlineAndLinksPointAtTheirPages) {
    test_support::ScratchFolder folder;
    const auto path = testing::write_pdf_file(folder, render_sample(), "links");
    const auto json = run_command("qpdf --json --json-key=pages " + path.string());
    ASSERT_EQ(json.exit_status, 0) << json.err;
    // The outline entry sits in the second page's record.
    const auto title = json.out.find("Chapter one \u2014 \u0420\u0443\u0441\u0441\u043a\u0438\u0439");
    ASSERT_NE(title, std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"pageposfrom1\": 2", title), std::string::npos);
    // Uncompressed, the contents link's destination and the URI link are visible as text.
    const auto plain = run_command("qpdf --qdf --object-streams=disable " + path.string() + " -");
    EXPECT_NE(plain.out.find("/URI (https://example.org/)"), std::string::npos);
    // The outline entry and the contents link both jump to (60, 520) keeping the zoom.
    std::string flat;  // whitespace runs collapsed: qdf indents nested and indirect objects differently
    for (char ch : plain.out)
        if (!std::isspace(static_cast<unsigned char>(ch)) || (!flat.empty() && flat.back() != ' ')) flat += std::isspace(static_cast<unsigned char>(ch)) ? ' ' : ch;
    const std::string jump = "/XYZ 60 520 0 ]";
    const auto first_jump = flat.find(jump);
    ASSERT_NE(first_jump, std::string::npos);
    EXPECT_NE(flat.find(jump, first_jump + 1), std::string::npos);
    EXPECT_NE(plain.out.find("/Border [\n    0\n    0\n    0\n  ]"), std::string::npos);
}

TEST(ToUnicodeCmap, FoldsRunsWithinOneHighByte) {
    const std::string cmap = identity_to_unicode_cmap({U'a', U'b', U'c', U'x', 0x00FF, 0x0100, 0x0101});
    EXPECT_NE(cmap.find("<0061> <0063> <0061>"), std::string::npos) << cmap;
    EXPECT_NE(cmap.find("<0078> <0078>"), std::string::npos) << cmap;
    // 0x00FF and 0x0100 are consecutive but differ in the high byte: not one range.
    EXPECT_NE(cmap.find("<00FF> <00FF>"), std::string::npos) << cmap;
    EXPECT_NE(cmap.find("<0100> <0101> <0100>"), std::string::npos) << cmap;
    EXPECT_EQ(cmap.find("cidrange"), std::string::npos);
}

TEST(ToUnicodeCmap, AtMostOneHundredEntriesPerBlock) {
    std::set<char32_t> scattered;
    for (char32_t c = 0x100; c < 0x100 + 2 * 250; c += 2) scattered.insert(c);
    const std::string cmap = identity_to_unicode_cmap(scattered);
    EXPECT_NE(cmap.find("100 beginbfchar"), std::string::npos);
    EXPECT_NE(cmap.find("50 beginbfchar"), std::string::npos);
}

}  // namespace
}  // namespace pamphlet::pdf
