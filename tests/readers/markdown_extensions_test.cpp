// The pandoc extensions the Markdown reader adds to cmark-gfm, and its error handling.
#include <gtest/gtest.h>

#include "readers/front_matter.hpp"
#include "readers/markdown_fenced_divs.hpp"
#include "readers/markdown_image_path.hpp"
#include "readers/markdown_inline_notes.hpp"
#include "readers/markdown_lenient_headings.hpp"
#include "readers/markdown_test_helpers.hpp"

using namespace pamphlet;
using test::has_warning_containing;

TEST(MarkdownInlineNotes, SplitsTextAroundTheNote) {
    model::Inlines inlines{model::Text{"before^[a [nested] note] after ^[second]."}};
    EXPECT_EQ(readers::extract_inline_notes(inlines, {3, 1}), 2);
    ASSERT_EQ(inlines.size(), 5u);
    EXPECT_EQ(std::get<model::Text>(inlines[0].value).text, "before");
    const auto& note = std::get<model::NoteReference>(inlines[1].value);
    EXPECT_EQ(model::visible_text(note.body.at(0)), "a [nested] note");
    EXPECT_EQ(note.position.line, 3);
    EXPECT_EQ(std::get<model::Text>(inlines[2].value).text, " after ");
    EXPECT_EQ(std::get<model::Text>(inlines[4].value).text, ".");
}

TEST(MarkdownInlineNotes, LeavesUnclosedEmptyAndCodeAlone) {
    model::Inlines unclosed{model::Text{"a ^[never closed"}, model::Code{"]"}};
    EXPECT_EQ(readers::extract_inline_notes(unclosed, {}), 0);
    EXPECT_EQ(model::visible_text(unclosed), "a ^[never closed]");
    model::Inlines empty{model::Text{"x^[] y"}};
    EXPECT_EQ(readers::extract_inline_notes(empty, {}), 0);
    EXPECT_EQ(model::visible_text(empty), "x^[] y");
}

TEST(MarkdownInlineNotes, CodeSpansInMarkdownNeverOpenOrCloseNotes) {
    model::Report report;
    const auto document = test::read_markdown("Code `^[not a note]` and ^[a note with `]`] end.\n", report);
    const auto notes = test::notes_of(document.blocks);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(model::visible_text(notes[0]->body.at(0)), "a note with ]");
    EXPECT_EQ(model::visible_text(document.blocks.at(0)), "Code ^[not a note] and  end.");
}

TEST(MarkdownFencedDivs, FencesInsideCodeAreNotDivs) {
    const std::string text = "```\n::: epigraph\n```\n::: {.center #id}\nx\n:::\n";
    const auto fences = readers::find_div_fences(text, {{1, 3}});
    ASSERT_EQ(fences.size(), 2u);
    EXPECT_EQ(fences[0].line, 4);
    EXPECT_TRUE(fences[0].opening);
    EXPECT_EQ(fences[0].class_name, "center");
    EXPECT_EQ(fences[1].line, 6);
    EXPECT_FALSE(fences[1].opening);
}

TEST(MarkdownFencedDivs, EpigraphsAndAlignmentEvenWithoutBlankLines) {
    model::Report report;
    const auto document = test::read_markdown(
        "Intro\n::: epigraph\n# Motto\nA line.\n:::\n::: right\nSigned\n:::\n::: unknown\nKept\n:::\n:::\n", report);
    ASSERT_EQ(document.blocks.size(), 4u);
    EXPECT_EQ(model::visible_text(document.blocks[0]), "Intro");
    const auto& quote = std::get<model::BlockQuote>(document.blocks[1].value);
    EXPECT_TRUE(quote.epigraph);
    ASSERT_EQ(quote.children.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<model::Paragraph>(quote.children[0].value));  // heading demoted
    EXPECT_TRUE(has_warning_containing(report, "heading inside an epigraph", 3));
    const auto& signed_line = std::get<model::Paragraph>(document.blocks[2].value);
    EXPECT_EQ(signed_line.alignment, model::Alignment::right);
    EXPECT_EQ(model::visible_text(document.blocks[3]), "Kept");
    EXPECT_TRUE(has_warning_containing(report, "'unknown' is not known", 9));
    EXPECT_TRUE(has_warning_containing(report, "closes no fenced div", 12));
}

TEST(MarkdownFootnotes, WarnsAboutUnusedMissingRepeatedAndNestedNotes) {
    model::Report report;
    const auto document = test::read_markdown(
        "One[^a], again[^a], missing[^nope].\n\n[^a]: Note with[^b].\n\n[^b]: Inner.\n\n[^spare]: Never used.\n",
        report);
    const auto notes = test::notes_of(document.blocks);
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(model::visible_text(notes[1]->body.at(0)), "Note with[^b].");
    EXPECT_TRUE(has_warning_containing(report, "referenced more than once", 1));
    EXPECT_TRUE(has_warning_containing(report, "[^nope] has no definition", 1));
    EXPECT_TRUE(has_warning_containing(report, "inside another note", 3));
    EXPECT_TRUE(has_warning_containing(report, "[^spare] is never referenced", 7));
}

TEST(MarkdownHeadings, HeadingsInQuotesAndListsBecomeParagraphs) {
    model::Report report;
    const auto document = test::read_markdown("> # Quoted\n\n- ## Listed\n", report);
    const auto& quote = std::get<model::BlockQuote>(document.blocks.at(0).value);
    EXPECT_TRUE(std::holds_alternative<model::Paragraph>(quote.children.at(0).value));
    EXPECT_EQ(report.warnings.size(), 2u);
}

TEST(MarkdownImages, RejectsPathsOutsideTheDocumentFolder) {
    EXPECT_EQ(readers::image_path_problem("img/a.png"), "");
    EXPECT_EQ(readers::image_path_problem("img/../a.png"), "");
    EXPECT_NE(readers::image_path_problem("../a.png"), "");
    EXPECT_NE(readers::image_path_problem("img/../../a.png"), "");
    EXPECT_NE(readers::image_path_problem("/etc/a.png"), "");
    EXPECT_NE(readers::image_path_problem("https://example.org/a.png"), "");
    EXPECT_NE(readers::image_path_problem("data:image/png;base64,AAAA"), "");
    model::Report report;
    try {
        test::read_markdown("Text\n\n![x](http://example.org/a.png)\n", report);
        FAIL() << "a remote image was accepted";
    } catch (const model::InputError& error) {
        EXPECT_EQ(error.line(), 3);
        EXPECT_NE(std::string(error.what()).find("URL"), std::string::npos);
    }
}

TEST(MarkdownImages, WarnsWhenAltTextIsMissing) {
    model::Report report;
    const auto document = test::read_markdown("![](plate.png)\n", report);
    EXPECT_EQ(std::get<model::Figure>(document.blocks.at(0).value).source, "plate.png");
    EXPECT_TRUE(has_warning_containing(report, "no alternative text", 1));
}

TEST(MarkdownFrontMatter, BadYamlNamesFileAndLine) {
    model::Report report;
    try {
        test::read_markdown("---\ntitle: ok\nauthor: [unclosed\n---\nText\n", report, "essay.md");
        FAIL() << "bad YAML was accepted";
    } catch (const model::InputError& error) {
        EXPECT_EQ(error.file(), "essay.md");
        EXPECT_GE(error.line(), 3);
        EXPECT_LE(error.line(), 4);
    }
    try {
        test::read_markdown("---\ntitle:\n  nested: map\n---\n", report, "essay.md");
        FAIL() << "a mapping as title was accepted";
    } catch (const model::InputError& error) {
        EXPECT_EQ(error.line(), 3);
    }
}

TEST(MarkdownFrontMatter, UnknownKeysCoverAndStyleAreReported) {
    model::Report report;
    const auto front = readers::read_front_matter("---\ncover: c.jpg\nstyle: zine\ncolour: red\ndate: May\n---\n", "f.md", report);
    EXPECT_EQ(front.metadata.cover_image, "c.jpg");
    EXPECT_EQ(front.metadata.style, "zine");
    EXPECT_EQ(front.metadata.cover_named_at.file, "f.md");  // where each was named, for errors
    EXPECT_EQ(front.metadata.cover_named_at.line, 2);
    EXPECT_EQ(front.metadata.style_named_at.line, 3);
    EXPECT_EQ(front.line_count, 6);
    EXPECT_FALSE(front.has_language);
    EXPECT_TRUE(has_warning_containing(report, "unknown front matter key 'colour'", 4));
    EXPECT_TRUE(has_warning_containing(report, "is not YYYY", 5));
}

TEST(MarkdownFrontMatter, ThematicBreakAtTheTopIsNotFrontMatter) {
    model::Report report;
    const auto document = test::read_markdown("---\n\nText\n", report);
    ASSERT_EQ(document.blocks.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<model::SceneBreak>(document.blocks[0].value));
}

TEST(MarkdownLanguage, FileNameGivesLanguageUnlessFrontMatterDoes) {
    EXPECT_EQ(readers::language_from_file_name("dir/manifest.de.md"), "de");
    EXPECT_EQ(readers::language_from_file_name("essay.pt-BR.muse"), "pt-BR");
    EXPECT_EQ(readers::language_from_file_name("notes.old.md"), "");
    EXPECT_EQ(readers::language_from_file_name("essay.md"), "");
    model::Report report;
    EXPECT_EQ(test::read_markdown("Text\n", report, "a.fr.md").metadata.language, "fr");
    EXPECT_EQ(test::read_markdown("---\nlang: it\n---\nText\n", report, "a.fr.md").metadata.language, "it");
    EXPECT_EQ(test::read_markdown("Text\n", report, "a.md").metadata.language, "en");
}

TEST(MarkdownText, ControlCharactersAreReplacedAndReported) {
    model::Report report;
    const auto document = test::read_markdown("Bell\x07 here\n", report);
    EXPECT_EQ(model::visible_text(document.blocks.at(0)), "Bell\xEF\xBF\xBD here");
    EXPECT_TRUE(has_warning_containing(report, "control character", 1));
    const auto broken = test::read_muse("ok\n\xC3(\n", report);
    EXPECT_EQ(model::visible_text(broken.blocks.at(0)), "ok \xEF\xBF\xBD(");
    EXPECT_TRUE(has_warning_containing(report, "invalid UTF-8", 2));
}

TEST(MarkdownHeadings, NoBreakSpaceAfterHashMarksIsRepaired) {
    model::Report report;
    const auto document = test::read_markdown("##\xC2\xA0" "Chapter\n\n```\n#\xC2\xA0" "code\n```\n\n####### seven\n", report);
    ASSERT_EQ(document.blocks.size(), 3u);
    const auto& heading = std::get<model::Heading>(document.blocks[0].value);
    EXPECT_EQ(heading.level, 2);
    EXPECT_EQ(model::visible_text(heading.content), "Chapter");
    EXPECT_EQ(std::get<model::Preformatted>(document.blocks[1].value).text, "#\xC2\xA0" "code");
    EXPECT_TRUE(std::holds_alternative<model::Paragraph>(document.blocks[2].value));
    ASSERT_EQ(report.repairs.size(), 1u);
    EXPECT_EQ(report.repairs[0].pass, "heading-space");
    EXPECT_EQ(report.repairs[0].line, 1);
    EXPECT_EQ(report.repairs[0].after, "## Chapter");
}

TEST(MarkdownTables, PandocStyleCaptionFollowsTheTable) {
    model::Report report;
    const auto document = test::read_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\nTable: Prices in *1848*\n\nAfter.\n", report);
    ASSERT_EQ(document.blocks.size(), 2u);
    const auto& table = std::get<model::Table>(document.blocks[0].value);
    EXPECT_EQ(model::visible_text(table.caption), "Prices in 1848");
    EXPECT_EQ(model::visible_text(document.blocks[1]), "After.");
}
