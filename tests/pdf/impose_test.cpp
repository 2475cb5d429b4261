// Imposing real PDFs: source pages made with libharu carry a big folio each; after imposing, the
// folios are read back cell by cell with pdftotext, the placement matrices are read from the
// sheets' content streams, and qpdf checks the file.
#include <gtest/gtest.h>

#include <cmath>

#include "impose_fixtures.hpp"
#include "pdf/impose.hpp"
#include "pdf/impose_geometry.hpp"
#include "pdf/impose_layout.hpp"
#include "pdf/impose_marks.hpp"

using namespace pamphlet::pdf;
using namespace pamphlet::pdf::impose_testing;
using pamphlet::test_support::ScratchFolder;
using pamphlet::test_support::run_command;
using pamphlet::test_support::write_file;

namespace {

const char* const embedded_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// The page size each schema is made for, on A4: A5 booklets, A6 for 4up, A7 zines.
std::pair<double, double> page_size_for(imposition::Schema schema) {
    switch (schema) {
        case imposition::Schema::four_up: return {105 * mm, 148 * mm};
        case imposition::Schema::zine: return {74 * mm, 105 * mm};
        default: return {148 * mm, 210 * mm};
    }
}

ImposeOptions a4(std::string_view schema) {
    ImposeOptions options;
    options.schema = std::string(schema);
    options.sheet_width_pt = a4_width;
    options.sheet_height_pt = a4_height;
    return options;
}

// Reads every cell of every side back with pdftotext and compares with the folio the plan puts
// there: "" for blanks. Cells of turned sides are looked for where the turn moved them.
// With `edge` > 0, only the first and last `edge` sides are read.
void expect_folios_in_cells(const std::filesystem::path& pdf, const imposition::SignatureLayout& plan,
                            const imposition::SheetGeometry& geometry, std::size_t edge = 0) {
    for (std::size_t index = 0; index < plan.sides.size(); ++index) {
        if (edge > 0 && index >= edge && index + edge < plan.sides.size()) continue;
        const auto& side = plan.sides[index];
        for (const auto& placement : side.placements) {
            auto cell = geometry.cell(placement.column, placement.row);
            if (side.turned) {
                cell.x = geometry.sheet_width_pt - cell.x - cell.width;
                cell.y = geometry.sheet_height_pt - cell.y - cell.height;
            }
            const std::string expected = placement.page == imposition::blank_page ? "" : std::to_string(placement.page + 1);
            EXPECT_EQ(text_in(pdf, static_cast<int>(index) + 1, cell.x, cell.y, cell.width, cell.height,
                              geometry.sheet_height_pt),
                      expected)
                << impose_testing::describe(side) << ", cell " << placement.column << "," << placement.row;
        }
    }
}

void expect_qpdf_check_passes(const std::filesystem::path& pdf) {
    const auto check = run_command("qpdf --check " + pamphlet::test_support::quote_for_shell(pdf.string()));
    EXPECT_EQ(check.exit_status, 0) << check.out << check.err;
    EXPECT_EQ(check.out.find("WARNING"), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;
}

}  // namespace

TEST(Impose, ExpectedOrderFilesReadBackFromThePdf) {
    ScratchFolder folder;
    for (const auto& file : expected_files()) {
        SCOPED_TRACE(file.filename().string());
        const auto expected = read_expected(file);
        const auto [width, height] = page_size_for(expected.schema);
        auto options = a4(imposition::schema_name(expected.schema));
        options.signature_range = expected.options.signature_range;
        options.keep_back_cover = expected.options.keep_back_cover;
        ImpositionReport report;
        const auto imposed = impose(numbered_pdf(expected.pages, width, height), options, &report);
        const auto path = folder / (expected.name + ".pdf");
        write_file(path, imposed);
        expect_qpdf_check_passes(path);
        const auto plan = imposition::layout_pages(expected.schema, expected.pages, expected.options);
        ASSERT_EQ(report.sides, static_cast<int>(expected.sides.size()));
        std::vector<std::string> described;
        for (const auto& side : plan.sides) described.push_back(describe(side));
        ASSERT_EQ(described, expected.sides);
        expect_folios_in_cells(path, plan, imposition::fit_sheet(plan.columns, plan.rows, width, height,
                                                                 a4_width, a4_height));
    }
}

TEST(Impose, BookletSheetOneReadsLastFirstThenTwoAndLastButOne) {
    ScratchFolder folder;
    ImpositionReport report;
    const auto path = folder / "booklet.pdf";
    write_file(path, impose(numbered_pdf(200, 148 * mm, 210 * mm), a4("booklet"), &report));
    EXPECT_EQ(report.pages, 200);
    EXPECT_EQ(report.sheets, 50);
    EXPECT_EQ(report.sides, 100);
    EXPECT_EQ(report.blank_pages, 0);
    EXPECT_NEAR(report.sheet_width_pt, a4_height, 1e-6);  // landscape
    ASSERT_EQ(report.notes.size(), 1u);  // 50 sheets in one fold
    EXPECT_NE(report.notes[0].find("--signature"), std::string::npos);
    const double half = a4_height / 2;
    const auto left = [&](int side) { return text_in(path, side, 0, 0, half, a4_width, a4_width); };
    const auto right = [&](int side) { return text_in(path, side, half, 0, half, a4_width, a4_width); };
    EXPECT_EQ(left(1), "200");
    EXPECT_EQ(right(1), "1");
    EXPECT_EQ(left(2), "2");
    EXPECT_EQ(right(2), "199");
    EXPECT_EQ(left(3), "198");
    EXPECT_EQ(right(3), "3");
    EXPECT_EQ(left(100), "100");  // innermost back: the centre spread
    EXPECT_EQ(right(100), "101");
}

TEST(Impose, EverySchemaPlacesEveryPageOfOddAndLargeDocuments) {
    ScratchFolder folder;
    for (const char* schema : {"booklet", "duplex-booklet", "2up", "4up", "zine"})
        for (int pages : {1, 7, 13, 200}) {
            SCOPED_TRACE(std::string(schema) + " " + std::to_string(pages));
            const auto parsed = imposition::parse_schema(schema);
            const auto [width, height] = page_size_for(parsed);
            auto options = a4(schema);
            if (pages == 200) options.signature_range = std::pair{12, 32};
            ImpositionReport report;
            const auto imposed = impose(numbered_pdf(pages, width, height), options, &report);
            const auto path = folder / (std::string(schema) + "-" + std::to_string(pages) + ".pdf");
            write_file(path, imposed);
            expect_qpdf_check_passes(path);
            const auto plan = imposition::layout_pages(parsed, pages, {options.signature_range, false, 0});
            EXPECT_EQ(report.sides, static_cast<int>(plan.sides.size()));
            EXPECT_EQ(report.blank_pages, plan.blank_pages);
            // pdftotext on every cell of 200 pages is slow: the first and last three sides.
            expect_folios_in_cells(path, plan,
                                   imposition::fit_sheet(plan.columns, plan.rows, width, height, a4_width, a4_height),
                                   3);
        }
}

TEST(Impose, CreepShiftsThePlacedPagesByTheLayoutsAmount) {
    const double thickness = 0.25;
    auto options = a4("booklet");
    options.signature_range = std::pair{16, 16};
    options.paper_thickness_mm = thickness;
    ImpositionReport report;
    const auto sheets = placed_forms(impose(numbered_pdf(32, 148 * mm, 210 * mm), options, &report));
    EXPECT_NEAR(report.largest_creep_mm, 0.75, 1e-9);
    EXPECT_NEAR(report.spine_width_mm, 16 * thickness, 1e-9);
    const auto plan = imposition::layout_pages(imposition::Schema::booklet, 32, {std::pair{16, 16}, false, thickness});
    ASSERT_EQ(sheets.size(), plan.sides.size());
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        ASSERT_EQ(sheets[i].size(), 2u);
        const int k = plan.sides[i].sheet % 4;  // from the outside of its signature
        // Without creep the spread (2 × 148 mm) is centred on 297 mm, the left page at 0.5 mm: a
        // shift of k × thickness toward the spine, right for the left page, left for the right.
        EXPECT_NEAR(sheets[i][0].e, 0.5 * mm + k * thickness * mm, 1e-3) << "side " << i;
        EXPECT_NEAR(sheets[i][1].e, 148.5 * mm - k * thickness * mm, 1e-3) << "side " << i;
        EXPECT_NEAR(sheets[i][0].e - 0.5 * mm, plan.sides[i].placements[0].creep_pt, 1e-3);
        EXPECT_EQ(sheets[i][0].a, 1);
    }
    // Signature 2 starts from the outside again.
    EXPECT_NEAR(sheets[8][0].e, 0.5 * mm, 1e-3);
}

TEST(Impose, DuplexBookletTurnsEveryBackAndOnlyTheBacks) {
    auto options = a4("duplex-booklet");
    options.paper_thickness_mm = 0.1;
    const auto sheets = placed_forms(impose(numbered_pdf(8, 148 * mm, 210 * mm), options));
    ASSERT_EQ(sheets.size(), 4u);
    for (std::size_t i = 0; i < sheets.size(); ++i)
        for (const auto& form : sheets[i]) {
            const bool back = i % 2 == 1;
            EXPECT_EQ(form.a, back ? -1 : 1) << "side " << i;
            EXPECT_EQ(form.d, back ? -1 : 1) << "side " << i;
        }
    // Sheet 1 back: page 2 (left when upright, from 0.5 mm) turned to the right half, its origin
    // (now its top-right corner) 0.5 mm from the right edge; page 7 at the middle, no creep on the
    // outermost sheet.
    EXPECT_EQ(sheets[1][0].page, 2);
    EXPECT_NEAR(sheets[1][0].e, 296.5 * mm, 1e-3);
    EXPECT_EQ(sheets[1][1].page, 7);
    EXPECT_NEAR(sheets[1][1].e, 148.5 * mm, 1e-3);
    // Sheet 2 back turned, creep 0.1 mm toward the spine survives the turn: page 4 (upright left,
    // moved right) now sits right of the spine, moved left.
    EXPECT_EQ(sheets[3][0].page, 4);
    EXPECT_NEAR(sheets[3][0].e, 296.5 * mm - 0.1 * mm, 1e-3);
}

TEST(Impose, FontsStayEmbeddedOnceAndTheFileStaysSmall) {
    ASSERT_TRUE(std::filesystem::exists(embedded_font)) << "fonts-dejavu-core is needed";
    ScratchFolder folder;
    const std::string with_font = numbered_pdf(200, 148 * mm, 210 * mm, embedded_font);
    const std::string standard_font = numbered_pdf(200, 148 * mm, 210 * mm);
    ASSERT_EQ(embedded_font_programs(with_font), 1);
    for (const char* schema : {"booklet", "duplex-booklet", "2up", "4up", "zine"}) {
        SCOPED_TRACE(schema);
        auto options = a4(schema);
        options.crop_marks = true;
        const std::string imposed = impose(with_font, options);
        EXPECT_EQ(embedded_font_programs(imposed), 1);
        EXPECT_LE(static_cast<double>(imposed.size()), 1.10 * static_cast<double>(with_font.size()))
            << imposed.size() << " vs " << with_font.size();
        // Without a font program to hide behind: the page content and structure alone.
        const std::string small = impose(standard_font, options);
        EXPECT_LE(static_cast<double>(small.size()), 1.10 * static_cast<double>(standard_font.size()))
            << small.size() << " vs " << standard_font.size();
        const auto path = folder / (std::string(schema) + ".pdf");
        write_file(path, imposed);
        expect_qpdf_check_passes(path);
    }
}

TEST(Impose, SameInputGivesTheSameBytes) {
    const std::string source = numbered_pdf(13, 105 * mm, 148 * mm);
    for (const char* schema : {"booklet", "duplex-booklet", "2up", "4up", "zine"}) {
        auto options = a4(schema);
        options.crop_marks = true;
        options.paper_thickness_mm = 0.1;
        options.job_title = "Same";
        EXPECT_EQ(impose(source, options), impose(source, options)) << schema;
    }
}

TEST(Impose, CropMarksAndJobLineWhenTheSheetHasRoom) {
    ScratchFolder folder;
    // A6 pages: the folded spread (210 × 148 mm) sits in the middle of A4 landscape.
    auto options = a4("booklet");
    options.crop_marks = true;
    options.job_title = "Zine Fest (draft) \xD0\x9F";
    ImpositionReport report;
    const auto imposed = impose(numbered_pdf(8, 105 * mm, 148 * mm), options, &report);
    const auto path = folder / "marks.pdf";
    write_file(path, imposed);
    expect_qpdf_check_passes(path);
    EXPECT_TRUE(report.crop_marks_drawn);
    // The job line, below the trim: "TITLE - sheet 1 of 2, front", Cyrillic as '?'.
    const double sheet_height = a4_width;
    const double trim_bottom = (sheet_height - 148 * mm) / 2;
    const std::string below = text_in(path, 1, 0, 0, a4_height, trim_bottom, sheet_height);
    EXPECT_EQ(below, "Zine Fest (draft) ? - sheet 1 of 2, front");
    EXPECT_EQ(text_in(path, 4, 0, 0, a4_height, trim_bottom, sheet_height), "Zine Fest (draft) ? - sheet 2 of 2, back");
    // The folios are still where the plan says, at actual size.
    EXPECT_EQ(text_in(path, 1, a4_height / 2, trim_bottom, 105 * mm, 148 * mm, sheet_height), "1");
    // TrimBox is the spread, BleedBox 3 mm around it.
    QPDF pdf;
    pdf.processMemoryFile("marks", imposed.data(), imposed.size());
    auto page = QPDFPageDocumentHelper(pdf).getAllPages().at(0);
    const auto trim = page.getObjectHandle().getKey("/TrimBox").getArrayAsRectangle();
    EXPECT_NEAR(trim.llx, (a4_height - 210 * mm) / 2, 1e-3);
    EXPECT_NEAR(trim.ury - trim.lly, 148 * mm, 1e-3);
    const auto bleed = page.getObjectHandle().getKey("/BleedBox").getArrayAsRectangle();
    EXPECT_NEAR(trim.llx - bleed.llx, 3 * mm, 1e-3);
    // A5 pages fill A4: no room, no marks, and the report says why.
    ImpositionReport full;
    const auto no_room = impose(numbered_pdf(8, 148 * mm, 210 * mm), options, &full);
    EXPECT_FALSE(full.crop_marks_drawn);
    ASSERT_EQ(full.notes.size(), 1u);
    EXPECT_NE(full.notes[0].find("no crop marks"), std::string::npos);
    QPDF plain;
    plain.processMemoryFile("no marks", no_room.data(), no_room.size());
    EXPECT_FALSE(QPDFPageDocumentHelper(plain).getAllPages().at(0).getObjectHandle().hasKey("/TrimBox"));
}

TEST(Impose, ZineHasItsCutLineAndUpsideDownTopRow) {
    const auto imposed = impose(numbered_pdf(8, 74 * mm, 105 * mm), a4("zine"));
    QPDF pdf;
    pdf.processMemoryFile("zine", imposed.data(), imposed.size());
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    ASSERT_EQ(pages.size(), 1u);
    const auto box = pages[0].getMediaBox().getArrayAsRectangle();
    EXPECT_NEAR(box.urx, a4_height, 1e-3);  // landscape
    auto data = pages[0].getObjectHandle().getKey("/Contents").getStreamData(qpdf_dl_generalized);
    const std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    // The cut runs along the middle through the two middle cells: from 74.5 mm to 222.5 mm.
    const std::string middle = imposition::pdf_number(a4_width / 2);
    const std::string cut = imposition::pdf_number(74.5 * mm) + " " + middle + " m " +
                            imposition::pdf_number(222.5 * mm) + " " + middle + " l S";
    const auto solid = content.find("0 G 0.5 w [] 0 d");
    ASSERT_NE(solid, std::string::npos) << content;
    EXPECT_NE(content.find(cut, solid), std::string::npos) << content;
    // Top row (pages 5 4 3 2) upside down, bottom row upright.
    const auto sheets = placed_forms(imposed);
    ASSERT_EQ(sheets.at(0).size(), 8u);
    for (const auto& form : sheets[0]) {
        const bool top = form.page >= 2 && form.page <= 5;
        EXPECT_EQ(form.a, top ? -1 : 1) << "page " << form.page;
    }
}

TEST(Impose, RotatedSourcePagesAreShownAsTheyDisplay) {
    ScratchFolder folder;
    // A5 portrait pages with /Rotate 90 display as A5 landscape (210 × 148 mm): two side by side
    // are 420 mm wide, so on A4 landscape they shrink to 297/420, turned as a viewer shows them.
    ImpositionReport report;
    const auto path = folder / "rotated.pdf";
    write_file(path, impose(numbered_pdf(10, 148 * mm, 210 * mm, "", 90), a4("booklet"), &report));
    expect_qpdf_check_passes(path);
    EXPECT_NEAR(report.scale, 297.0 / 420.0, 1e-6);
    const auto geometry = imposition::fit_sheet(2, 1, 210 * mm, 148 * mm, a4_width, a4_height);
    const auto left = geometry.cell(0, 0);
    const auto right = geometry.cell(1, 0);
    // 10 pages pad to 12: sheet 2 front is 10 | 3.
    EXPECT_EQ(text_in(path, 3, left.x, left.y, left.width, left.height, a4_width), "10");
    EXPECT_EQ(text_in(path, 3, right.x, right.y, right.width, right.height, a4_width), "3");
    // The page's content is upright in its own space, so a viewer honouring /Rotate shows the
    // number turned a quarter: "10" with its digits stacked, its box higher than wide. The
    // imposed sheet must show it the same way (ignoring /Rotate would set it upright).
    ScratchFolder source_folder;
    const auto source = source_folder / "source.pdf";
    write_file(source, numbered_pdf(10, 148 * mm, 210 * mm, "", 90));
    const auto aspect = [](const std::filesystem::path& pdf, int page) {
        const auto boxes = run_command("pdftotext -bbox -f " + std::to_string(page) + " -l " + std::to_string(page) +
                                       " " + pamphlet::test_support::quote_for_shell(pdf.string()) + " -").out;
        const std::regex word(R"re(xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">10<)re");
        std::smatch found;
        if (!std::regex_search(boxes, found, word)) return 0.0;
        return (std::stod(found[3]) - std::stod(found[1])) / (std::stod(found[4]) - std::stod(found[2]));
    };
    const double displayed = aspect(source, 10);
    ASSERT_GT(displayed, 0);
    EXPECT_LT(displayed, 1);
    EXPECT_NEAR(aspect(path, 3), displayed, 0.02);
}

TEST(Impose, RefusesWhatItCannotRead) {
    EXPECT_THROW(impose("not a pdf at all", a4("booklet")), std::runtime_error);
    EXPECT_THROW(impose(numbered_pdf(2, 100, 100), a4("3up")), std::invalid_argument);
    EXPECT_EQ(imposition_schemas().size(), 5u);
    for (const auto& schema : imposition_schemas())
        EXPECT_NE(imposition_help().find(schema + ":"), std::string::npos) << schema;
}
