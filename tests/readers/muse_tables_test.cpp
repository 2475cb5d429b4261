// Muse tables: header (||), body (|) and footer (|||) rows, the caption, and uneven rows.
#include <gtest/gtest.h>

#include "readers/markdown_test_helpers.hpp"

using namespace pamphlet;

namespace {

std::vector<std::string> row_text(const std::vector<model::Inlines>& row) {
    std::vector<std::string> cells;
    for (const model::Inlines& cell : row) cells.push_back(model::visible_text(cell));
    return cells;
}

std::vector<std::vector<std::string>> rows_text(const std::vector<std::vector<model::Inlines>>& rows) {
    std::vector<std::vector<std::string>> out;
    for (const auto& row : rows) out.push_back(row_text(row));
    return out;
}

model::Table only_table(const std::string& muse) {
    model::Report report;
    const model::Document document = test::read_muse(muse, report);
    EXPECT_EQ(document.blocks.size(), 1u);
    return test::block_at<model::Table>(document.blocks, 0);
}

}  // namespace

TEST(MuseTables, FooterRowsComeAfterTheBodyInSourceOrderWhereverTheyStand) {
    const model::Table table = only_table(
        " Total | 3 ||| all\n"
        " Name || Count || Note\n"
        " Bread | 1 | fresh\n"
        " Subtotal ||| 2 ||| some\n"
        " Roses | 2 | red\n"
        " |+ Stock +|\n");
    using Rows = std::vector<std::vector<std::string>>;
    EXPECT_EQ(rows_text(table.header_rows), (Rows{{"Name", "Count", "Note"}}));
    // Body rows first, then the footer rows in the order they were written.
    EXPECT_EQ(rows_text(table.body_rows),
              (Rows{{"Bread", "1", "fresh"}, {"Roses", "2", "red"}, {"Total", "3", "all"}, {"Subtotal", "2", "some"}}));
    EXPECT_EQ(model::visible_text(table.caption), "Stock");
    EXPECT_EQ(table.column_alignment.size(), 3u);
}

TEST(MuseTables, TheWidestSeparatorDecidesARowsKind) {
    // Text::Amuse files a row with any "|||" under the footer and one with any "||" under the
    // header, whatever separator comes first.
    const model::Table table = only_table(
        " a | b || c\n"
        " d | e ||| f\n"
        " g | h | i\n");
    using Rows = std::vector<std::vector<std::string>>;
    EXPECT_EQ(rows_text(table.header_rows), (Rows{{"a", "b", "c"}}));
    EXPECT_EQ(rows_text(table.body_rows), (Rows{{"g", "h", "i"}, {"d", "e", "f"}}));
}

TEST(MuseTables, ShortRowsArePaddedToTheWidestRow) {
    const model::Table table = only_table(
        " One || Two\n"
        " a | b | c\n"
        " x ||| y\n");
    ASSERT_EQ(table.column_alignment.size(), 3u);
    ASSERT_EQ(table.header_rows.size(), 1u);
    EXPECT_EQ(table.header_rows[0].size(), 3u);
    EXPECT_TRUE(table.header_rows[0][2].empty());
    ASSERT_EQ(table.body_rows.size(), 2u);
    EXPECT_EQ(row_text(table.body_rows[1]), (std::vector<std::string>{"x", "y", ""}));
}

TEST(MuseTables, CellsKeepTheirInlineMarkup) {
    const model::Table table = only_table(" *Name* || Count\n **Bread** | =1=\n");
    ASSERT_EQ(table.header_rows.size(), 1u);
    ASSERT_EQ(table.body_rows.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<model::Emphasis>(table.header_rows[0][0].at(0).value));
    EXPECT_TRUE(std::holds_alternative<model::Strong>(table.body_rows[0][0].at(0).value));
    EXPECT_TRUE(std::holds_alternative<model::Code>(table.body_rows[0][1].at(0).value));
}
