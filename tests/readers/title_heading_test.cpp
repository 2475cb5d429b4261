#include <gtest/gtest.h>

#include "readers/title_heading.hpp"

using namespace pamphlet;
using namespace pamphlet::model;

namespace {
Block heading(int level, std::string text) { return Heading{level, {Text{std::move(text)}}, ""}; }
int level_of(const Block& block) { return std::get<Heading>(block.value).level; }
}  // namespace

TEST(TitleHeading, SingleLeadingTopHeadingBecomesTheTitle) {
    Document document;
    document.blocks = {heading(1, "Manifest"), Paragraph{{Text{"by"}}}, heading(2, "I"), heading(3, "1."), heading(2, "II")};
    ASSERT_TRUE(readers::promote_title_heading(document));
    EXPECT_EQ(document.metadata.title, "Manifest");
    ASSERT_EQ(document.blocks.size(), 4u);
    EXPECT_EQ(level_of(document.blocks[1]), 1);
    EXPECT_EQ(level_of(document.blocks[2]), 2);
    EXPECT_EQ(level_of(document.blocks[3]), 1);
}

TEST(TitleHeading, LeftAloneWithATitleOrSeveralChapters) {
    Document titled;
    titled.metadata.title = "Given";
    titled.blocks = {heading(1, "First"), heading(2, "Sub")};
    EXPECT_FALSE(readers::promote_title_heading(titled));
    EXPECT_EQ(titled.blocks.size(), 2u);

    Document chapters;
    chapters.blocks = {heading(1, "One"), Paragraph{{Text{"x"}}}, heading(1, "Two")};
    EXPECT_FALSE(readers::promote_title_heading(chapters));
    EXPECT_TRUE(chapters.metadata.title.empty());

    Document paragraph_first;
    paragraph_first.blocks = {Paragraph{{Text{"x"}}}, heading(1, "Only")};
    EXPECT_FALSE(readers::promote_title_heading(paragraph_first));
}
