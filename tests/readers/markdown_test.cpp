#include <gtest/gtest.h>

#include "readers/markdown_test_helpers.hpp"

using namespace pamphlet;
using pamphlet::test::expect_well_formed;
using pamphlet::test::has_warning_containing;
using pamphlet::test::notes_of;

namespace {

class EveryConstruct : public ::testing::Test {
protected:
    void SetUp() override {
        document = test::read_markdown(test::read_file(test::fixture("markdown/every-construct.md")), report, "every-construct.md");
    }
    model::Report report;
    model::Document document;
};

}  // namespace

TEST_F(EveryConstruct, ReadsTheFrontMatter) {
    const model::Metadata& meta = document.metadata;
    EXPECT_EQ(meta.title, "Bread and Roses");
    EXPECT_EQ(meta.subtitle, "A pamphlet in every construct");
    ASSERT_EQ(meta.contributors.size(), 3u);
    EXPECT_EQ(meta.contributors[0].name, "Ada Writer");
    EXPECT_EQ(meta.contributors[1].name, "Ben Scribe");
    EXPECT_EQ(meta.contributors[1].role, "aut");
    EXPECT_EQ(meta.contributors[2].name, "Cleo Translator");
    EXPECT_EQ(meta.contributors[2].role, "trl");
    EXPECT_EQ(meta.language, "en-GB");
    EXPECT_EQ(meta.date, "1912-03");
    EXPECT_EQ(meta.description, "A test document.");
    EXPECT_EQ(meta.rights, "Public domain");
    EXPECT_EQ(meta.source, "Written for the test suite");
    EXPECT_EQ(meta.identifier, "urn:test:bread-and-roses");
}

TEST_F(EveryConstruct, KeepsSourceLinesAndBlockKinds) {
    ASSERT_GE(document.blocks.size(), 14u);
    EXPECT_EQ(test::block_at<model::Heading>(document.blocks, 0).level, 1);
    EXPECT_EQ(document.blocks[0].position.line, 16);  // front matter lines are counted
    EXPECT_EQ(document.blocks[1].position.line, 18);
    EXPECT_EQ(test::block_at<model::Heading>(document.blocks, 2).level, 2);
    EXPECT_EQ(test::block_at<model::BlockQuote>(document.blocks, 3).children.size(), 1u);
    const auto& ordered = test::block_at<model::ListBlock>(document.blocks, 4);
    EXPECT_TRUE(ordered.ordered);
    EXPECT_EQ(ordered.items.size(), 2u);
    EXPECT_FALSE(test::block_at<model::ListBlock>(document.blocks, 5).ordered);
    EXPECT_EQ(test::block_at<model::Preformatted>(document.blocks, 6).text, "::: not-a-div");
    test::block_at<model::SceneBreak>(document.blocks, 7);
}

TEST_F(EveryConstruct, ReadsInlineMarkup) {
    const auto& paragraph = test::block_at<model::Paragraph>(document.blocks, 1);
    const std::string text = model::visible_text(paragraph.content);
    EXPECT_NE(text.find("A paragraph with emphasis, strong, code, a link and a hard break\nafter it"), std::string::npos)
        << text;
    bool emphasis = false, strong = false, code = false, link = false, line_break = false;
    for (const model::Inline& node : paragraph.content) {
        emphasis |= std::holds_alternative<model::Emphasis>(node.value);
        strong |= std::holds_alternative<model::Strong>(node.value);
        code |= std::holds_alternative<model::Code>(node.value);
        line_break |= std::holds_alternative<model::LineBreak>(node.value);
        if (const auto* value = std::get_if<model::Link>(&node.value)) link = value->target == "https://example.org";
    }
    EXPECT_TRUE(emphasis && strong && code && link && line_break);
}

TEST_F(EveryConstruct, FootnotesHoldTheirWholeBodies) {
    const auto notes = notes_of(document.blocks);
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[0]->source_label, "first");
    EXPECT_EQ(notes[0]->position.line, 20);
    ASSERT_EQ(notes[0]->body.size(), 2u);  // a multi-paragraph body
    EXPECT_EQ(model::visible_text(notes[0]->body[1]), "Its second paragraph.");
    // The inline note keeps its markup and is not cut short by the "]" inside a code span.
    ASSERT_EQ(notes[1]->body.size(), 1u);
    EXPECT_EQ(model::visible_text(notes[1]->body[0]), "Said inline, with ] in code.");
    const std::string after = model::visible_text(test::block_at<model::Paragraph>(document.blocks, 1).content);
    EXPECT_EQ(after.substr(after.size() - 19), "and an inline note.");
}

TEST_F(EveryConstruct, ReadsTablesFiguresDivsAndClampsHeadings) {
    const auto& table = test::block_at<model::Table>(document.blocks, 8);
    EXPECT_EQ(table.column_alignment,
              (std::vector<model::Alignment>{model::Alignment::left, model::Alignment::center, model::Alignment::right}));
    ASSERT_EQ(table.header_rows.size(), 1u);
    ASSERT_EQ(table.body_rows.size(), 2u);
    EXPECT_EQ(model::visible_text(table.body_rows[1][2]), "f");
    EXPECT_TRUE(table.body_rows[1][1].empty());

    const auto& figure = test::block_at<model::Figure>(document.blocks, 9);
    EXPECT_EQ(figure.source, "images/press.png");
    EXPECT_EQ(figure.alt, "A printing press");

    const auto& epigraph = test::block_at<model::BlockQuote>(document.blocks, 10);
    EXPECT_TRUE(epigraph.epigraph);
    EXPECT_EQ(model::visible_text(epigraph.children.at(0)), "Workers of the world, unite!");

    const auto& centred = test::block_at<model::Paragraph>(document.blocks, 11);
    EXPECT_EQ(centred.alignment, model::Alignment::center);
    EXPECT_EQ(model::visible_text(centred.content), "The End");

    EXPECT_EQ(test::block_at<model::Heading>(document.blocks, 12).level, 4);
    EXPECT_TRUE(has_warning_containing(report, "heading level 6", 56));

    EXPECT_EQ(test::block_at<model::Preformatted>(document.blocks, 13).text, "<div>raw html</div>");
    EXPECT_TRUE(has_warning_containing(report, "raw HTML", 58));
    EXPECT_EQ(model::visible_text(test::block_at<model::Paragraph>(document.blocks, 14).content), "Text with <span>inline html</span>.");
    EXPECT_TRUE(has_warning_containing(report, "raw HTML '<span>'", 60));
    EXPECT_EQ(document.blocks.size(), 15u);
}
