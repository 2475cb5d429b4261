// Issue 9's Done-when: footnote numbering is identical in EPUB and PDF, for Markdown ([^label]
// notes, one with two paragraphs, and inline ^[...] notes) and for Muse (primary [1] notes and
// secondary {1} notes with their own numbering, one secondary note inside a primary one).
//
// The fixtures in tests/data/golden/numbering/ put a distinctive word before every reference
// ("anchorA") and start every note body with "Body of note A.", so the test can pair each
// reference and each note body with the marker the output gives it, in both outputs.
#include <gtest/gtest.h>

#include "cli/authoring_support.hpp"

namespace {

using namespace pamphlet::test_support;
using namespace pamphlet::test_support::authoring;

using Pairs = std::vector<std::pair<std::string, std::string>>;  // (letter, marker) in reading order

struct NoteMarkers {
    Pairs references;  // anchorX -> the marker set after it
    Pairs bodies;      // "Body of note X" -> the number or letter it is set under
};

Pairs all_matches(const std::string& text, const std::regex& pattern) {
    Pairs found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
        found.emplace_back((*it)[1], (*it)[2]);
    return found;
}

NoteMarkers epub_markers(const std::string& body) {
    return {all_matches(body, std::regex(R"re(anchor([A-Z])\s*<a [^>]*class="noteref[^"]*"[^>]*>([^<]+)</a>)re")),
            [&] {
                Pairs bodies;  // the regex yields (marker, letter): swap to (letter, marker)
                for (const auto& [marker, letter] :
                     all_matches(body, std::regex(R"re(class="note-number">([^<]+)</a>\s*Body of note ([A-Z]))re")))
                    bodies.emplace_back(letter, marker);
                return bodies;
            }()};
}

NoteMarkers pdf_markers(const std::string& text) {
    NoteMarkers markers{all_matches(text, std::regex(R"(anchor([A-Z]) ?([0-9]+|[a-z]+)\b)")), {}};
    for (const auto& [marker, letter] : all_matches(text, std::regex(R"((?:^|\n)\s*([0-9]+|[a-z]+)\. Body of note ([A-Z]))")))
        markers.bodies.emplace_back(letter, marker);
    return markers;
}

// Each noteref links to the aside that carries its own number, and back.
void expect_links_match_numbers(const std::string& body) {
    std::map<std::string, std::pair<std::string, std::string>> reference_by_id;  // id -> (target, text)
    const std::regex reference(R"re(<a [^>]*class="noteref[^"]*" id="([^"]+)" href="#([^"]+)">([^<]+)</a>)re");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), reference); it != std::sregex_iterator(); ++it)
        reference_by_id[(*it)[1]] = {(*it)[2], (*it)[3]};
    const std::regex aside(R"re(<aside id="([^"]+)"[^>]*><p><a href="#([^"]+)" role="doc-backlink" class="note-number">([^<]+)</a>)re");
    std::size_t asides = 0;
    for (auto it = std::sregex_iterator(body.begin(), body.end(), aside); it != std::sregex_iterator(); ++it, ++asides) {
        const auto found = reference_by_id.find((*it)[2]);
        ASSERT_NE(found, reference_by_id.end()) << "note " << (*it)[1] << " links back to nothing";
        EXPECT_EQ(found->second.first, (*it)[1]) << "reference and note do not link to each other";
        EXPECT_EQ(found->second.second, (*it)[3]) << "the reference and its note show different numbers";
    }
    EXPECT_EQ(asides, reference_by_id.size());
}

struct Outputs {
    ScratchFolder scratch;
    std::string epub_body, pdf;
};

void convert_both(const std::string& fixture, Outputs& outputs) {
    const auto input = data_dir / "golden" / "numbering" / fixture;
    const CommandResult epub = convert(input, outputs.scratch / "notes.epub");
    ASSERT_EQ(epub.exit_status, 0) << epub.err;
    const CommandResult pdf = convert(input, outputs.scratch / "notes.pdf");
    ASSERT_EQ(pdf.exit_status, 0) << pdf.err;
    outputs.epub_body = epub_body_text(outputs.scratch / "notes.epub");
    outputs.pdf = pdf_text(outputs.scratch / "notes.pdf", /*keep_layout=*/true);
}

// Order-independent view, for references inside notes (the EPUB reads them after the text,
// the PDF at the page foot).
std::map<std::string, std::string> as_map(const Pairs& pairs) { return {pairs.begin(), pairs.end()}; }

TEST(NoteNumbering, MarkdownNotesAreNumberedAlikeInEpubAndPdf) {
    Outputs outputs;
    ASSERT_NO_FATAL_FAILURE(convert_both("notes.md", outputs));
    const NoteMarkers epub = epub_markers(outputs.epub_body);
    const NoteMarkers pdf = pdf_markers(outputs.pdf);
    // Numbered in order of reference whatever the labels, inline notes among them, running on
    // across parts (the default style numbers per document).
    const Pairs expected = {{"A", "1"}, {"B", "2"}, {"C", "3"}, {"D", "4"}, {"E", "5"}, {"F", "6"}};
    EXPECT_EQ(epub.references, expected);
    EXPECT_EQ(pdf.references, expected) << outputs.pdf;
    EXPECT_EQ(as_map(epub.bodies), as_map(expected));
    EXPECT_EQ(as_map(pdf.bodies), as_map(expected)) << outputs.pdf;
    // Note B's second paragraph follows its first in both.
    EXPECT_NE(outputs.epub_body.find("Body of note B.</p><p>Second paragraph of note B.</p></aside>"), std::string::npos);
    EXPECT_NE(normalise_pdf_text(outputs.pdf).find("2. Body of note B.\nSecond paragraph of note B.\n"), std::string::npos);
    expect_links_match_numbers(outputs.epub_body);
}

TEST(NoteNumbering, MusePrimaryAndSecondaryNotesAreNumberedAlikeInEpubAndPdf) {
    Outputs outputs;
    ASSERT_NO_FATAL_FAILURE(convert_both("notes.muse", outputs));
    const NoteMarkers epub = epub_markers(outputs.epub_body);
    const NoteMarkers pdf = pdf_markers(outputs.pdf);
    // Primary notes count 1, 2, 3...; secondary notes a, b, c... on their own, in reading order
    // with a note's body read at its reference (so {3}, inside note 2, comes before the {1} that
    // follows note 2's mark in the text).
    const std::map<std::string, std::string> expected = {{"A", "1"}, {"B", "2"}, {"U", "a"}, {"S", "b"},
                                                         {"C", "3"}, {"T", "c"}, {"D", "4"}};
    EXPECT_EQ(as_map(epub.references), expected);
    EXPECT_EQ(as_map(pdf.references), expected) << outputs.pdf;
    EXPECT_EQ(as_map(epub.bodies), expected);
    EXPECT_EQ(as_map(pdf.bodies), expected) << outputs.pdf;
    EXPECT_EQ(epub.references.size(), expected.size());
    EXPECT_EQ(pdf.references.size(), expected.size());
    // The main text's references come in the same order in both.
    const auto main_text = [](const Pairs& pairs) {
        Pairs kept;
        for (const auto& pair : pairs)
            if (pair.first != "U") kept.push_back(pair);
        return kept;
    };
    EXPECT_EQ(main_text(epub.references), main_text(pdf.references));
    expect_links_match_numbers(outputs.epub_body);
}

}  // namespace

namespace {

// The shared numbering reads a note's body at its reference, so in the fixture's first part note
// a (inside note 2) comes before note b (in the text); the EPUB's asides must follow that order,
// as the PDF does (they were once written breadth first: b before a).
TEST(NoteNumbering, EpubNotesFollowTheirNumbers) {
    Outputs outputs;
    ASSERT_NO_FATAL_FAILURE(convert_both("notes.muse", outputs));
    std::vector<std::string> primary, secondary;
    for (const auto& [letter, marker] : epub_markers(outputs.epub_body).bodies)
        (std::isdigit(static_cast<unsigned char>(marker[0])) ? primary : secondary).push_back(marker);
    EXPECT_TRUE(std::is_sorted(primary.begin(), primary.end(), [](const std::string& a, const std::string& b) {
        return std::stoi(a) < std::stoi(b);
    }));
    // Within each section file; the fixture's second part holds only "c", so the first's must be a, b.
    EXPECT_EQ(secondary, (std::vector<std::string>{"a", "b", "c"}));
}

}  // namespace
