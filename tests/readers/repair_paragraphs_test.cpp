// Paragraph structure: paragraphs glued without a blank line are split; paragraphs split by a
// page break are joined.
#include <gtest/gtest.h>

#include "readers/plain_text_test_support.hpp"
#include "readers/repair/passes.hpp"

namespace pamphlet::readers::repair {
namespace {

using test::numbered_lines;
using test::RepairFixture;

const std::string full_a = "a line of running text that fills the whole measure of the page, as body lines do";
const std::string full_b = "and another one like it, so that the reader can tell the width of the body text";

TEST(SplitParagraphs, SplitsAfterAShortLineThatEndsASentence) {
    RepairFixture fixture;
    TextBlocks blocks = group_blocks(numbered_lines({full_a, "the paragraph ends here.", "Then a new one starts on a full line of text, as wide as the others are wide", full_b}));
    split_glued_paragraphs(blocks, BodyMeasure{80}, fixture.context);
    ASSERT_EQ(blocks.size(), 2u);
    EXPECT_EQ(blocks[1].lines.front().number, 3);
    EXPECT_EQ(fixture.repairs_by(split_paragraphs_pass), 1u);
}

TEST(SplitParagraphs, SplitsAHeadingGluedToThePageStart) {
    RepairFixture fixture;
    Lines lines = numbered_lines({full_a, "it cannot be what it is.", "WHAT IS A HEADING?"});
    lines[2].page_start = true;
    TextBlocks blocks = group_blocks(lines);
    split_glued_paragraphs(blocks, BodyMeasure{80}, fixture.context);
    ASSERT_EQ(blocks.size(), 2u);
    EXPECT_EQ(blocks[1].lines.front().text, "WHAT IS A HEADING?");
}

TEST(SplitParagraphs, KeepsAParagraphWhoseShortLineDoesNotEndASentence) {
    RepairFixture fixture;
    TextBlocks blocks = group_blocks(numbered_lines({full_a, "a short line, then", "More of the same sentence on a full line of text, as wide as the others", full_b}));
    split_glued_paragraphs(blocks, BodyMeasure{80}, fixture.context);
    EXPECT_EQ(blocks.size(), 1u);
    EXPECT_TRUE(fixture.report.repairs.empty());
}

TEST(JoinParagraphs, JoinsWhereTheFirstPartStopsMidSentence) {
    RepairFixture fixture;
    // The first part runs to the foot of its page (a full last line) and stops without punctuation.
    TextBlocks blocks = group_blocks(numbered_lines({full_b, full_a, "", "the Soviet Union. An obvious implication follows."}));
    join_split_paragraphs(blocks, BodyMeasure{80}, fixture.context);
    ASSERT_EQ(blocks.size(), 1u);
    EXPECT_EQ(blocks[0].lines.size(), 3u);
    EXPECT_EQ(fixture.repairs_by(join_paragraphs_pass), 1u);
}

TEST(JoinParagraphs, KeepsParagraphsThatEndProperly) {
    RepairFixture fixture;
    TextBlocks blocks = group_blocks(numbered_lines({full_a, "the end.", "", "and then a lower-case start, as some authors write.", "", "A heading", "", "next text"}));
    join_split_paragraphs(blocks, BodyMeasure{80}, fixture.context);
    EXPECT_EQ(blocks.size(), 4u);
    EXPECT_TRUE(fixture.report.repairs.empty());
}

}  // namespace
}  // namespace pamphlet::readers::repair
