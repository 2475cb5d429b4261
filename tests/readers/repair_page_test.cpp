// Page structure passes: page-start markers and page furniture (page numbers, running heads).
#include <gtest/gtest.h>

#include "readers/plain_text_test_support.hpp"
#include "readers/repair/passes.hpp"

namespace pamphlet::readers::repair {
namespace {

using test::numbered_lines;
using test::RepairFixture;

TEST(PageStarts, StripsTheSingleSpaceAndMarksThePage) {
    RepairFixture fixture;
    Lines lines = numbered_lines({"the end of a page", " the start of the next", "and more text"});
    mark_page_starts(lines, fixture.context);
    EXPECT_EQ(lines[1].text, "the start of the next");
    EXPECT_TRUE(lines[1].page_start);
    EXPECT_FALSE(lines[0].page_start);
    ASSERT_EQ(fixture.report.repairs.size(), 1u);
    EXPECT_EQ(fixture.report.repairs[0].pass, page_starts_pass);
    EXPECT_EQ(fixture.report.repairs[0].line, 2);
    EXPECT_EQ(fixture.report.repairs[0].before, " the start of the next");
}

TEST(PageStarts, LeavesIndentedTextAlone) {
    RepairFixture fixture;
    // Verse with varied indents: a single space there is the poet's, not the extractor's.
    Lines lines = numbered_lines({"  First line", " second line", "   third line", "fourth"});
    mark_page_starts(lines, fixture.context);
    EXPECT_EQ(lines[1].text, " second line");
    EXPECT_TRUE(fixture.report.repairs.empty());
}

TEST(PageFurniture, RemovesLonePageNumbersAndRunningHeads) {
    RepairFixture fixture;
    std::vector<std::string> texts;
    const std::vector<std::string> page_texts = {"the first page's text", "what the second says", "a third page",
                                                 "and a fourth", "and a last one"};
    for (int page = 1; page <= 5; ++page) {
        if (page > 1) texts.push_back("THE RUSSIAN QUESTION");  // the title page has no running head
        texts.push_back("");
        texts.push_back(page_texts[static_cast<std::size_t>(page - 1)]);
        texts.push_back("");
        texts.push_back(std::to_string(page));
        texts.push_back("");
    }
    Lines lines = numbered_lines(texts);
    remove_page_furniture(lines, fixture.context);
    for (const Line& line : lines) {
        EXPECT_NE(line.text, "THE RUSSIAN QUESTION");
        EXPECT_NE(line.text, "3");
    }
    EXPECT_EQ(lines.size(), 5u * 4);  // each page keeps its text and three blank lines
    EXPECT_EQ(fixture.report.repairs.size(), 9u);  // four heads, five numbers, each reported
    for (const model::Repair& repair : fixture.report.repairs) EXPECT_EQ(repair.after, "");
}

TEST(PageFurniture, KeepsASingleNumberLine) {
    RepairFixture fixture;
    Lines lines = numbered_lines({"Some text.", "", "1917", "", "More text."});
    remove_page_furniture(lines, fixture.context);
    EXPECT_EQ(lines.size(), 5u);
    EXPECT_TRUE(fixture.report.repairs.empty());
}

}  // namespace
}  // namespace pamphlet::readers::repair
