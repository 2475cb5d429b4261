// The EPUB's structure, read back from the zip: container, package, one XHTML per section,
// notes, page list, escaping, determinism.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "epub_test_support.hpp"
#include "layout/footnotes.hpp"
#include "epub/book_plan.hpp"
#include "model/text.hpp"

namespace pamphlet::epub::testing {
namespace {

std::string make_epub(const Document& document, const layout::PageStarts& pages = {}, EpubOptions options = {}) {
    Report report;
    return write_epub(document, layout::Style{}, pages, options, report);
}

std::vector<std::string> content_files(const EpubContents& epub) {
    std::vector<std::string> files;
    for (const std::string& name : epub.names)
        if (name.starts_with("EPUB/section-")) files.push_back(name);
    return files;
}

std::size_t count_nodes(const pugi::xml_document& document, const char* xpath) {
    return document.select_nodes(xpath).size();
}

TEST(WriteEpub, ContainerHasMimetypeFirstAndStored) {
    const EpubContents epub = read_epub(make_epub(sample_document()));
    ASSERT_FALSE(epub.names.empty());
    EXPECT_EQ(epub.names.front(), "mimetype");
    EXPECT_EQ(epub.files.at("mimetype"), "application/epub+zip");
    EXPECT_TRUE(epub.stored.at("mimetype"));
    EXPECT_FALSE(epub.stored.at("EPUB/package.opf"));
    const auto container = parse_xml(epub.files.at("META-INF/container.xml"));
    EXPECT_STREQ(container.select_node("//*[local-name()='rootfile']").node().attribute("full-path").value(),
                 "EPUB/package.opf");
}

TEST(WriteEpub, OneContentDocumentPerLevelOneSectionPlusOpeningText) {
    const Document document = sample_document();
    const EpubContents epub = read_epub(make_epub(document));
    // Text before the first heading, "First part", "Second part" (h2 and h3 stay inside).
    const auto files = content_files(epub);
    ASSERT_EQ(files.size(), 3U);
    const auto first = parse_xml(epub.files.at(files[0]));
    EXPECT_EQ(count_nodes(first, "//*[local-name()='h1']"), 0U);
    const auto second = parse_xml(epub.files.at(files[1]));
    EXPECT_EQ(count_nodes(second, "//*[local-name()='h1']"), 1U);
    EXPECT_EQ(count_nodes(second, "//*[local-name()='h2']"), 1U);
    const auto third = parse_xml(epub.files.at(files[2]));
    // The level-3 heading right after a level-1 heading is written as h2: levels never skip.
    EXPECT_EQ(count_nodes(third, "//*[local-name()='h2']"), 1U);
    EXPECT_EQ(count_nodes(third, "//*[local-name()='h3']"), 0U);
    EXPECT_EQ(count_nodes(third, "//*[local-name()='table']"), 1U);
}

TEST(WriteEpub, ALongSectionIsCutAtItsChaptersAndNowhereElse) {
    // One level-1 section of 40 chapters of 10,000 bytes each: one file would be 400 KB.
    Document document;
    auto add_heading = [&](int level, std::string label) {
        Heading heading;
        heading.level = level;
        heading.content = text(std::move(label));
        document.blocks.emplace_back(std::move(heading));
    };
    add_heading(1, "Book One");
    const std::string sentence = "All happy families are alike; each unhappy family is unhappy in its own way. ";
    for (int chapter = 1; chapter <= 40; ++chapter) {
        add_heading(2, "Chapter " + std::to_string(chapter));
        for (int paragraph = 0; paragraph < 10; ++paragraph) {
            std::string words;
            while (words.size() < 1'000) words += sentence;
            document.blocks.emplace_back(Paragraph{text(words)});
        }
    }
    const EpubContents epub = read_epub(make_epub(document));
    const auto files = content_files(epub);
    ASSERT_GE(files.size(), 3U);
    ASSERT_LE(files.size(), 5U);
    std::size_t headings = 0;
    for (std::size_t index = 0; index < files.size(); ++index) {
        const auto xhtml = parse_xml(epub.files.at(files[index]));
        // Each file opens with a heading (the first with the book's), none is far over the budget.
        const pugi::xml_node first = xhtml.select_node("//*[local-name()='body']/*[1]").node();
        const std::string first_name = first.name();
        EXPECT_TRUE(first_name == "section" || first_name.starts_with("h")) << files[index] << ": " << first_name;
        EXPECT_LT(epub.files.at(files[index]).size(), split_text_bytes * 3 / 2) << files[index];
        // A file's headings start at h1 (content_writer: levels never skip within a document).
        EXPECT_EQ(count_nodes(xhtml, "//*[local-name()='h1']"), 1U) << files[index];
        headings += count_nodes(xhtml, "//*[local-name()='h1' or local-name()='h2']");
    }
    EXPECT_EQ(headings, 41U);
    // Small sections stay whole: the sample book's level-2 heading shares its part's file.
    EXPECT_EQ(content_files(read_epub(make_epub(sample_document()))).size(), 3U);
}

TEST(WriteEpub, EveryXhtmlDocumentDeclaresItsLanguageTwice) {
    Document document = sample_document();
    document.metadata.language = "de-CH";
    const EpubContents epub = read_epub(make_epub(document));
    int checked = 0;
    for (const auto& [name, bytes] : epub.files) {
        if (!name.ends_with(".xhtml")) continue;
        const auto xhtml = parse_xml(bytes);
        const pugi::xml_node html = xhtml.document_element();
        EXPECT_STREQ(html.attribute("xml:lang").value(), "de-CH") << name;
        EXPECT_STREQ(html.attribute("lang").value(), "de-CH") << name;
        ++checked;
    }
    EXPECT_GE(checked, 5);  // cover, nav, three sections
}

TEST(WriteEpub, MarkupInTheTextStaysText) {
    const EpubContents epub = read_epub(make_epub(sample_document()));
    bool found = false;
    for (const std::string& name : content_files(epub)) {
        const auto xhtml = parse_xml(epub.files.at(name));
        EXPECT_EQ(count_nodes(xhtml, "//*[local-name()='script']"), 0U) << name;
        for (const auto& node : xhtml.select_nodes("//*[local-name()='p']")) {
            const std::string value = node.node().child_value();
            if (value.find("<script>alert(") != std::string::npos && value.find("</script>") != std::string::npos)
                found = true;
        }
    }
    EXPECT_TRUE(found) << "the <script> text should be kept, escaped, in a paragraph";
    const auto package = parse_xml(epub.files.at("EPUB/package.opf"));
    EXPECT_STREQ(package.select_node("//*[local-name()='title'][@id='title']").node().child_value(),
                 "On <Things> & \"Stuff\"");
}

TEST(WriteEpub, TwoRunsAreByteIdentical) {
    const Document document = sample_document();
    const auto pages = sample_page_starts(document);
    EpubOptions options;
    options.embed_fonts = true;
    EXPECT_EQ(make_epub(document, pages, options), make_epub(document, pages, options));
    EXPECT_EQ(make_epub(document), make_epub(sample_document()));
}

TEST(WriteEpub, IdentifierIsStableAndFollowsTheContent) {
    const Document document = sample_document();
    const auto identifier_of = [](const std::string& epub) {
        const auto package = parse_xml(read_epub(epub).files.at("EPUB/package.opf"));
        return std::string(package.select_node("//*[local-name()='identifier']").node().child_value());
    };
    const std::string first = identifier_of(make_epub(document));
    EXPECT_TRUE(std::regex_match(first, std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
        << first;
    EXPECT_EQ(first, identifier_of(make_epub(sample_document())));
    Document changed = sample_document();
    std::get<Paragraph>(changed.blocks.back().value).content = text("Different closing words.");
    EXPECT_NE(first, identifier_of(make_epub(changed)));
    Document given = sample_document();
    given.metadata.identifier = "urn:isbn:9780000000002";
    EXPECT_EQ(identifier_of(make_epub(given)), "urn:isbn:9780000000002");
}

TEST(WriteEpub, ModifiedComesFromSourceDateEpoch) {
    EpubOptions options;
    options.source_date_epoch = 1700000000;  // 2023-11-14T22:13:20Z
    const auto package = parse_xml(read_epub(make_epub(sample_document(), {}, options)).files.at("EPUB/package.opf"));
    EXPECT_STREQ(package.select_node("//*[@property='dcterms:modified']").node().child_value(), "2023-11-14T22:13:20Z");
    const auto dated = parse_xml(read_epub(make_epub(sample_document())).files.at("EPUB/package.opf"));
    EXPECT_STREQ(dated.select_node("//*[@property='dcterms:modified']").node().child_value(), "1906-05-01T00:00:00Z");
}

TEST(WriteEpub, MetadataNamesTitlesCreatorsAndAccessibility) {
    const auto package = parse_xml(read_epub(make_epub(sample_document())).files.at("EPUB/package.opf"));
    EXPECT_STREQ(package.select_node("//*[@refines='#subtitle'][@property='title-type']").node().child_value(), "subtitle");
    EXPECT_STREQ(package.select_node("//*[local-name()='creator']").node().child_value(), "Ada Writer");
    EXPECT_STREQ(package.select_node("//*[local-name()='contributor']").node().child_value(), "Tom Translator");
    EXPECT_STREQ(package.select_node("//*[@refines='#creator-2'][@property='role']").node().child_value(), "trl");
    EXPECT_STREQ(package.select_node("//*[local-name()='date']").node().child_value(), "1906-05-01");
    EXPECT_STREQ(package.select_node("//*[local-name()='language']").node().child_value(), "en");
    EXPECT_FALSE(package.select_nodes("//*[@property='schema:accessModeSufficient']").empty());
    EXPECT_STREQ(package.select_node("//*[@property='schema:accessibilityHazard']").node().child_value(), "none");
    EXPECT_FALSE(package.select_nodes("//*[@property='schema:accessibilitySummary']").empty());
    // No page list: the page features must not be claimed.
    for (const auto& feature : package.select_nodes("//*[@property='schema:accessibilityFeature']"))
        EXPECT_STRNE(feature.node().child_value(), "pageBreakMarkers");
    EXPECT_STREQ(package.select_node("//*[@properties='cover-image']").node().attribute("href").value(),
                 "images/cover.svg");
}

TEST(WriteEpub, NotesAreLinkedBothWaysAndFollowTheirSection) {
    const Document document = sample_document();
    const EpubContents epub = read_epub(make_epub(document));
    const auto files = content_files(epub);
    const auto section = parse_xml(epub.files.at(files[1]));  // "First part" holds all notes
    const auto references = section.select_nodes("//*[@epub:type='noteref']");
    const auto asides = section.select_nodes("//*[local-name()='aside'][@epub:type='footnote']");
    ASSERT_EQ(references.size(), 3U);  // two primary notes and the secondary one inside the first
    ASSERT_EQ(asides.size(), 3U);
    std::set<std::string> markers;
    for (const auto& reference : references) {
        const pugi::xml_node link = reference.node();
        EXPECT_STREQ(link.attribute("role").value(), "doc-noteref");
        const std::string target = std::string(link.attribute("href").value()).substr(1);
        const pugi::xml_node aside = section.select_node(("//*[@id='" + target + "']").c_str()).node();
        ASSERT_TRUE(aside) << target;
        EXPECT_STREQ(aside.name(), "aside");
        EXPECT_STREQ(aside.attribute("role").value(), "doc-footnote");
        const pugi::xml_node back = aside.select_node(".//*[@role='doc-backlink']").node();
        ASSERT_TRUE(back);
        EXPECT_EQ(std::string(back.attribute("href").value()), "#" + std::string(link.attribute("id").value()));
        EXPECT_EQ(std::string(back.child_value()), std::string(link.child_value()));
        markers.insert(link.child_value());
    }
    // Numbers and letters come from the shared numbering.
    EXPECT_EQ(markers, (std::set<std::string>{"1", "2", layout::note_marker(NoteKind::secondary, 1)}));
    // Every aside comes after the section's last running paragraph.
    const auto section_node = section.select_node("//*[local-name()='section']").node();
    bool seen_aside = false;
    for (const pugi::xml_node child : section_node.children()) {
        if (std::string_view(child.name()) == "aside") seen_aside = true;
        else EXPECT_FALSE(seen_aside) << "running content after a note: " << child.name();
    }
    // The second section has no notes.
    const auto third = parse_xml(epub.files.at(files[2]));
    EXPECT_EQ(third.select_nodes("//*[local-name()='aside']").size(), 0U);
}

TEST(WriteEpub, PageListHasOneEntryPerPageStartAndEveryTargetExists) {
    const Document document = sample_document();
    const auto pages = sample_page_starts(document);
    const EpubContents epub = read_epub(make_epub(document, pages));
    const auto nav = parse_xml(epub.files.at("EPUB/nav.xhtml"));
    const auto entries = nav.select_nodes("//*[@epub:type='page-list']//*[local-name()='a']");
    ASSERT_EQ(entries.size(), pages.size());
    std::size_t markers = 0;
    for (std::size_t index = 0; index < entries.size(); ++index) {
        const std::string href = entries[index].node().attribute("href").value();
        EXPECT_EQ(std::string(entries[index].node().child_value()), pages[index].label);
        const std::string file = "EPUB/" + href.substr(0, href.find('#'));
        const std::string id = href.substr(href.find('#') + 1);
        ASSERT_TRUE(epub.files.count(file)) << href;
        const auto xhtml = parse_xml(epub.files.at(file));
        const pugi::xml_node span = xhtml.select_node(("//*[@id='" + id + "']").c_str()).node();
        ASSERT_TRUE(span) << href;
        EXPECT_STREQ(span.attribute("epub:type").value(), "pagebreak");
        EXPECT_STREQ(span.attribute("role").value(), "doc-pagebreak");
        EXPECT_EQ(std::string(span.attribute("aria-label").value()), pages[index].label);
    }
    for (const std::string& name : content_files(epub))
        markers += parse_xml(epub.files.at(name)).select_nodes("//*[@epub:type='pagebreak']").size();
    EXPECT_EQ(markers, pages.size());
    const auto package = parse_xml(epub.files.at("EPUB/package.opf"));
    EXPECT_TRUE(package.select_node("//*[@refines='#print-source'][@property='source-of']"));
}

TEST(WriteEpub, PageMarkerSplitsTheTextAtItsByteOffset) {
    Document document;
    document.metadata.title = "Split";
    document.blocks.push_back(Paragraph{{Text{"Alpha "}, Emphasis{text("beta gamma")}, Text{" delta"}}});
    layout::prepare_document(document, layout::Style{});
    const std::string visible = visible_text(document.blocks[0]);
    const std::size_t offset = visible.find("gamma");
    const EpubContents epub = read_epub(make_epub(document, {{1, "7", {0, offset}}}));
    const std::string& xhtml = epub.files.at("EPUB/section-1.xhtml");
    EXPECT_NE(xhtml.find("<em>beta <span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-7\" aria-label=\"7\"/>gamma</em>"),
              std::string::npos)
        << xhtml;
}

TEST(WriteEpub, OnlyWebAndMailLinksBecomeLinks) {
    const EpubContents epub = read_epub(make_epub(sample_document()));
    const auto section = parse_xml(epub.files.at(content_files(epub)[1]));
    std::vector<std::string> targets;
    for (const auto& link : section.select_nodes("//*[local-name()='a'][not(@epub:type)][not(@role)]"))
        targets.push_back(link.node().attribute("href").value());
    EXPECT_EQ(targets, std::vector<std::string>{"https://example.org/?a=1&b=2"});
    EXPECT_NE(epub.files.at(content_files(epub)[1]).find("unsafe one"), std::string::npos);
}

TEST(WriteEpub, NavigationNestsHeadingsAndListsLandmarks) {
    const EpubContents epub = read_epub(make_epub(sample_document()));
    const auto nav = parse_xml(epub.files.at("EPUB/nav.xhtml"));
    const auto top = nav.select_nodes("//*[@epub:type='toc']/*[local-name()='ol']/*[local-name()='li']");
    ASSERT_EQ(top.size(), 3U);  // opening text (under the book title), First part, Second part
    EXPECT_EQ(nav.select_nodes("//*[@epub:type='toc']//*[local-name()='ol']//*[local-name()='ol']/*[local-name()='li']").size(),
              2U);  // "A subsection" and "A deep heading"
    EXPECT_TRUE(nav.select_node("//*[@epub:type='landmarks']//*[@epub:type='bodymatter']"));
    EXPECT_TRUE(nav.select_node("//*[@epub:type='landmarks']//*[@epub:type='cover']"));
    const auto ncx = parse_xml(epub.files.at("EPUB/toc.ncx"));
    EXPECT_EQ(ncx.select_nodes("//*[local-name()='navPoint']").size(), 5U);
}

TEST(WriteEpub, StylesheetUsesOnlyRelativeUnits) {
    layout::Style style;
    style.headings[0].small_caps = true;
    Report report;
    const EpubContents epub = read_epub(write_epub(sample_document(), style, {}, {}, report));
    const std::string& css = epub.files.at("EPUB/style.css");
    EXPECT_FALSE(std::regex_search(css, std::regex(R"(\d(px|pt|mm|cm|in)\b)"))) << css;
    EXPECT_NE(css.find("hyphens: auto"), std::string::npos);
    EXPECT_NE(css.find("font-variant: small-caps"), std::string::npos);
    EXPECT_NE(css.find("\"Charis SIL\""), std::string::npos);
    // A print page marker between two paragraphs keeps the second one's indent.
    EXPECT_NE(css.find("p + span[role=\"doc-pagebreak\"] + p,"), std::string::npos);
}

TEST(WriteEpub, EmbeddedFontsAreSubsetToTheCharactersUsed) {
    EpubOptions options;
    options.embed_fonts = true;
    Report report;
    const EpubContents epub = read_epub(write_epub(sample_document(), layout::Style{}, {}, options, report));
    std::size_t fonts = 0;
    for (const auto& [name, bytes] : epub.files) {
        if (!name.starts_with("EPUB/fonts/")) continue;
        ++fonts;
        EXPECT_LT(bytes.size(), 120'000U) << name << " does not look subset";
        EXPECT_GT(bytes.size(), 1'000U) << name;
    }
    if (fonts == 0) GTEST_SKIP() << "Charis SIL is not installed (Debian fonts-sil-charis)";
    EXPECT_NE(epub.files.at("EPUB/style.css").find("@font-face"), std::string::npos);
}

TEST(WriteEpub, EmptyDocumentStillMakesAValidPackage) {
    Document document;
    Report report;
    const EpubContents epub = read_epub(write_epub(document, layout::Style{}, {}, {}, report));
    EXPECT_EQ(content_files(epub).size(), 1U);
    EXPECT_FALSE(report.warnings.empty());  // no title
}

TEST(WriteEpub, NotesNumberedPerSectionStillLinkToTheirOwnNote) {
    Document document;
    document.metadata.title = "Per section";
    for (const char* title : {"One", "Two"}) {
        document.blocks.push_back(Heading{1, text(title), ""});
        Paragraph paragraph{text(std::string("Text of ") + title)};
        paragraph.content.push_back(note(std::string("Note in ") + title));
        document.blocks.push_back(paragraph);
    }
    layout::Style style;
    style.notes.numbering = layout::NoteNumbering::per_section;
    layout::prepare_document(document, style);
    Report report;
    const EpubContents epub = read_epub(write_epub(document, style, {}, {}, report));
    std::set<std::string> ids;
    for (const std::string& name : content_files(epub)) {
        const auto xhtml = parse_xml(epub.files.at(name));
        const pugi::xml_node link = xhtml.select_node("//*[@epub:type='noteref']").node();
        ASSERT_TRUE(link) << name;
        EXPECT_STREQ(link.child_value(), "1");  // numbering restarts: both sections print "1"
        const std::string target = std::string(link.attribute("href").value()).substr(1);
        EXPECT_TRUE(ids.insert(target).second) << "note id reused across the book: " << target;
        const pugi::xml_node aside = xhtml.select_node(("//*[@id='" + target + "']").c_str()).node();
        ASSERT_TRUE(aside);
        EXPECT_NE(std::string(aside.select_node(".//*[local-name()='p']").node().child_value()).find(
                      std::string("Note in ") + (name.find("section-1") != std::string::npos ? "One" : "Two")),
                  std::string::npos);
    }
}

}  // namespace
}  // namespace pamphlet::epub::testing
