// Golden command tests, pandoc style: each tests/data/golden/*.test file holds a small Markdown or
// Muse input and what both backends must make of it:
//
//   # what the case shows (any lines before the first section)
//   --- muse                (or --- markdown: the input, converted through the real binary)
//   --- epub                (the EPUB's section bodies, normalised: no ids or page markers)
//   --- pdf                 (pdftotext -layout, each line trimmed, runs of spaces made one)
//
// Every case is set in tests/data/golden/golden.toml (no title page, running heads or folios,
// ragged right, no hyphenation) so the PDF text holds only the snippet. PAMPHLET_ACCEPT=1 rewrites
// the expected sections from what the binary makes now; read the diff before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "cli/authoring_support.hpp"

namespace {

using namespace pamphlet::test_support;
using namespace pamphlet::test_support::authoring;

const std::filesystem::path golden_dir = data_dir / "golden";

struct GoldenCase {
    std::string preamble;                        // the comment lines before the first section
    std::vector<std::string> order;              // section names as they appear
    std::map<std::string, std::string> section;  // name -> text, ending in one newline (or empty)
    std::string input_format() const { return section.count("muse") ? "muse" : "markdown"; }
};

GoldenCase parse_golden(const std::string& text) {
    GoldenCase parsed;
    std::string current;
    for (const std::string& line : lines_of(text)) {
        if (line.rfind("--- ", 0) == 0) {
            current = trim(line.substr(4));
            parsed.order.push_back(current);
            parsed.section[current];
        } else if (current.empty()) {
            parsed.preamble += line + "\n";
        } else {
            parsed.section[current] += line + "\n";
        }
    }
    for (auto& [name, body] : parsed.section) {  // trailing blank lines are layout, not content
        while (body.size() >= 2 && body.substr(body.size() - 2) == "\n\n") body.pop_back();
        if (body == "\n") body.clear();
    }
    return parsed;
}

std::string render_golden(const GoldenCase& golden) {
    std::string text = golden.preamble;
    for (const std::string& name : golden.order) {
        text += "--- " + name + "\n" + golden.section.at(name);
        if (&name != &golden.order.back()) text += "\n";
    }
    return text;
}

std::vector<std::string> golden_case_names() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(golden_dir))
        if (entry.path().extension() == ".test") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

bool accepting() {
    const char* accept = std::getenv("PAMPHLET_ACCEPT");
    return accept != nullptr && std::string(accept) == "1";
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, BothBackendsGiveTheExpectedOutput) {
    const std::filesystem::path file = golden_dir / (GetParam() + ".test");
    GoldenCase golden = parse_golden(read_file(file));
    const std::string format = golden.input_format();
    ASSERT_TRUE(golden.section.count(format)) << file << " has no '--- muse' or '--- markdown' input section";

    ScratchFolder scratch;
    const auto input = scratch / (format == "muse" ? "case.muse" : "case.md");
    write_file(input, golden.section.at(format));
    const std::string style = "--title Golden --style " + quote_for_shell((golden_dir / "golden.toml").string());
    const CommandResult epub_run = convert(input, scratch / "case.epub", style);
    ASSERT_EQ(epub_run.exit_status, 0) << epub_run.err;
    const CommandResult pdf_run = convert(input, scratch / "case.pdf", style);
    ASSERT_EQ(pdf_run.exit_status, 0) << pdf_run.err;
    const std::string epub = normalise_epub_body(epub_body_text(scratch / "case.epub"));
    const std::string pdf = normalise_pdf_text(pdf_text(scratch / "case.pdf", /*keep_layout=*/true));
    ASSERT_FALSE(epub.empty()) << "the EPUB has no section text";
    ASSERT_FALSE(pdf.empty()) << "the PDF has no text";

    if (accepting()) {
        for (const char* name : {"epub", "pdf"})
            if (!golden.section.count(name)) golden.order.push_back(name);
        golden.section["epub"] = epub;
        golden.section["pdf"] = pdf;
        write_file(file, render_golden(golden));
        GTEST_SKIP() << "accepted " << file;
    }
    ASSERT_TRUE(golden.section.count("epub") && golden.section.count("pdf"))
        << file << " lacks an expected section; run with PAMPHLET_ACCEPT=1 and check the result";
    EXPECT_EQ(epub, golden.section.at("epub")) << "EPUB of " << file;
    EXPECT_EQ(pdf, golden.section.at("pdf")) << "PDF of " << file;
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(golden_case_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

// The issue asks for a golden case per construct in each format; a missing file fails here
// rather than passing silently.
TEST(GoldenCoverage, EveryConstructHasACaseInItsFormat) {
    const std::vector<std::string> expected = {
        "markdown-blockquote", "markdown-code-block", "markdown-emphasis", "markdown-fenced-divs",
        "markdown-footnotes", "markdown-hard-break", "markdown-headings", "markdown-inline-note",
        "markdown-lists", "markdown-raw-html", "markdown-scene-break", "markdown-table",
        "muse-br", "muse-center-right", "muse-emphasis", "muse-example", "muse-footnotes",
        "muse-headings", "muse-indentation", "muse-language", "muse-lists", "muse-quote",
        "muse-scene-break", "muse-table", "muse-tags", "muse-unknown-markup", "muse-verse"};
    const std::vector<std::string> present = golden_case_names();
    for (const std::string& name : expected)
        EXPECT_TRUE(std::find(present.begin(), present.end(), name) != present.end()) << "no golden case " << name;
}

}  // namespace
