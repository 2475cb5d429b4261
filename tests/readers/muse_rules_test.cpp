// The Muse reader's finer rules: what counts as markup, where notes may stand, what is kept as
// text, and how metadata is read.
#include <gtest/gtest.h>

#include "readers/markdown_test_helpers.hpp"
#include "readers/muse_inlines.hpp"

using namespace pamphlet;
using test::has_warning_containing;

namespace {

model::Inlines inlines(std::string_view text, std::vector<std::string>* warnings = nullptr) {
    readers::MuseNoteLabels labels;
    labels.primary.insert("1");
    const std::function<void(const std::string&)> warn = [&](const std::string& message) {
        if (warnings) warnings->push_back(message);
    };
    return readers::parse_muse_inlines(text, labels, warn);
}

}  // namespace

TEST(MuseInlines, DelimitersNeedWordBoundaries) {
    EXPECT_EQ(model::visible_text(inlines("2*3*4 and a=b=c")), "2*3*4 and a=b=c");
    const auto emphasised = inlines("an *emphasised* word");
    ASSERT_EQ(emphasised.size(), 3u);
    EXPECT_TRUE(std::holds_alternative<model::Emphasis>(emphasised[1].value));
    EXPECT_EQ(model::visible_text(inlines("a * lone star and *unclosed")), "a * lone star and *unclosed");
    EXPECT_EQ(model::visible_text(inlines("~~")), "\xC2\xA0");
}

TEST(MuseInlines, NoteReferencesNeedADefinition) {
    const auto defined = inlines("see [1] and [2]");
    ASSERT_EQ(defined.size(), 3u);
    EXPECT_EQ(std::get<model::NoteReference>(defined[1].value).source_label, "1");
    EXPECT_EQ(std::get<model::Text>(defined[2].value).text, " and [2]");
}

TEST(MuseInlines, UnknownAndUnclosedTagsStayTextWithAWarning) {
    std::vector<std::string> warnings;
    EXPECT_EQ(model::visible_text(inlines("<blink>x</blink> <em>open", &warnings)), "<blink>x</blink> <em>open");
    ASSERT_EQ(warnings.size(), 3u);  // <blink>, </blink>, unclosed <em>
    EXPECT_EQ(model::visible_text(inlines("a < b > c", &warnings)), "a < b > c");
    EXPECT_EQ(warnings.size(), 3u);  // not shaped like a tag: no warning
    const auto verbatim = inlines("<verbatim>*not* [1]</verbatim>");
    EXPECT_EQ(model::visible_text(verbatim), "*not* [1]");
    EXPECT_EQ(verbatim.size(), 1u);
}

TEST(MuseNotes, NotesWhereTheModelAllowsNoneStayText) {
    model::Report report;
    const auto document = test::read_muse(
        "Text [1] and {1}.\n\n[1] Primary citing [2] and {1}.\n\n[2] Second.\n\n{1} Secondary citing {2}.\n\n"
        "{2} Inner.\n\n[3] Never used.\n",
        report);
    const auto notes = test::notes_of(document.blocks);
    ASSERT_EQ(notes.size(), 2u);
    // The space before a mark goes with it; a mark kept as text gets its space back.
    EXPECT_EQ(model::visible_text(notes[0]->body.at(0)), "Primary citing [2] and.");
    EXPECT_EQ(test::notes_of(notes[0]->body).size(), 1u);  // {1} inside [1] is fine
    EXPECT_EQ(model::visible_text(notes[1]->body.at(0)), "Secondary citing {2}.");
    EXPECT_TRUE(has_warning_containing(report, "[2] inside a note", 3));
    EXPECT_TRUE(has_warning_containing(report, "{2} inside a note"));
    EXPECT_TRUE(has_warning_containing(report, "footnote [3] is never referenced", 11));
    EXPECT_TRUE(has_warning_containing(report, "footnote [2] is never referenced", 5));
    EXPECT_TRUE(has_warning_containing(report, "{1} is referenced more than once"));
}

TEST(MuseNotes, NoteParagraphsFollowTheMarkersIndentation) {
    model::Report report;
    const auto document = test::read_muse("A [1] B [2]\n\n[1] One.\n    Same paragraph.\n\n    Second.\n\n[2] Two.\n\n  A quote.\n",
                                    report);
    const auto notes = test::notes_of(document.blocks);
    ASSERT_EQ(notes.size(), 2u);
    ASSERT_EQ(notes[0]->body.size(), 2u);
    EXPECT_EQ(model::visible_text(notes[0]->body[0]), "One. Same paragraph.");
    EXPECT_EQ(notes[1]->body.size(), 1u);
    ASSERT_EQ(document.blocks.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<model::BlockQuote>(document.blocks[1].value));
}

TEST(MuseBlocks, UnclosedRegionsAndHeadingsInQuotesAreKept) {
    model::Report report;
    const auto document = test::read_muse("<quote>\n* Not a heading here\n</quote>\n\n<verse>\nnever closed\n", report);
    const auto& quote = std::get<model::BlockQuote>(document.blocks.at(0).value);
    EXPECT_TRUE(std::holds_alternative<model::Paragraph>(quote.children.at(0).value));
    EXPECT_TRUE(has_warning_containing(report, "heading inside a quote", 2));
    EXPECT_TRUE(has_warning_containing(report, "'<verse>' is never closed", 5));
    EXPECT_EQ(model::visible_text(document.blocks.at(1)), "<verse>");
    EXPECT_EQ(model::visible_text(document.blocks.at(2)), "never closed");
}

TEST(MuseBlocks, ImagesAloneAreFiguresAndMustStayBesideTheDocument) {
    model::Report report;
    const auto document = test::read_muse("[[plate.png 50 r][The *press*]]\n", report);
    const auto& figure = std::get<model::Figure>(document.blocks.at(0).value);
    EXPECT_EQ(figure.source, "plate.png");
    EXPECT_EQ(figure.alt, "The press");
    EXPECT_THROW(test::read_muse("Text\n\n[[../secret.png]]\n", report), model::InputError);
    const auto remote = test::read_muse("[[https://example.org/a.png][a picture]]\n", report);
    EXPECT_TRUE(std::holds_alternative<model::Paragraph>(remote.blocks.at(0).value));
}

TEST(MuseBlocks, ListItemsContinueAfterABlankLineWhenIndented) {
    model::Report report;
    const auto document = test::read_muse(" - one\n   still one\n\n   one again\n - two\n\nAfter.\n", report);
    const auto& list = std::get<model::ListBlock>(document.blocks.at(0).value);
    ASSERT_EQ(list.items.size(), 2u);
    ASSERT_EQ(list.items[0].size(), 2u);
    EXPECT_EQ(model::visible_text(list.items[0][0]), "one still one");
    EXPECT_EQ(model::visible_text(document.blocks.at(1)), "After.");
}

TEST(MuseDirectives, AuthorsLanguageAndUnknownDirectives) {
    model::Report report;
    const auto document = test::read_muse(
        "#title T\n#author Marx and Engels\n#SORTauthors Karl Marx; Friedrich Engels\n#translator Samuel Moore\n"
        "#colour red\n\nBody.\n",
        report, "manifest.de.muse");
    const auto& people = document.metadata.contributors;
    ASSERT_EQ(people.size(), 3u);
    EXPECT_EQ(people[0].name, "Karl Marx");
    EXPECT_EQ(people[1].name, "Friedrich Engels");
    EXPECT_EQ(people[2].role, "trl");
    EXPECT_EQ(document.metadata.language, "de");  // no #lang: the file name's
    EXPECT_TRUE(has_warning_containing(report, "#colour is not used", 5));
    ASSERT_EQ(document.blocks.size(), 1u);
}

TEST(MuseInlines, ANoteMarkJoinsTheWordBeforeIt) {
    // "word [1], more": the mark follows the word directly in both outputs, as "word[^1]" does
    // in Markdown; a kept space would stand between the mark and the comma in print.
    const auto marked = inlines("word [1], more");
    ASSERT_EQ(marked.size(), 3u);
    EXPECT_EQ(std::get<model::Text>(marked[0].value).text, "word");
    EXPECT_TRUE(std::holds_alternative<model::NoteReference>(marked[1].value));
    EXPECT_EQ(std::get<model::Text>(marked[2].value).text, ", more");
    // Only spaces go: a no-break space is meant, and a label that is no note stays as written.
    EXPECT_EQ(std::get<model::Text>(inlines("word~~[1]")[0].value).text, "word\xC2\xA0");
    EXPECT_EQ(model::visible_text(inlines("word [7] here")), "word [7] here");
}
