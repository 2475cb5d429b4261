// Block classification and notes: headings, block quotes, scene breaks, footnote bodies.
#include <gtest/gtest.h>

#include "readers/plain_text_test_support.hpp"
#include "readers/repair/passes.hpp"

namespace pamphlet::readers::repair {
namespace {

using test::numbered_lines;
using test::RepairFixture;

const std::string body_line = "a line of running text that fills the whole measure of the page, as body lines do";

TextBlocks blocks_of(const std::vector<std::string>& texts) { return group_blocks(numbered_lines(texts)); }

TEST(Headings, AllCapsBlocksAreSectionsEvenOverTwoLines) {
    TextBlocks blocks = blocks_of({body_line, body_line + ".", "", "OWNERSHIP OF THE MEANS OF PRODUCTION IN THE", "SOVIET UNION", "",
                                   body_line, "the end."});
    classify_headings(blocks, measure_body(blocks));
    ASSERT_EQ(blocks.size(), 3u);
    EXPECT_EQ(blocks[1].kind, BlockKind::section_heading);
    EXPECT_EQ(blocks[0].kind, BlockKind::paragraph);
}

TEST(Headings, ShortLinesAloneBetweenParagraphsAreSubsections) {
    TextBlocks blocks = blocks_of({body_line, "the end.", "", "The inheritance idea", "", body_line, "the end.", "", "And this is not one!",
                                   "", body_line, "the end."});
    classify_headings(blocks, measure_body(blocks));
    EXPECT_EQ(blocks[1].kind, BlockKind::subsection_heading);
    EXPECT_EQ(blocks[3].kind, BlockKind::paragraph);  // a sentence, not a heading
}

TEST(Headings, LinesOfDialogueAloneAreNoHeadings) {
    // A novel's short replies stand alone between paragraphs as headings do; their punctuation
    // hides inside the closing quote, or they have none and open with a quotation mark or dash.
    for (const std::string dialogue : {"\u201CWhat is it, dear?\u201D", "\u201CDo not let us lose any time\u2026\u201D",
                                       "\u201CYes,\u201D returned Nicholas", "\u201CYour Serene Highness\u201D",
                                       "\"Of course not!\"", "\u2014 Qui est l\u00E0", "\u00ABNein, mein Herr\u00BB",
                                       "Well, there you see!\u2019"}) {
        TextBlocks blocks = blocks_of({body_line, "the end.", "", dialogue, "", body_line, "the end."});
        classify_headings(blocks, measure_body(blocks));
        ASSERT_EQ(blocks.size(), 3u);
        EXPECT_EQ(blocks[1].kind, BlockKind::paragraph) << dialogue;
    }
    // The same shape without the quotation marks is still a heading.
    TextBlocks blocks = blocks_of({body_line, "the end.", "", "Your Serene Highness", "", body_line, "the end."});
    classify_headings(blocks, measure_body(blocks));
    EXPECT_EQ(blocks[1].kind, BlockKind::subsection_heading);
}

TEST(Headings, ChaptersNestInTheBooksThatHoldThem) {
    TextBlocks blocks = blocks_of({"PREFACE", "", body_line, "the end.", "", "BOOK ONE: 1805", "", "CHAPTER I", "", body_line,
                                   "the end.", "", "CHAPTER II", "", body_line, "the end.", "", "JULIE", "", body_line,
                                   "the end.", "", "A letter", "", body_line, "the end.", "", "BOOK TWO: 1806", "", body_line,
                                   "the end.", "", "CHAPTER I", "", body_line, "the end."});
    classify_headings(blocks, measure_body(blocks));
    std::vector<std::pair<std::string, int>> headings;
    for (const TextBlock& block : blocks)
        if (block.kind == BlockKind::section_heading || block.kind == BlockKind::subsection_heading)
            headings.emplace_back(block.lines.front().text, block.heading_level);
    const std::vector<std::pair<std::string, int>> expected = {
        {"PREFACE", 0},  {"BOOK ONE: 1805", 1}, {"CHAPTER I", 2},      {"CHAPTER II", 2},
        {"JULIE", 3},    {"A letter", 3},       {"BOOK TWO: 1806", 1}, {"CHAPTER I", 2}};
    EXPECT_EQ(headings, expected);
    // Parts alone, or chapters alone, keep every section at level 1.
    TextBlocks parts = blocks_of({"PART I.", "", body_line, "the end.", "", "PART II.", "", body_line, "the end.", "",
                                  "CHAPTER I", "", body_line, "the end."});
    classify_headings(parts, measure_body(parts));
    for (const TextBlock& block : parts) EXPECT_EQ(block.heading_level, 0) << block.lines.front().text;
}

TEST(BlockQuotes, NarrowerLinesMakeAQuote) {
    std::vector<std::string> texts;
    for (int i = 0; i < 6; ++i) texts.push_back(body_line);
    texts.push_back("the end.");
    texts.push_back("");
    const std::string narrow = "a quotation set narrower than the body, line after line, like";
    for (int i = 0; i < 4; ++i) texts.push_back(narrow);
    texts.push_back("its end.");
    TextBlocks blocks = blocks_of(texts);
    classify_block_quotes(blocks, measure_body(blocks));
    EXPECT_EQ(blocks[0].kind, BlockKind::paragraph);
    EXPECT_EQ(blocks[1].kind, BlockKind::block_quote);
}

TEST(SceneBreaks, StarsAloneAreSceneBreaks) {
    TextBlocks blocks = blocks_of({"Text.", "", "       *       *       *       *       *", "", "More text."});
    classify_scene_breaks(blocks);
    EXPECT_EQ(blocks[1].kind, BlockKind::scene_break);
    EXPECT_EQ(blocks[0].kind, BlockKind::paragraph);
}

TEST(Footnotes, BodiesInANotesSectionAreTakenOut) {
    RepairFixture fixture;
    TextBlocks blocks = blocks_of({"A mystery.[1] And a second claim.[2]", "", "FOOTNOTES:", "", "[1] The first note.", "",
                                   "[2] The second note,", "in two lines.", "", "Its second paragraph.", "",
                                   "     *     *     *", "", "Back matter."});
    classify_scene_breaks(blocks);
    classify_headings(blocks, measure_body(blocks));
    const auto notes = extract_note_bodies(blocks, fixture.context);
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes.at("1").blocks.size(), 1u);
    EXPECT_EQ(notes.at("1").blocks[0].lines[0].text, "The first note.");
    EXPECT_EQ(notes.at("2").blocks.size(), 2u);
    ASSERT_EQ(blocks.size(), 3u);  // the text, the scene break, the back matter
    EXPECT_EQ(blocks[2].lines[0].text, "Back matter.");
    EXPECT_FALSE(fixture.report.repairs.empty());
}

TEST(Footnotes, UnreferencedLabelsStayText) {
    RepairFixture fixture;
    TextBlocks blocks = blocks_of({"No markers here.", "", "[1] Looks like a note but nothing refers to it."});
    const auto notes = extract_note_bodies(blocks, fixture.context);
    EXPECT_TRUE(notes.empty());
    EXPECT_EQ(blocks.size(), 2u);
}

}  // namespace
}  // namespace pamphlet::readers::repair
