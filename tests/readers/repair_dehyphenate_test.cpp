// Line-end hyphenation: syllable breaks are joined, compounds keep their hyphen, and the
// decision follows the document's own usage before the dictionary.
#include <gtest/gtest.h>

#include "readers/plain_text_test_support.hpp"
#include "readers/repair/passes.hpp"

namespace pamphlet::readers::repair {
namespace {

using test::numbered_lines;
using test::RepairFixture;

TEST(Dehyphenate, JoinsSyllableBreaksTheDictionaryKnows) {
    RepairFixture fixture;
    EXPECT_EQ(decide_line_end_hyphen("produc", "tion", fixture.context), HyphenDecision::join);
    EXPECT_EQ(decide_line_end_hyphen("Pre", "cisely", fixture.context), HyphenDecision::join);
}

TEST(Dehyphenate, KeepsCompoundsTheDocumentHyphenates) {
    RepairFixture fixture({"the self-management of the working class", "anarcho-syndicalism and the anarcho-syndicalists"});
    EXPECT_EQ(decide_line_end_hyphen("self", "managing", fixture.context), HyphenDecision::keep_hyphen);
    EXPECT_EQ(decide_line_end_hyphen("anarcho", "syndicalist", fixture.context), HyphenDecision::keep_hyphen);
}

TEST(Dehyphenate, KeepsCompoundsOfTwoWordsEvenWithoutEvidence) {
    RepairFixture fixture;
    EXPECT_EQ(decide_line_end_hyphen("self", "managing", fixture.context), HyphenDecision::keep_hyphen);
}

TEST(Dehyphenate, TheDocumentsUsageOutweighsTheDictionary) {
    // "co-ordinated" is in the dictionary joined, but this author hyphenates it.
    RepairFixture fixture({"a conglomerate co-ordinated by the ministries"});
    EXPECT_EQ(decide_line_end_hyphen("co", "ordinated", fixture.context), HyphenDecision::keep_hyphen);
}

TEST(Dehyphenate, JoinsWordsTheDictionaryDoesNotKnowButTheDocumentDoes) {
    RepairFixture fixture({"the Cliffites say so, and so do other Cliffites"});
    EXPECT_EQ(decide_line_end_hyphen("Clif", "fites", fixture.context), HyphenDecision::join);
}

TEST(Dehyphenate, KeepsADashWrittenAsHyphenAndSpace) {
    RepairFixture fixture({"the community- there is no place", "non-capitalist- what it cannot be"});
    EXPECT_EQ(decide_line_end_hyphen("manager", "for", fixture.context), HyphenDecision::keep_dash);
}

TEST(Dehyphenate, RewritesTheLinesAndRecordsEachChange) {
    RepairFixture fixture({"the self-management of the working class"});
    TextBlocks blocks = group_blocks(numbered_lines({"the relations of produc-", "tion condition a self-", "managing class"}));
    dehyphenate(blocks, fixture.context);
    ASSERT_EQ(blocks.size(), 1u);
    EXPECT_EQ(blocks[0].lines[0].text, "the relations of production");
    EXPECT_EQ(blocks[0].lines[1].text, "condition a self-managing");
    EXPECT_EQ(blocks[0].lines[2].text, "class");
    ASSERT_EQ(fixture.repairs_by(dehyphenate_pass), 2u);
    EXPECT_EQ(fixture.report.repairs[0].line, 1);
}

}  // namespace
}  // namespace pamphlet::readers::repair
