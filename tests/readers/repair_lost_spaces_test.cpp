// Lost spaces: run-together words are split only where the evidence is strong.
#include <gtest/gtest.h>

#include "readers/plain_text_test_support.hpp"
#include "readers/repair/passes.hpp"

namespace pamphlet::readers::repair {
namespace {

using test::numbered_lines;
using test::RepairFixture;

using Words = std::vector<std::string>;

// A small document whose common words are the usual function words.
std::vector<std::string> vocabulary_lines() {
    return {"My argument is that the means of production in the West were owned by the class.",
            "This is the argument: the Red Army and the West will be the means, and it will be so.",
            "The means were the means of the class; this will be my argument in the West.",
            "My view, my words, my will.",
            "Shoprite and Shoprite again, labour and labour, Blackwell and the army of the West."};
}

TEST(LostSpaces, SplitsRunTogetherWords) {
    RepairFixture fixture(vocabulary_lines());
    EXPECT_EQ(split_run_together("themeans", fixture.context), (Words{"the", "means"}));
    EXPECT_EQ(split_run_together("Myargumentwill", fixture.context), (Words{"My", "argument", "will"}));
}

TEST(LostSpaces, SplitsAtACapitalInsideAWord) {
    RepairFixture fixture(vocabulary_lines());
    EXPECT_EQ(split_run_together("theWest", fixture.context), (Words{"the", "West"}));
    EXPECT_EQ(split_run_together("RedArmy", fixture.context), (Words{"Red", "Army"}));
    EXPECT_TRUE(split_run_together("McDonald", fixture.context).empty());
}

TEST(LostSpaces, NeverSplitsRealWordsOrNames) {
    RepairFixture fixture(vocabulary_lines());
    EXPECT_TRUE(split_run_together("bested", fixture.context).empty());      // a real word
    EXPECT_TRUE(split_run_together("Shoprite", fixture.context).empty());    // a name the text repeats
    EXPECT_TRUE(split_run_together("labour", fixture.context).empty());      // British spelling
    EXPECT_TRUE(split_run_together("Blackwell", fixture.context).empty());   // "black" is not a word of the text
    EXPECT_TRUE(split_run_together("equalled", fixture.context).empty());
    EXPECT_TRUE(split_run_together("fieldglass", fixture.context).empty());  // a closed compound
}

TEST(LostSpaces, RepairsGluedSentencesInALine) {
    RepairFixture fixture(vocabulary_lines());
    TextBlocks blocks = group_blocks(numbered_lines({"the self-management of the working class.This self-government of themeans",
                                                    "edited by G.P. Maximoff, e.g. Lenin"}));
    restore_lost_spaces(blocks, fixture.context);
    EXPECT_EQ(blocks[0].lines[0].text, "the self-management of the working class. This self-government of the means");
    EXPECT_EQ(blocks[0].lines[1].text, "edited by G.P. Maximoff, e.g. Lenin");
    ASSERT_EQ(fixture.repairs_by(lost_spaces_pass), 1u);
    EXPECT_EQ(fixture.report.repairs[0].line, 1);
}

// Each distinct token is judged once per document; every occurrence still gets the judgement.
TEST(LostSpaces, RepeatedTokensAreRepairedWhereverTheyStand) {
    RepairFixture fixture(vocabulary_lines());
    TextBlocks blocks = group_blocks(numbered_lines({"themeans and Shoprite", "again themeans, then Shoprite", "and themeans."}));
    restore_lost_spaces(blocks, fixture.context);
    EXPECT_EQ(blocks[0].lines[0].text, "the means and Shoprite");
    EXPECT_EQ(blocks[0].lines[1].text, "again the means, then Shoprite");
    EXPECT_EQ(blocks[0].lines[2].text, "and the means.");
    EXPECT_EQ(fixture.repairs_by(lost_spaces_pass), 3u);
}

}  // namespace
}  // namespace pamphlet::readers::repair
