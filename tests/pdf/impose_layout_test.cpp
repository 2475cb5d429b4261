// The pure imposition arithmetic: page order per schema (against the hand-made expected-order
// files in tests/data/impose/), signature sizes, padding, creep and sheet geometry.
#include <gtest/gtest.h>

#include <cmath>

#include "pdf/impose.hpp"
#include "pdf/impose_geometry.hpp"
#include "pdf/impose_layout.hpp"
#include "impose_fixtures.hpp"

using namespace pamphlet::pdf;
using namespace pamphlet::pdf::imposition;
using pamphlet::pdf::impose_testing::mm;

TEST(ImposeLayout, EveryExpectedOrderFileMatchesThePlan) {
    const auto files = impose_testing::expected_files();
    ASSERT_GE(files.size(), 10u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const auto expected = impose_testing::read_expected(file);
        const auto plan = layout_pages(expected.schema, expected.pages, expected.options);
        std::vector<std::string> actual;
        for (const auto& side : plan.sides) actual.push_back(impose_testing::describe(side));
        EXPECT_EQ(actual, expected.sides);
    }
}

TEST(ImposeLayout, BookletOrderHoldsForEveryPageCount) {
    // Sheet k from the outside: front last-2k | 1+2k, back 2+2k | last-1-2k (1-based).
    for (int pages = 1; pages <= 64; ++pages) {
        const auto plan = layout_pages(Schema::booklet, pages, {});
        const int last = plan.padded_pages;
        ASSERT_EQ(last % 4, 0);
        ASSERT_LT(last - pages, 4);
        ASSERT_EQ(plan.sheets, last / 4);
        for (int k = 0; k < plan.sheets; ++k) {
            const auto& front = plan.sides[static_cast<std::size_t>(2 * k)].placements;
            const auto& back = plan.sides[static_cast<std::size_t>(2 * k + 1)].placements;
            const auto folio = [&](int one_based) { return one_based <= pages ? one_based - 1 : blank_page; };
            EXPECT_EQ(front[0].page, folio(last - 2 * k));
            EXPECT_EQ(front[1].page, folio(1 + 2 * k));
            EXPECT_EQ(back[0].page, folio(2 + 2 * k));
            EXPECT_EQ(back[1].page, folio(last - 1 - 2 * k));
        }
    }
}

TEST(ImposeLayout, EverySourcePageIsPlacedExactlyOnce) {
    for (Schema schema : {Schema::booklet, Schema::duplex_booklet, Schema::two_up, Schema::four_up, Schema::zine})
        for (int pages : {1, 2, 3, 7, 8, 13, 200}) {
            SCOPED_TRACE(std::string(schema_name(schema)) + " " + std::to_string(pages));
            const auto plan = layout_pages(schema, pages, {std::pair{12, 32}, true, 0.1});
            std::vector<int> seen(static_cast<std::size_t>(pages), 0);
            int blanks = 0;
            for (const auto& side : plan.sides)
                for (const auto& placement : side.placements)
                    placement.page == blank_page ? ++blanks : ++seen[static_cast<std::size_t>(placement.page)];
            EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), pages);
            EXPECT_EQ(blanks, plan.blank_pages);
            EXPECT_EQ(plan.padded_pages, pages + plan.blank_pages);
        }
}

TEST(ImposeLayout, BackCoverStaysLastWithBlanksBeforeIt) {
    const auto sequence = padded_sequence(13, 4, true);
    const std::vector<int> expected{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, blank_page, blank_page, blank_page, 12};
    EXPECT_EQ(sequence, expected);
    // Sheet 1 front: back cover left, front cover right.
    const auto plan = layout_pages(Schema::booklet, 13, {std::nullopt, true, 0});
    EXPECT_EQ(plan.sides[0].placements[0].page, 12);
    EXPECT_EQ(plan.sides[0].placements[1].page, 0);
}

TEST(ImposeLayout, ParsesSignatureArguments) {
    EXPECT_EQ(imposition::parse_signature("16"), (std::pair{16, 16}));
    EXPECT_EQ(imposition::parse_signature("12-32"), (std::pair{12, 32}));
    EXPECT_EQ(pamphlet::pdf::parse_signature("13-16"), (std::pair{13, 16}));
    for (const char* bad : {"", "15", "0", "-4", "12-", "x", "16-12", "13-15", "8 "})
        EXPECT_THROW(imposition::parse_signature(bad), std::invalid_argument) << bad;
}

TEST(ImposeLayout, SignatureRangeChoosesFewestBlanks) {
    EXPECT_EQ(choose_signature_size(200, std::nullopt), 200);
    EXPECT_EQ(choose_signature_size(13, std::nullopt), 16);
    EXPECT_EQ(choose_signature_size(40, std::pair{12, 20}), 20);   // 20 leaves none
    EXPECT_EQ(choose_signature_size(40, std::pair{12, 16}), 16);   // 8 blanks either way: larger
    EXPECT_EQ(choose_signature_size(200, std::pair{12, 32}), 20);  // 200 = 10 × 20, no blanks
    EXPECT_EQ(choose_signature_size(5, std::pair{16, 16}), 8);     // never more than the document
    const auto plan = layout_pages(Schema::booklet, 200, {std::pair{12, 32}, false, 0});
    EXPECT_EQ(plan.signature_pages, 20);
    EXPECT_EQ(plan.signatures, 10);
    EXPECT_EQ(plan.sheets, 50);
    EXPECT_EQ(plan.blank_pages, 0);
}

TEST(ImposeLayout, CreepShiftsInnerSheetsTowardTheSpine) {
    const double thickness = 0.1;
    const auto plan = layout_pages(Schema::booklet, 32, {std::pair{16, 16}, false, thickness});
    ASSERT_EQ(plan.sides.size(), 16u);
    for (const auto& side : plan.sides) {
        const int k = side.sheet % 4;  // sheet index from the outside of its signature
        const double expected = k * thickness * mm;
        EXPECT_NEAR(side.placements[0].creep_pt, expected, 1e-9);   // left page moves right
        EXPECT_NEAR(side.placements[1].creep_pt, -expected, 1e-9);  // right page moves left
    }
    // The innermost sheet of a 16-page signature: 3 × 0.1 mm = 0.3 mm = 0.8504 pt.
    EXPECT_NEAR(plan.sides[6].placements[0].creep_pt, 0.850394, 1e-6);
    EXPECT_NEAR(spine_width_mm(plan.padded_pages, thickness), 1.6, 1e-9);
    for (const auto& side : layout_pages(Schema::four_up, 32, {std::nullopt, false, thickness}).sides)
        for (const auto& placement : side.placements) EXPECT_EQ(placement.creep_pt, 0);
}

TEST(ImposeLayout, SheetGeometryTurnsAndFits) {
    // A5 booklet on A4 (given portrait): A4 landscape, actual size, no room for marks.
    auto booklet = fit_sheet(2, 1, 148 * mm, 210 * mm, 210 * mm, 297 * mm);
    EXPECT_NEAR(booklet.sheet_width_pt, 297 * mm, 1e-9);
    EXPECT_EQ(booklet.scale, 1);
    EXPECT_NEAR(booklet.cell(1, 0).x, 148.5 * mm, 1e-9);
    // Four A6 on A4: portrait, quadrants.
    auto four = fit_sheet(2, 2, 105 * mm, 148 * mm, 297 * mm, 210 * mm);
    EXPECT_NEAR(four.sheet_height_pt, 297 * mm, 1e-9);
    EXPECT_NEAR(four.cell(0, 0).y, four.block.y + 148 * mm, 1e-9);  // row 0 is the top row
    // Two A5 pages side by side (296 mm) on a Letter sheet (11 in = 279.4 mm): shrunk to fit.
    auto shrunk = fit_sheet(2, 1, 148 * mm, 210 * mm, 612, 792);
    EXPECT_NEAR(shrunk.scale, 792 / (296 * mm), 1e-9);
    EXPECT_NEAR(shrunk.block.width, 792, 1e-9);
    // A7 zine on A4: 4 × 74 mm fills 297 mm but for half a millimetre.
    auto zine = fit_sheet(4, 2, 74 * mm, 105 * mm, 210 * mm, 297 * mm);
    EXPECT_EQ(zine.scale, 1);
    EXPECT_NEAR(zine.block.x, 0.5 * mm, 1e-9);
    // On Letter a zine page is an eighth of the sheet, 2.75 × 4.25 in: it fills the sheet exactly.
    auto letter_zine = fit_sheet(4, 2, 2.75 * 72, 4.25 * 72, 612, 792);
    EXPECT_EQ(letter_zine.scale, 1);
    EXPECT_NEAR(letter_zine.block.width, 792, 1e-9);
    EXPECT_NEAR(letter_zine.block.height, 612, 1e-9);
    // Quarter-letter pages (4.25 × 5.5 in) shrink to the cell width: 2.75 / 4.25 = 0.647.
    EXPECT_NEAR(fit_sheet(4, 2, 4.25 * 72, 5.5 * 72, 612, 792).scale, 2.75 / 4.25, 1e-9);
}

TEST(ImposeLayout, RejectsWhatCannotBeImposed) {
    EXPECT_THROW(parse_schema("3up"), std::invalid_argument);
    EXPECT_EQ(parse_schema("duplex-booklet"), Schema::duplex_booklet);
    EXPECT_THROW(layout_pages(Schema::booklet, 0, {}), std::invalid_argument);
    EXPECT_THROW(layout_pages(Schema::booklet, 8, {std::nullopt, false, -1}), std::invalid_argument);
}
