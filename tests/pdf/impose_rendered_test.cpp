// Imposing a PDF just rendered from the document it keeps loaded (impose(RenderedPdf&)): the
// booklet is the one imposing its file gives, the rendered file is untouched, and a second
// imposition, the document taken, reads the file.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "pdf/impose.hpp"
#include "pdf/loaded_pdf.hpp"
#include "pdf/render_pdf.hpp"
#include "pdf_validators.hpp"
#include "render_support.hpp"
#include "support/command.hpp"

namespace pamphlet::pdf {
namespace {

RenderedPdf render_pages(int count) {
    static const std::string font = test_support::read_file(render_support::charis);
    std::vector<layout::Page> pages;
    for (int number = 1; number <= count; ++number)
        pages.push_back({420, 595, std::to_string(number),
                         {render_support::text_line(500, "page " + std::to_string(number) + " \u2014 caf\u00e9")}});
    return render_pdf_document(pages, {}, [&](layout::FaceId) { return std::string_view(font); }, {}, {});
}

ImposeOptions booklet_on_a4() {
    ImposeOptions options;
    options.schema = "booklet";
    options.sheet_width_pt = 595.276;
    options.sheet_height_pt = 841.89;
    return options;
}

// The file without its /ID, which imposing a loaded document derives afresh (a parsed file
// passes its first half on).
std::string without_identifier(const std::string& pdf) {
    return std::regex_replace(pdf, std::regex("/ID ?\\[<[0-9a-f]+> ?<[0-9a-f]+>\\]"), "/ID[]");
}

TEST(ImposeRendered, TheLoadedDocumentGivesTheBookletItsFileGives) {
    if (!std::filesystem::exists(render_support::charis)) GTEST_SKIP() << "Charis SIL not installed";
    RenderedPdf rendered = render_pages(6);
    const std::string file = rendered.bytes();
    ImpositionReport from_file_report, from_memory_report;
    const std::string from_file = impose(file, booklet_on_a4(), &from_file_report);
    const std::string from_memory = impose(rendered, booklet_on_a4(), &from_memory_report);
    EXPECT_EQ(rendered.bytes(), file);  // the PDF itself is still what was written
    EXPECT_EQ(from_memory_report.sheets, from_file_report.sheets);
    EXPECT_EQ(from_memory_report.blank_pages, 2);

    test_support::ScratchFolder folder;
    const auto memory_path = testing::write_pdf_file(folder, from_memory, "memory");
    const auto file_path = testing::write_pdf_file(folder, from_file, "file");
    EXPECT_EQ(test_support::run_command("qpdf --check " + memory_path.string()).exit_status, 0);
    const auto memory_text = test_support::run_command("pdftotext -layout " + memory_path.string() + " -");
    EXPECT_EQ(memory_text.err, "");
    EXPECT_EQ(memory_text.out, test_support::run_command("pdftotext -layout " + file_path.string() + " -").out);
    EXPECT_NE(memory_text.out.find("page 6 \u2014 caf\u00e9"), std::string::npos);
    const auto rows = testing::pdffonts_rows(memory_path);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_TRUE(testing::embedded_subset_unicode(rows[0])) << rows[0];
    EXPECT_EQ(without_identifier(from_memory), without_identifier(from_file));
}

TEST(ImposeRendered, ASecondImpositionReadsTheFile) {
    if (!std::filesystem::exists(render_support::charis)) GTEST_SKIP() << "Charis SIL not installed";
    RenderedPdf rendered = render_pages(4);
    EXPECT_FALSE(impose(rendered, booklet_on_a4()).empty());  // takes the document
    ImposeOptions two_up = booklet_on_a4();
    two_up.schema = "2up";
    EXPECT_EQ(impose(rendered, two_up), impose(rendered.bytes(), two_up));  // the document was taken
    ImposeOptions bad = two_up;
    bad.schema = "no such schema";
    EXPECT_THROW(impose(rendered, bad), std::invalid_argument);
}

TEST(ImposeRendered, ABadSchemaLeavesTheDocumentForTheNextImposition) {
    if (!std::filesystem::exists(render_support::charis)) GTEST_SKIP() << "Charis SIL not installed";
    RenderedPdf rendered = render_pages(4);
    ImposeOptions bad = booklet_on_a4();
    bad.schema = "fold-it-somehow";
    EXPECT_THROW(impose(rendered, bad), std::invalid_argument);
    EXPECT_NE(rendered.take_loaded(), nullptr);
}

}  // namespace
}  // namespace pamphlet::pdf
