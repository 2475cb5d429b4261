// Issue 9's Done-when, through the real binary: the every-construct Muse and Markdown fixtures
// convert to an EPUB that epubcheck accepts and a PDF that qpdf --check accepts, and every
// construct is visible in both: in the EPUB's XHTML (element, class, text) and in the PDF's text,
// word positions (alignment, indentation, line breaks), fonts and outline.
#include <gtest/gtest.h>

#include <memory>

#include "cli/authoring_support.hpp"

namespace {

using namespace pamphlet::test_support;
using namespace pamphlet::test_support::authoring;

// One conversion of a fixture to both formats, shared by the tests of a suite (a conversion and
// epubcheck take seconds; the assertions are many).
struct ConvertedFixture {
    ScratchFolder scratch;
    std::filesystem::path epub = scratch / "book.epub";
    std::filesystem::path pdf = scratch / "book.pdf";
    CommandResult epub_run, pdf_run;
    std::string body;         // the EPUB's section bodies
    std::string pdf_layout;   // pdftotext -layout
    std::vector<PlacedWord> words;

    explicit ConvertedFixture(const std::filesystem::path& input) {
        epub_run = convert(input, epub);
        pdf_run = convert(input, pdf);
        body = epub_body_text(epub);
        pdf_layout = pdf_text(pdf, /*keep_layout=*/true);
        words = pdf_words(pdf);
    }

    bool pdf_has(const std::string& words_in_order) const {
        return normalise_pdf_text(pdf_layout).find(words_in_order) != std::string::npos;
    }
    // The left and right edges of the text on `page`: the extremes of all its words.
    std::pair<double, double> text_block(int page) const {
        double left = 1e9, right = 0;
        for (const PlacedWord& word : words)
            if (word.page == page) left = std::min(left, word.x_min), right = std::max(right, word.x_max);
        return {left, right};
    }
    std::vector<PlacedWord> line(const std::string& text) const { return pdf_line(words, text); }
};

void expect_epubcheck_clean(const std::filesystem::path& epub) {
    if (!std::filesystem::exists(epubcheck_jar)) GTEST_SKIP() << "epubcheck is not installed";
    const EpubcheckResult result = run_epubcheck(epub);
    ASSERT_TRUE(result.ran) << result.output;
    EXPECT_EQ(result.fatals, 0) << result.output;
    EXPECT_EQ(result.errors, 0) << result.output;
    EXPECT_EQ(result.warnings, 0) << result.output;
}

void expect_qpdf_clean(const std::filesystem::path& pdf) {
    const CommandResult check = qpdf_check(pdf);
    EXPECT_EQ(check.exit_status, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("No syntax or stream encoding errors found"), std::string::npos) << check.out;
}

// Every face the PDF uses is embedded, subset and mapped to Unicode; returns pdffonts' listing.
std::string expect_fonts_embedded(const std::filesystem::path& pdf) {
    const std::string listing = run_command("pdffonts " + quote_for_shell(pdf.string())).out;
    const std::vector<std::string> rows = lines_of(listing);
    EXPECT_GT(rows.size(), 2u) << listing;
    for (std::size_t i = 2; i < rows.size(); ++i)
        EXPECT_NE(rows[i].find("yes yes yes"), std::string::npos) << rows[i];
    return listing;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// ---- Muse ------------------------------------------------------------------------------------

class MuseEveryConstructOutputs : public ::testing::Test {
protected:
    static void SetUpTestSuite() { fixture = std::make_unique<ConvertedFixture>(data_dir / "muse" / "every-construct.muse"); }
    static void TearDownTestSuite() { fixture.reset(); }
    void SetUp() override {
        ASSERT_EQ(fixture->epub_run.exit_status, 0) << fixture->epub_run.err;
        ASSERT_EQ(fixture->pdf_run.exit_status, 0) << fixture->pdf_run.err;
    }
    static std::unique_ptr<ConvertedFixture> fixture;
};
std::unique_ptr<ConvertedFixture> MuseEveryConstructOutputs::fixture;

TEST_F(MuseEveryConstructOutputs, ValidatorsAcceptBothOutputs) {
    expect_qpdf_clean(fixture->pdf);
    expect_fonts_embedded(fixture->pdf);
    expect_epubcheck_clean(fixture->epub);
}

TEST_F(MuseEveryConstructOutputs, ARerunGivesTheSameBytes) {
    ScratchFolder again;
    const auto input = data_dir / "muse" / "every-construct.muse";
    ASSERT_EQ(convert(input, again / "book.epub").exit_status, 0);
    ASSERT_EQ(convert(input, again / "book.pdf").exit_status, 0);
    EXPECT_TRUE(read_file(again / "book.epub") == read_file(fixture->epub)) << "the EPUB differs between runs";
    EXPECT_TRUE(read_file(again / "book.pdf") == read_file(fixture->pdf)) << "the PDF differs between runs";
}

void muse_directives_become_metadata(const ConvertedFixture* fixture) {
    const std::string opf = epub_entry(fixture->epub, "EPUB/package.opf");
    EXPECT_TRUE(contains(opf, ">Bread and Roses</dc:title>")) << opf;  // #title, markup reduced to text
    EXPECT_TRUE(contains(opf, ">Every Muse construct</dc:title>"));      // #subtitle
    EXPECT_TRUE(contains(opf, ">Ada Writer</dc:creator>"));              // #author
    EXPECT_TRUE(contains(opf, "<dc:language>en</dc:language>"));         // #lang
    EXPECT_TRUE(contains(opf, "<dc:date>1912</dc:date>"));               // #date
    EXPECT_TRUE(contains(opf, ">Written for the test suite</dc:source>"));             // #source
    EXPECT_TRUE(contains(opf, "<dc:description>A test document for the Muse reader.</dc:description>"));  // #notes
    const std::string info = run_command("pdfinfo " + quote_for_shell(fixture->pdf.string())).out;
    EXPECT_TRUE(contains(info, "Bread and Roses")) << info;
    EXPECT_TRUE(contains(info, "Every Muse construct")) << info;
    EXPECT_TRUE(contains(info, "Ada Writer")) << info;
    // The title page shows title, subtitle and author.
    const std::string title_page = normalise_pdf_text(
        pdf_page_text(fixture->pdf, 1));
    EXPECT_TRUE(contains(title_page, "Bread and Roses\nEvery Muse construct\n")) << title_page;
    EXPECT_TRUE(contains(title_page, "ADA WRITER") || contains(title_page, "Ada Writer")) << title_page;
}

void muse_headings_in_text_table_of_contents_and_outline(const ConvertedFixture* fixture) {
    const std::string& body = fixture->body;
    EXPECT_TRUE(contains(body, ">Part one</h1>")) << body;
    EXPECT_TRUE(contains(body, ">A chapter</h2>"));
    EXPECT_TRUE(contains(body, ">A section</h3>"));
    EXPECT_TRUE(contains(body, ">A subsection</h4>"));
    EXPECT_TRUE(contains(body, ">A fifth-level heading</h4>"));  // ***** is set as the deepest level
    const std::string nav = epub_entry(fixture->epub, "EPUB/nav.xhtml");
    const std::vector<std::string> titles = pdf_outline_titles(fixture->pdf);
    for (const std::string heading : {"Part one", "A chapter", "A section", "A subsection", "A fifth-level heading"}) {
        EXPECT_TRUE(contains(nav, ">" + heading + "<")) << heading << " missing from the EPUB navigation";
        EXPECT_NE(std::find(titles.begin(), titles.end(), heading), titles.end()) << heading << " missing from the PDF outline";
    }
    EXPECT_TRUE(fixture->pdf_has("A chapter\nA section\nA subsection\nA fifth-level heading\n"));
    EXPECT_TRUE(contains(fixture->epub_run.err, "heading level 5"));  // said, not silently changed
}

void muse_inline_markup_in_both(const ConvertedFixture* fixture) {
    const std::string& body = fixture->body;
    EXPECT_TRUE(contains(body, "A paragraph with <em>emphasis</em>, <strong>strong</strong>, <strong><em>both</em></strong>, <code>code</code>")) << body;
    EXPECT_TRUE(contains(body, "Tags: <em>em</em>, <strong>strong</strong>, <span class=\"smallcaps\">small caps</span>, <code>a = b</code>"));
    EXPECT_TRUE(contains(body, "a break<br/>after it"));
    EXPECT_TRUE(contains(body, "<span lang=\"de\" xml:lang=\"de\">auf Deutsch</span>"));
    EXPECT_TRUE(contains(body, "<a href=\"https://theanarchistlibrary.org\">library</a>"));

    // In the PDF: the words, each emphasis in its own face, and the <br> ending its line.
    EXPECT_TRUE(fixture->pdf_has("A paragraph with emphasis, strong, both, code and a second source line,"));
    const std::string fonts = run_command("pdffonts " + quote_for_shell(fixture->pdf.string())).out;
    for (const char* face : {"Italic", "Bold", "BoldItalic", "Mono"}) EXPECT_TRUE(contains(fonts, face)) << face << "\n" << fonts;
    const std::string text = normalise_pdf_text(fixture->pdf_layout);
    std::string lowered = text;
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_TRUE(contains(lowered, "tags: em, strong, small caps, a = b, a break\nafter it, auf deutsch, a library")) << text;
}

void muse_unknown_markup_is_kept_as_text_with_a_warning(const ConvertedFixture* fixture) {
    EXPECT_TRUE(contains(fixture->body, "an &lt;unknown&gt;tag&lt;/unknown&gt;."));
    EXPECT_TRUE(fixture->pdf_has("<unknown>tag</unknown>."));
    EXPECT_TRUE(contains(fixture->pdf_run.err, "every-construct.muse:22: warning: unknown Muse tag '<unknown>'"))
        << fixture->pdf_run.err;
    // A comment line is never published.
    EXPECT_FALSE(contains(fixture->body, "never published"));
    EXPECT_FALSE(contains(fixture->pdf_layout, "never published"));
}

void muse_quotes_are_indented_block_quotes(const ConvertedFixture* fixture) {
    EXPECT_TRUE(contains(fixture->body, "<blockquote><p>A quotation in tags.</p></blockquote>"));
    EXPECT_TRUE(contains(fixture->body, "<blockquote><p>An indented quotation.</p></blockquote>"));
    for (const std::string quote : {"A quotation in tags.", "An indented quotation."}) {
        const auto line = fixture->line(quote);
        ASSERT_FALSE(line.empty()) << quote;
        const auto [left, right] = fixture->text_block(line.front().page);
        EXPECT_GT(line.front().x_min, left + 10) << quote << " is not indented";
    }
}

void muse_verse_keeps_lines_stanzas_and_indentation(const ConvertedFixture* fixture) {
    EXPECT_TRUE(contains(fixture->body,
                         "<div class=\"verse\"><p class=\"stanza\">A line of verse;<br/>\xC2\xA0\xC2\xA0indented line.</p>"
                         "<p class=\"stanza\">Second stanza.</p></div>")) << fixture->body;
    EXPECT_TRUE(contains(fixture->body, "<p class=\"stanza\">A line of quoted verse,<br/>\xC2\xA0\xC2\xA0indented.</p>"));
    const auto first = fixture->line("A line of verse;");
    const auto second = fixture->line("indented line.");
    const auto stanza = fixture->line("Second stanza.");
    ASSERT_FALSE(first.empty() || second.empty() || stanza.empty()) << fixture->pdf_layout;
    EXPECT_GT(second.front().y_min, first.front().y_min);  // its own line, below
    // The stanza break is more than one line's advance.
    EXPECT_GT(stanza.front().y_min - second.front().y_min, 1.5 * (second.front().y_min - first.front().y_min));
}

// The EPUB shows "  indented line." and "  kept as is" indented; the PDF must too (the line
// breaker drops glue at a line start, so the galley turns leading spaces into an indent).
TEST_F(MuseEveryConstructOutputs, LeadingSpacesOfVerseAndExampleLinesAreKeptInThePdf) {
    const auto verse = fixture->line("A line of verse;");
    const auto indented = fixture->line("indented line.");
    ASSERT_FALSE(verse.empty() || indented.empty());
    EXPECT_GT(indented.front().x_min, verse.front().x_min + 5);
    const auto example = fixture->line("Preformatted *not emphasis*");
    const auto kept = fixture->line("kept as is");
    ASSERT_FALSE(example.empty() || kept.empty());
    EXPECT_GT(kept.front().x_min, example.front().x_min + 5);
}

void muse_centred_and_right_aligned_paragraphs(const ConvertedFixture* fixture) {
    EXPECT_TRUE(contains(fixture->body, "<p class=\"align-center no-indent\">A centred paragraph.</p>"));
    EXPECT_TRUE(contains(fixture->body, "<p class=\"align-right no-indent\">A right-aligned signature.</p>"));
    EXPECT_TRUE(contains(fixture->body, "<p class=\"align-center no-indent\">Centred by indentation.</p>"));
    for (const std::string centred : {"A centred paragraph.", "Centred by indentation."}) {
        const auto line = fixture->line(centred);
        ASSERT_FALSE(line.empty()) << centred;
        const auto [left, right] = fixture->text_block(line.front().page);
        EXPECT_NEAR((line.front().x_min + line.back().x_max) / 2, (left + right) / 2, 3.0) << centred;
    }
    const auto signature = fixture->line("A right-aligned signature.");
    ASSERT_FALSE(signature.empty());
    const auto [left, right] = fixture->text_block(signature.front().page);
    EXPECT_NEAR(signature.back().x_max, right, 3.0);
    EXPECT_GT(signature.front().x_min, (left + right) / 2);
}

void muse_scene_break_lists_table_and_example(const ConvertedFixture* fixture) {
    const std::string& body = fixture->body;
    EXPECT_TRUE(contains(body, "<hr class=\"scene-break\"/>"));
    const auto stars = fixture->line("* * *");
    ASSERT_FALSE(stars.empty()) << fixture->pdf_layout;
    const auto [left, right] = fixture->text_block(stars.front().page);
    EXPECT_NEAR((stars.front().x_min + stars.back().x_max) / 2, (left + right) / 2, 3.0);

    EXPECT_TRUE(contains(body, "<ul><li><p>bullet one</p></li><li><p>bullet two</p><ol><li><p>nested one</p></li>"));
    EXPECT_TRUE(contains(body, "<ol><li>"));
    EXPECT_TRUE(fixture->pdf_has("\xE2\x80\xA2 bullet one\n\xE2\x80\xA2 bullet two\n1. nested one\n2. nested two\n"));
    EXPECT_TRUE(fixture->pdf_has("1. first\n2. second\n"));

    EXPECT_TRUE(contains(body, "<caption>A caption</caption><thead><tr><th scope=\"col\" class=\"align-left\">Header one</th>"));
    EXPECT_TRUE(contains(body, "<tbody><tr><td class=\"align-left\">Body one</td><td class=\"align-left\">Body two</td></tr>"
                               "<tr><td class=\"align-left\">Footer one</td>"));
    // Cells of a row share a line; the footer row comes after the body row; the caption is set.
    EXPECT_TRUE(fixture->pdf_has("Header one Header two\nBody one Body two\nFooter one Footer two\nA caption\n"))
        << fixture->pdf_layout;

    EXPECT_TRUE(contains(body, "<pre>Preformatted *not emphasis*\n  kept as is</pre>"));
    const auto example = fixture->line("Preformatted *not emphasis*");
    const auto kept = fixture->line("kept as is");
    ASSERT_FALSE(example.empty() || kept.empty());
    EXPECT_GT(kept.front().y_min, example.front().y_min);  // its own line
    EXPECT_NE(fixture->words.end(), std::find_if(fixture->words.begin(), fixture->words.end(), [](const PlacedWord& word) {
                  return word.text == "*not";  // the asterisks are text, not emphasis
              }));
}

void muse_language_regions(const ConvertedFixture* fixture) {
    EXPECT_TRUE(contains(fixture->body, "<p><span lang=\"de\" xml:lang=\"de\">Ein ganzer Absatz auf Deutsch.</span></p>"));
    EXPECT_TRUE(fixture->pdf_has("Ein ganzer Absatz auf Deutsch."));
}

// ---- Markdown --------------------------------------------------------------------------------

class MarkdownEveryConstructOutputs : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        fixture = std::make_unique<ConvertedFixture>(data_dir / "markdown" / "every-construct.md");
    }
    static void TearDownTestSuite() { fixture.reset(); }
    void SetUp() override {
        ASSERT_EQ(fixture->epub_run.exit_status, 0) << fixture->epub_run.err;
        ASSERT_EQ(fixture->pdf_run.exit_status, 0) << fixture->pdf_run.err;
    }
    static std::unique_ptr<ConvertedFixture> fixture;
};
std::unique_ptr<ConvertedFixture> MarkdownEveryConstructOutputs::fixture;

TEST_F(MarkdownEveryConstructOutputs, ValidatorsAcceptBothOutputs) {
    expect_qpdf_clean(fixture->pdf);
    expect_fonts_embedded(fixture->pdf);
    expect_epubcheck_clean(fixture->epub);
}

void markdown_front_matter_becomes_metadata(const ConvertedFixture* fixture) {
    const std::string opf = epub_entry(fixture->epub, "EPUB/package.opf");
    for (const std::string value : {">Bread and Roses</dc:title>", ">A pamphlet in every construct</dc:title>",
                                    ">Ada Writer</dc:creator>", ">Ben Scribe</dc:creator>", ">Cleo Translator</dc:",
                                    "<dc:language>en-GB</dc:language>", "<dc:rights>Public domain</dc:rights>",
                                    "<dc:description>A test document.</dc:description>"})
        EXPECT_TRUE(contains(opf, value)) << value << "\n" << opf;
    const std::string info = run_command("pdfinfo " + quote_for_shell(fixture->pdf.string())).out;
    EXPECT_TRUE(contains(info, "Bread and Roses")) << info;
    EXPECT_TRUE(contains(info, "Ada Writer")) << info;
}

void markdown_headings_in_text_table_of_contents_and_outline(const ConvertedFixture* fixture) {
    const std::string nav = epub_entry(fixture->epub, "EPUB/nav.xhtml");
    const std::vector<std::string> titles = pdf_outline_titles(fixture->pdf);
    EXPECT_TRUE(contains(fixture->body, ">The first chapter</h1>"));
    EXPECT_TRUE(contains(fixture->body, ">A section</h2>"));
    // "######" is read as level 4; the EPUB may lift it so that no heading level is skipped.
    EXPECT_TRUE(contains(fixture->body, ">Too deep</h4>") || contains(fixture->body, ">Too deep</h3>"));
    for (const std::string heading : {"The first chapter", "A section", "Too deep"}) {
        EXPECT_TRUE(contains(nav, ">" + heading + "<")) << heading;
        EXPECT_NE(std::find(titles.begin(), titles.end(), heading), titles.end()) << heading;
    }
}

void markdown_inline_markup_notes_and_breaks(const ConvertedFixture* fixture) {
    const std::string& body = fixture->body;
    EXPECT_TRUE(contains(body, "A paragraph with <em>emphasis</em>, <strong>strong</strong>, <code>code</code>, a <a href=\"https://example.org\">link</a>"));
    EXPECT_TRUE(contains(body, "a hard break<br/>after it"));
    EXPECT_TRUE(fixture->pdf_has("A paragraph with emphasis, strong, code, a link and a hard break\nafter it, a footnote1 and an inline note2.\n"))
        << fixture->pdf_layout;
    const std::string fonts = run_command("pdffonts " + quote_for_shell(fixture->pdf.string())).out;
    for (const char* face : {"Italic", "Bold", "Mono"}) EXPECT_TRUE(contains(fonts, face)) << face;
    // Both notes, the first with its two paragraphs, in both outputs.
    EXPECT_TRUE(contains(body, "class=\"note-number\">1</a> The note\xE2\x80\x99s first paragraph.</p><p>Its second paragraph.</p></aside>"));
    EXPECT_TRUE(contains(body, "class=\"note-number\">2</a> Said <em>inline</em>, with <code>]</code> in code.</p>"));
    EXPECT_TRUE(fixture->pdf_has("1. The note\xE2\x80\x99s first paragraph.\nIts second paragraph.\n2. Said inline, with ] in code.\n"));
}

void markdown_blocks_in_both(const ConvertedFixture* fixture) {
    const std::string& body = fixture->body;
    EXPECT_TRUE(contains(body, "<blockquote><p>A quotation.</p></blockquote>"));
    const auto quote = fixture->line("A quotation.");
    ASSERT_FALSE(quote.empty());
    EXPECT_GT(quote.front().x_min, fixture->text_block(quote.front().page).first + 10);

    EXPECT_TRUE(contains(body, "<ol><li><p>first item</p></li><li><p>second item</p></li></ol><ul><li><p>bullet</p></li></ul>"));
    EXPECT_TRUE(fixture->pdf_has("1. first item\n2. second item\n\xE2\x80\xA2 bullet\n"));

    EXPECT_TRUE(contains(body, "<pre>::: not-a-div</pre>"));
    EXPECT_TRUE(fixture->pdf_has("::: not-a-div"));

    EXPECT_TRUE(contains(body, "<hr class=\"scene-break\"/>"));
    EXPECT_FALSE(fixture->line("* * *").empty());

    EXPECT_TRUE(contains(body, "<th scope=\"col\" class=\"align-left\">Left</th><th scope=\"col\" class=\"align-center\">Centre</th>"
                               "<th scope=\"col\" class=\"align-right\">Right</th>"));
    // Column alignment in the PDF: "c" ends where "Right" ends, "b" sits under the middle of "Centre".
    const auto header = fixture->line("Left Centre Right");
    const auto row = fixture->line("a b c");
    ASSERT_EQ(header.size(), 3u);
    ASSERT_EQ(row.size(), 3u);
    EXPECT_NEAR(row[2].x_max, header[2].x_max, 1.0);
    EXPECT_NEAR((row[1].x_min + row[1].x_max) / 2, (header[1].x_min + header[1].x_max) / 2, 1.0);
    EXPECT_NEAR(row[0].x_min, header[0].x_min, 1.0);

    EXPECT_TRUE(contains(body, "<blockquote class=\"epigraph\" epub:type=\"epigraph\" role=\"doc-epigraph\"><p>Workers of the world, unite!</p></blockquote>"));
    EXPECT_TRUE(fixture->pdf_has("Workers of the world, unite!"));
    EXPECT_TRUE(contains(body, "<p class=\"align-center no-indent\">The End</p>"));
    const auto end = fixture->line("The End");
    ASSERT_FALSE(end.empty());
    const auto [left, right] = fixture->text_block(end.front().page);
    EXPECT_NEAR((end.front().x_min + end.back().x_max) / 2, (left + right) / 2, 3.0);

    // Raw HTML is shown, not interpreted.
    EXPECT_TRUE(contains(body, "<pre>&lt;div&gt;raw html&lt;/div&gt;</pre>"));
    EXPECT_TRUE(contains(body, "Text with &lt;span&gt;inline html&lt;/span&gt;."));
    EXPECT_TRUE(fixture->pdf_has("<div>raw html</div>"));
    EXPECT_TRUE(fixture->pdf_has("Text with <span>inline html</span>."));
}

// One test runs every check on one conversion: each test is its own process under ctest, and a
// conversion of the fixture costs seconds on a loaded machine.
TEST_F(MuseEveryConstructOutputs, EveryConstructIsVisibleInBoth) {
    {
        SCOPED_TRACE("DirectivesBecomeMetadata");
        muse_directives_become_metadata(fixture.get());
    }
    {
        SCOPED_TRACE("HeadingsInTextTableOfContentsAndOutline");
        muse_headings_in_text_table_of_contents_and_outline(fixture.get());
    }
    {
        SCOPED_TRACE("InlineMarkupInBoth");
        muse_inline_markup_in_both(fixture.get());
    }
    {
        SCOPED_TRACE("UnknownMarkupIsKeptAsTextWithAWarning");
        muse_unknown_markup_is_kept_as_text_with_a_warning(fixture.get());
    }
    {
        SCOPED_TRACE("QuotesAreIndentedBlockQuotes");
        muse_quotes_are_indented_block_quotes(fixture.get());
    }
    {
        SCOPED_TRACE("VerseKeepsLinesStanzasAndIndentation");
        muse_verse_keeps_lines_stanzas_and_indentation(fixture.get());
    }
    {
        SCOPED_TRACE("CentredAndRightAlignedParagraphs");
        muse_centred_and_right_aligned_paragraphs(fixture.get());
    }
    {
        SCOPED_TRACE("SceneBreakListsTableAndExample");
        muse_scene_break_lists_table_and_example(fixture.get());
    }
    {
        SCOPED_TRACE("LanguageRegions");
        muse_language_regions(fixture.get());
    }
}

// One test runs every check on one conversion: each test is its own process under ctest, and a
// conversion of the fixture costs seconds on a loaded machine.
TEST_F(MarkdownEveryConstructOutputs, EveryConstructIsVisibleInBoth) {
    {
        SCOPED_TRACE("FrontMatterBecomesMetadata");
        markdown_front_matter_becomes_metadata(fixture.get());
    }
    {
        SCOPED_TRACE("HeadingsInTextTableOfContentsAndOutline");
        markdown_headings_in_text_table_of_contents_and_outline(fixture.get());
    }
    {
        SCOPED_TRACE("InlineMarkupNotesAndBreaks");
        markdown_inline_markup_notes_and_breaks(fixture.get());
    }
    {
        SCOPED_TRACE("BlocksInBoth");
        markdown_blocks_in_both(fixture.get());
    }
}

}  // namespace
