// The whole print path, typeset() then write_pdf(), checked with the tools a printer or reader
// would use: qpdf, pdffonts, pdftotext. On a document built in C++ and, when the readers can
// read them, on the seed essay and the Bakunin text with its nine footnotes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "layout/prepare.hpp"
#include "layout/typeset.hpp"
#include "model/text.hpp"
#include "model/walk.hpp"
#include "pdf/pdf_validators.hpp"
#include "pdf/write_pdf.hpp"
#include "readers/read_document.hpp"

namespace pamphlet::pdf {
namespace {

using testing::run_command;

struct Printed {
    model::Document document;
    layout::TypesetDocument pages;
    std::string pdf;
};

Printed print(model::Document document, const layout::Style& style = {}) {
    model::Report report;
    layout::prepare_document(document, style);
    Printed printed{std::move(document), {}, {}};
    printed.pages = layout::typeset(printed.document, style, report);
    printed.pdf = write_pdf(printed.pages, printed.document.metadata, {});
    return printed;
}

// Every word of the running text and of the notes, in reading order of the source.
std::string source_text(const model::Document& document) {
    std::string text;
    model::for_each_leaf_block(document, [&](const model::Block& leaf, std::size_t) { text += model::visible_text(leaf) + "\n"; });
    return text;
}

model::Document read_plain_text(const std::filesystem::path& path) {
    model::Report report;
    const std::string bytes = testing::read_file(path);
    readers::ReadOptions options;
    options.file_name = path.filename().string();
    model::Document document = readers::read_document(readers::decode_source(bytes, options.file_name, report),
                                                      readers::InputFormat::plain_text, options, report);
    if (document.metadata.title.empty()) document.metadata.title = path.stem().string();
    return document;
}

// All the checks the issue asks of a finished PDF; returns the extracted text.
std::string expect_valid_pdf(const Printed& printed, const std::string& name) {
    test_support::ScratchFolder folder;
    const auto path = testing::write_pdf_file(folder, printed.pdf, name);
    const auto check = run_command("qpdf --check " + path.string());
    EXPECT_EQ(check.exit_status, 0) << check.out << check.err;
    EXPECT_EQ(check.err, "");
    for (const auto& row : testing::pdffonts_rows(path)) EXPECT_TRUE(testing::embedded_subset_unicode(row)) << row;
    const auto pages = run_command("qpdf --show-npages " + path.string());
    EXPECT_EQ(pages.out, std::to_string(printed.pages.pages.size()) + "\n");
    EXPECT_EQ(printed.pages.page_starts.size(), printed.pages.pages.size());
    // -layout: the default mode joins hyphenated line ends itself, even a word's own hyphen.
    const auto text = run_command("pdftotext -layout -enc UTF-8 " + path.string() + " -");
    EXPECT_EQ(text.exit_status, 0);
    EXPECT_EQ(text.err, "") << "poppler warnings";
    const auto expected = testing::comparable_words(source_text(printed.document));
    const auto extracted = testing::comparable_words(text.out);
    const std::size_t found = testing::words_found_in_order(expected, extracted);
    if (found < expected.size()) {
        // Show where extraction and source part ways.
        std::string context;
        for (std::size_t k = found >= 8 ? found - 8 : 0; k < std::min(expected.size(), found + 4); ++k)
            context += expected[k] + " ";
        if (std::getenv("PAMPHLET_KEEP_PDF")) std::filesystem::copy_file(path, "/tmp/" + name + ".pdf", std::filesystem::copy_options::overwrite_existing);
        ADD_FAILURE() << "source word " << found << " of " << expected.size() << " missing or out of order: " << context;
    }
    return text.out;
}

// Glyph runs that stick out of the text block (beyond a little hanging punctuation).
int overfull_runs(const layout::TypesetDocument& typeset, const layout::Style& style) {
    int overfull = 0;
    for (std::size_t p = 0; p < typeset.pages.size(); ++p) {
        const bool recto = (p + 1) % 2 == 1;
        const double left = recto ? style.page.margin_inner_pt : style.page.margin_outer_pt;
        const double right = left + style.page.width_pt - style.page.margin_inner_pt - style.page.margin_outer_pt;
        for (const auto& item : typeset.pages[p].items) {
            const auto* run = std::get_if<layout::GlyphRun>(&item);
            if (run == nullptr) continue;
            double width = 0;
            for (unsigned char c : run->text)
                if (c < 0x80) width += typeset.fonts->advance_em(run->face, c) * run->size_pt * run->horizontal_scale;
            if (run->x_pt + width > right + 0.5 * run->size_pt) ++overfull;
        }
    }
    return overfull;
}

std::map<std::string, std::size_t> destination_pages(const layout::TypesetDocument& typeset) {
    std::map<std::string, std::size_t> pages;
    for (std::size_t p = 0; p < typeset.pages.size(); ++p)
        for (const auto& item : typeset.pages[p].items)
            if (const auto* destination = std::get_if<layout::Destination>(&item)) pages.emplace(destination->name, p);
    return pages;
}

model::Document built_document() {
    model::Document document;
    document.metadata.title = "On \u201cFree\u201d Association";
    document.metadata.contributors = {{"Вера Засулич", "aut"}};
    model::Heading heading;
    heading.level = 1;
    heading.content = {model::Text{"Why associate?"}};
    document.blocks.push_back(heading);
    for (int p = 0; p < 30; ++p) {
        model::Paragraph paragraph;
        paragraph.content.push_back(model::Text{"Paragraph " + std::to_string(p) +
                                                " argues that cooperation\u2014not competition\u2014is what makes "
                                                "communities resilient; "});
        paragraph.content.push_back(model::Emphasis{{model::Text{"mutual aid"}}});
        paragraph.content.push_back(model::Text{" is practised every day, in \u0440\u0443\u0441\u0441\u043a\u0438\u0439 "
                                                "as in English, by people who never read a word of theory about it. "});
        if (p % 7 == 3) {
            model::NoteReference note;
            note.body = {model::Block(model::Paragraph{{model::Text{"A note on paragraph " + std::to_string(p) +
                                                                    ", set at the foot of its page."}}})};
            paragraph.content.push_back(note);
        }
        paragraph.content.push_back(model::Strong{{model::Text{"Organise."}}});
        document.blocks.push_back(paragraph);
    }
    return document;
}

TEST(TypesetPdf, BuiltDocumentPassesEveryCheck) {
    const Printed printed = print(built_document());
    const std::string text = expect_valid_pdf(printed, "built");
    EXPECT_NE(text.find("\u0440\u0443\u0441\u0441\u043a\u0438\u0439"), std::string::npos);
    EXPECT_NE(text.find("A note on paragraph 3, set at the foot of its page."), std::string::npos) << text;
    EXPECT_EQ(overfull_runs(printed.pages, layout::Style{}), 0);
}

TEST(TypesetPdf, SameDocumentGivesSameBytes) {
    EXPECT_EQ(print(built_document()).pdf, print(built_document()).pdf);
}

TEST(TypesetPdf, SeedEssayIsValidAndSmall) {
    const std::filesystem::path seed = std::filesystem::path(PAMPHLET_SOURCE_DIR) / "input/russian-question.txt";
    if (!std::filesystem::exists(seed)) GTEST_SKIP() << "no seed essay";
    const Printed printed = print(read_plain_text(seed));
    expect_valid_pdf(printed, "seed");
    EXPECT_LT(printed.pdf.size(), 100'000u);
    EXPECT_EQ(overfull_runs(printed.pages, layout::Style{}), 0);
}

TEST(TypesetPdf, BakuninNotesSitOnThePagesOfTheirReferences) {
    const std::filesystem::path text =
        std::filesystem::path(PAMPHLET_SHARED_DIR) / "corpus/bakunin-god-and-the-state.txt";
    if (!std::filesystem::exists(text)) GTEST_SKIP() << "no corpus";
    const Printed printed = print(read_plain_text(text));
    expect_valid_pdf(printed, "bakunin");
    EXPECT_EQ(overfull_runs(printed.pages, layout::Style{}), 0);
    const auto pages = destination_pages(printed.pages);
    int notes = 0;
    for (const auto& [name, page] : pages) {
        if (name.rfind("noteref-", 0) != 0) continue;
        ++notes;
        const std::string note = "note-" + name.substr(8);
        ASSERT_TRUE(pages.count(note));
        EXPECT_EQ(pages.at(note), page) << name;
    }
    // SOURCES.md speaks of notes [1]-[9]; the text itself has [10] and [11] as well.
    EXPECT_GE(notes, 9);
}

}  // namespace
}  // namespace pamphlet::pdf
