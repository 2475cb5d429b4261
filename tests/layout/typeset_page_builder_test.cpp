// Placing page plans on pages: alternating margins, flush bottoms, notes at the foot.
#include "layout/page_builder.hpp"

#include <gtest/gtest.h>

namespace pamphlet::layout {
namespace {

GalleyLine text_line(const std::string& text, double space_before = 0) {
    GalleyLine line;
    line.advance_pt = 12;
    line.space_before_pt = space_before;
    GlyphRun run;
    run.text = text;
    line.runs.push_back(run);
    return line;
}

std::vector<double> baselines(const Page& page) {
    std::vector<double> ys;
    for (const PageItem& item : page.items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) ys.push_back(run->y_pt);
    return ys;
}

PageGeometry small_page() {
    PageGeometry page;
    page.width_pt = 200;
    page.height_pt = 100;
    page.margin_top_pt = 10;
    page.margin_bottom_pt = 10;
    page.margin_inner_pt = 20;
    page.margin_outer_pt = 30;
    return page;  // text block: 80 pt high, 150 pt wide
}

TEST(PageBuilder, InnerMarginAlternatesForBinding) {
    const PageGeometry page = small_page();
    EXPECT_DOUBLE_EQ(text_block(page, 1).left_pt, 20);  // recto: binding on the left
    EXPECT_DOUBLE_EQ(text_block(page, 2).left_pt, 30);  // verso: binding on the right
    EXPECT_DOUBLE_EQ(text_block(page, 2).width_pt, 150);
}

TEST(PageBuilder, FlushBottomStretchesTheGapsWhenThatFillsThePage) {
    Galley galley;
    galley.lines = {text_line("a"), text_line("b"), text_line("c", 8), text_line("d"), text_line("e"),
                    text_line("f", 8)};
    // 6 lines x 12 + 16 of gaps = 88 > 80: put 5 lines (60 + 8 = 68): slack 12 > gaps 8.
    const PageGeometry geometry = small_page();
    const TextBlock block = text_block(geometry, 1);
    const Page ragged = place_page(galley, PagePlan{0, 5, {}}, block, geometry, NoteArea{}, true);
    EXPECT_NEAR(baselines(ragged).back(), 90 - 68 + 0.28 * 12, 1e-9);  // too much slack: left short
    // With one more line of 10 pt the slack (2 pt) fits into the gap: the last line sits on the foot.
    galley.lines[4].advance_pt = 22;
    const Page flush = place_page(galley, PagePlan{0, 5, {}}, block, geometry, NoteArea{}, true);
    EXPECT_NEAR(baselines(flush).back(), block.bottom_pt + 0.28 * 22, 1e-9);
    const Page unstretched = place_page(galley, PagePlan{0, 5, {}}, block, geometry, NoteArea{}, false);
    EXPECT_NEAR(baselines(unstretched).back(), block.bottom_pt + 2 + 0.28 * 22, 1e-9);
}

TEST(PageBuilder, NotesSitAtTheFootUnderARule) {
    Galley galley;
    galley.lines = {text_line("body")};
    galley.notes.push_back(SetNote{{text_line("note one"), text_line("note two")}});
    const PageGeometry geometry = small_page();
    const TextBlock block = text_block(geometry, 1);
    NoteArea area;
    area.separator_pt = 12;
    area.rule_length_pt = 40;
    const Page page = place_page(galley, PagePlan{0, 1, {NoteSlice{0, 0, 2}}}, block, geometry, area);
    const auto ys = baselines(page);
    ASSERT_EQ(ys.size(), 3u);
    EXPECT_NEAR(ys[2], block.bottom_pt + 0.28 * 12, 1e-9);  // the last note line on the foot
    EXPECT_NEAR(ys[1], ys[2] + 12, 1e-9);
    int rules = 0;
    for (const PageItem& item : page.items)
        if (const auto* rule = std::get_if<Rule>(&item)) {
            ++rules;
            EXPECT_DOUBLE_EQ(rule->x2_pt - rule->x1_pt, 40);
            EXPECT_GT(rule->y1_pt, ys[1]);
            EXPECT_LT(rule->y1_pt, ys[0]);
        }
    EXPECT_EQ(rules, 1);
}

}  // namespace
}  // namespace pamphlet::layout
