#include <gtest/gtest.h>

#include "readers/markdown_test_helpers.hpp"

using namespace pamphlet;
using test::has_warning_containing;

namespace {

template <typename T>
bool contains(const model::Inlines& inlines) {
    for (const model::Inline& node : inlines)
        if (std::holds_alternative<T>(node.value)) return true;
    return false;
}

class MuseEveryConstruct : public ::testing::Test {
protected:
    void SetUp() override {
        document = test::read_muse(test::read_file(test::fixture("muse/every-construct.muse")), report, "every-construct.muse");
    }
    model::Report report;
    model::Document document;
};

}  // namespace

TEST_F(MuseEveryConstruct, ReadsTheDirectives) {
    const model::Metadata& meta = document.metadata;
    EXPECT_EQ(meta.title, "Bread and Roses");  // markup in a directive is reduced to text
    EXPECT_EQ(meta.subtitle, "Every Muse construct");
    ASSERT_EQ(meta.contributors.size(), 1u);
    EXPECT_EQ(meta.contributors[0].name, "Ada Writer");
    EXPECT_EQ(meta.language, "en");
    EXPECT_EQ(meta.date, "1912");
    EXPECT_EQ(meta.source, "Written for the test suite");
    EXPECT_EQ(meta.description, "A test document for the Muse reader.");
}

TEST_F(MuseEveryConstruct, HeadingsClampTheFifthLevel) {
    const auto& blocks = document.blocks;
    for (int level = 1; level <= 4; ++level)
        EXPECT_EQ(test::block_at<model::Heading>(blocks, static_cast<std::size_t>(level - 1)).level, level);
    EXPECT_EQ(test::block_at<model::Heading>(blocks, 4).level, 4);
    EXPECT_EQ(model::visible_text(test::block_at<model::Heading>(blocks, 4).content), "A fifth-level heading");
    EXPECT_TRUE(has_warning_containing(report, "heading level 5", 17));
    EXPECT_EQ(blocks[4].position.line, 17);
}

TEST_F(MuseEveryConstruct, InlineMarkup) {
    const auto& first = test::block_at<model::Paragraph>(document.blocks, 5).content;
    EXPECT_EQ(model::visible_text(first),
              "A paragraph with emphasis, strong, both, code and a second source line, a footnote and a secondary "
              "footnote.");  // the space before a note mark goes: the mark belongs to the word
    EXPECT_TRUE(contains<model::Emphasis>(first));
    EXPECT_TRUE(contains<model::Code>(first));
    // ***both*** is strong emphasis
    bool strong_emphasis = false;
    for (const auto& node : first)
        if (const auto* strong = std::get_if<model::Strong>(&node.value))
            strong_emphasis |= contains<model::Emphasis>(strong->children);
    EXPECT_TRUE(strong_emphasis);

    const auto& tags = test::block_at<model::Paragraph>(document.blocks, 6).content;
    EXPECT_TRUE(contains<model::Emphasis>(tags));
    EXPECT_TRUE(contains<model::Strong>(tags));
    EXPECT_TRUE(contains<model::SmallCaps>(tags));
    EXPECT_TRUE(contains<model::LineBreak>(tags));
    std::vector<std::string> targets;
    std::string language;
    for (const auto& node : tags) {
        if (const auto* code = std::get_if<model::Code>(&node.value)) {
            EXPECT_EQ(code->text, "a = b");
        }
        if (const auto* link = std::get_if<model::Link>(&node.value)) targets.push_back(link->target);
        if (const auto* span = std::get_if<model::LanguageSpan>(&node.value)) {
            language = span->language;
            EXPECT_EQ(model::visible_text(span->children), "auf Deutsch");
        }
    }
    EXPECT_EQ(language, "de");
    EXPECT_EQ(targets, (std::vector<std::string>{"https://theanarchistlibrary.org", "https://example.org"}));
    EXPECT_NE(model::visible_text(tags).find("a library and a bare https://example.org link"), std::string::npos);
    // Unknown markup is kept, with a warning.
    EXPECT_NE(model::visible_text(tags).find("<unknown>tag</unknown>"), std::string::npos);
    EXPECT_TRUE(has_warning_containing(report, "unknown Muse tag '<unknown>'", 22));
}

TEST_F(MuseEveryConstruct, PrimaryAndSecondaryNotes) {
    const auto notes = test::notes_of(document.blocks);
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[0]->kind, model::NoteKind::primary);
    EXPECT_EQ(notes[0]->source_label, "1");
    ASSERT_EQ(notes[0]->body.size(), 2u);
    EXPECT_EQ(model::visible_text(notes[0]->body[1]), "Its second paragraph.");
    // The footnote holds its own secondary note.
    const auto inner = test::notes_of(notes[0]->body);
    ASSERT_EQ(inner.size(), 1u);
    EXPECT_EQ(inner[0]->kind, model::NoteKind::secondary);
    EXPECT_EQ(model::visible_text(inner[0]->body.at(0)), "A secondary note from inside a footnote.");
    EXPECT_EQ(notes[1]->kind, model::NoteKind::secondary);
    EXPECT_EQ(model::visible_text(notes[1]->body.at(0)), "The first secondary note.");
}

TEST_F(MuseEveryConstruct, QuotesVerseAlignmentAndBreaks) {
    const auto& blocks = document.blocks;
    EXPECT_EQ(model::visible_text(test::block_at<model::BlockQuote>(blocks, 7).children.at(0)), "A quotation in tags.");
    EXPECT_EQ(model::visible_text(test::block_at<model::BlockQuote>(blocks, 8).children.at(0)), "An indented quotation.");
    const auto& verse = test::block_at<model::Verse>(blocks, 9);
    ASSERT_EQ(verse.stanzas.size(), 2u);
    ASSERT_EQ(verse.stanzas[0].size(), 2u);
    EXPECT_EQ(model::visible_text(verse.stanzas[0][1]), "\xC2\xA0\xC2\xA0indented line.");
    EXPECT_EQ(test::block_at<model::Paragraph>(blocks, 10).alignment, model::Alignment::center);
    EXPECT_EQ(test::block_at<model::Paragraph>(blocks, 11).alignment, model::Alignment::right);
    EXPECT_EQ(test::block_at<model::Paragraph>(blocks, 12).alignment, model::Alignment::center);
    test::block_at<model::SceneBreak>(blocks, 13);
}

TEST_F(MuseEveryConstruct, ListsTablesExamplesAndLanguageRegions) {
    const auto& blocks = document.blocks;
    const auto& bullets = test::block_at<model::ListBlock>(blocks, 14);
    EXPECT_FALSE(bullets.ordered);
    ASSERT_EQ(bullets.items.size(), 2u);
    ASSERT_EQ(bullets.items[1].size(), 2u);
    const auto& nested = test::block_at<model::ListBlock>(bullets.items[1], 1);
    EXPECT_TRUE(nested.ordered);
    EXPECT_EQ(nested.items.size(), 2u);
    const auto& ordered = test::block_at<model::ListBlock>(blocks, 15);
    EXPECT_TRUE(ordered.ordered);
    EXPECT_EQ(ordered.items.size(), 2u);

    const auto& table = test::block_at<model::Table>(blocks, 16);
    ASSERT_EQ(table.column_alignment.size(), 2u);
    ASSERT_EQ(table.header_rows.size(), 1u);
    EXPECT_EQ(model::visible_text(table.header_rows[0][1]), "Header two");
    ASSERT_EQ(table.body_rows.size(), 2u);
    EXPECT_EQ(model::visible_text(table.body_rows[1][0]), "Footer one");  // footer rows come last
    EXPECT_EQ(model::visible_text(table.caption), "A caption");

    EXPECT_EQ(test::block_at<model::Preformatted>(blocks, 17).text, "Preformatted *not emphasis*\n  kept as is");
    const auto& german = test::block_at<model::Paragraph>(blocks, 18).content;
    ASSERT_EQ(german.size(), 1u);
    EXPECT_EQ(std::get<model::LanguageSpan>(german[0].value).language, "de");
    EXPECT_EQ(test::block_at<model::Verse>(blocks, 19).stanzas.at(0).size(), 2u);
    EXPECT_EQ(model::visible_text(test::block_at<model::Paragraph>(blocks, 20).content), "The end.");
    EXPECT_EQ(blocks.size(), 21u);  // the comment line is not published
}
