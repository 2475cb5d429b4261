// typeset() on documents built in C++: page starts, widows and orphans, footnotes on the page of
// their reference, contents with the right page numbers, running heads, folios, margins.
#include "layout/typeset.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "layout/hyphenation.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/page_builder.hpp"
#include "layout/paginate.hpp"
#include "layout/prepare.hpp"
#include "layout/typeset_galley.hpp"
#include "model/text.hpp"
#include "model/walk.hpp"

namespace pamphlet::layout {
namespace {

// Deterministic prose: words of varied length, so lines break differently everywhere.
std::string prose(int words, int seed) {
    static const char* vocabulary[] = {"the",      "workers", "council",   "of",         "production", "and",
                                       "freedom",  "a",       "question",  "cooperative", "is",         "not",
                                       "solidarity", "in",    "everyday",  "life",       "struggle",   "for",
                                       "association", "mutual", "aid",     "their",      "own",        "hands"};
    std::string text;
    unsigned state = static_cast<unsigned>(seed) * 2654435761u + 1;
    for (int i = 0; i < words; ++i) {
        state = state * 1103515245u + 12345u;
        if (i > 0) text += ' ';
        text += vocabulary[(state >> 8) % (sizeof vocabulary / sizeof *vocabulary)];
    }
    return text + ".";
}

using testing::paragraph;

model::Block heading(int level, std::string text) {
    model::Heading h;
    h.level = level;
    h.content = {model::Text{std::move(text)}};
    return h;
}

model::Inline note(std::string text) {
    model::NoteReference reference;
    reference.body = {paragraph(std::move(text))};
    return reference;
}

// Three sections of paragraphs of 20-140 words, with notes here and there (one long).
model::Document sample_document(const Style& style) {
    model::Document document;
    document.metadata.title = "Mutual Aid Today";
    document.metadata.subtitle = "Notes on a practice";
    document.metadata.contributors = {{"A. Writer", "aut"}};
    int seed = 0;
    for (int section = 1; section <= 3; ++section) {
        document.blocks.push_back(heading(1, "Section " + std::to_string(section)));
        for (int p = 0; p < 14; ++p) {
            ++seed;
            model::Paragraph body{{model::Text{prose(20 + (seed * 37) % 120, seed)}}};
            if (seed % 5 == 0) {
                body.content.push_back(note(prose(seed % 10 == 0 ? 260 : 25, seed + 1000)));
                body.content.push_back(model::Text{" " + prose(30, seed + 2000)});
            }
            document.blocks.push_back(model::Block(std::move(body)));
            if (p == 6) document.blocks.push_back(heading(2, "A subsection"));
        }
    }
    prepare_document(document, style);
    return document;
}

std::set<std::string> destinations_on(const Page& page) {
    std::set<std::string> names;
    for (const PageItem& item : page.items)
        if (const auto* destination = std::get_if<Destination>(&item)) names.insert(destination->name);
    return names;
}

std::map<std::string, std::size_t> destination_pages(const TypesetDocument& result) {
    std::map<std::string, std::size_t> pages;
    for (std::size_t p = 0; p < result.pages.size(); ++p)
        for (const std::string& name : destinations_on(result.pages[p])) pages.emplace(name, p);
    return pages;
}

class TypesetTest : public ::testing::Test {
protected:
    Style style;
    model::Report report;
};

TEST_F(TypesetTest, OnePageStartPerPageInTextOrder) {
    const model::Document document = sample_document(style);
    const TypesetDocument result = typeset(document, style, report);
    ASSERT_GT(result.pages.size(), 10u);
    ASSERT_EQ(result.page_starts.size(), result.pages.size());
    std::vector<std::string> leaves;
    model::for_each_leaf_block(document, [&](const model::Block& leaf, std::size_t) { leaves.push_back(model::visible_text(leaf)); });
    for (std::size_t p = 0; p < result.page_starts.size(); ++p) {
        const PageStart& start = result.page_starts[p];
        EXPECT_EQ(start.page_number, static_cast<int>(p + 1));
        EXPECT_FALSE(start.label.empty());
        ASSERT_LT(start.position.leaf_block, leaves.size());
        EXPECT_LE(start.position.byte_offset, leaves[start.position.leaf_block].size());
        if (p > 0) {
            EXPECT_LE(result.page_starts[p - 1].position, start.position);
        }
        // A page never starts inside a word.
        const std::string& text = leaves[start.position.leaf_block];
        if (start.position.byte_offset > 0 && start.position.byte_offset < text.size()) {
            EXPECT_EQ(text[start.position.byte_offset - 1], ' ') << "page " << p + 1;
        }
    }
    // Title page and its blank verso point at the first text.
    EXPECT_EQ(result.page_starts[0].position, (TextPosition{0, 0}));
}

TEST_F(TypesetTest, NoWidowsOrOrphans) {
    const model::Document document = sample_document(style);
    Hyphenation hyphenation;
    FontLibrary fonts;
    const TextBlock block = text_block(style.page, 1);
    const TypesetEnvironment environment{style, fonts, hyphenation, report, "en", block.width_pt};
    const DocumentGalley set = build_galley(document, environment);
    PaginationSettings settings;
    settings.body_height_pt = block.height();
    settings.note_separator_pt = body_leading(style);
    const auto pages = paginate(set.galley, settings);
    ASSERT_GT(pages.size(), 10u);
    auto lines_of = [&](const PagePlan& page, int block_id) {
        int count = 0;
        for (std::size_t i = page.first_line; i < page.end_line; ++i) count += set.galley.lines[i].block == block_id;
        return count;
    };
    for (std::size_t p = 0; p + 1 < pages.size(); ++p) {
        const std::size_t end = pages[p].end_line;
        const int block_id = set.galley.lines[end - 1].block;
        if (set.galley.lines[end].block != block_id) continue;
        EXPECT_GE(lines_of(pages[p], block_id), 2) << "orphan on page " << p + 1;
        EXPECT_GE(lines_of(pages[p + 1], block_id), 2) << "widow on page " << p + 2;
        EXPECT_FALSE(set.galley.lines[end - 1].runs.empty());
    }
}

TEST_F(TypesetTest, NotesStartOnThePageOfTheirReference) {
    const model::Document document = sample_document(style);
    const TypesetDocument result = typeset(document, style, report);
    const auto pages = destination_pages(result);
    int notes = 0;
    for (const auto& [name, page] : pages) {
        if (name.rfind("noteref-", 0) != 0) continue;
        ++notes;
        const std::string note = "note-" + name.substr(8);
        ASSERT_TRUE(pages.count(note)) << note;
        EXPECT_EQ(pages.at(note), page) << name;
    }
    EXPECT_EQ(notes, 8);
}

TEST_F(TypesetTest, ContentsGiveTheHeadingsPages) {
    style.furniture.table_of_contents = true;
    const model::Document document = sample_document(style);
    const TypesetDocument result = typeset(document, style, report);
    const auto pages = destination_pages(result);
    // Page 3 is the contents (after the title page and its blank back).
    const Page& contents = result.pages[2];
    int links = 0;
    for (const PageItem& item : contents.items) {
        const auto* link = std::get_if<LinkArea>(&item);
        if (link == nullptr) continue;
        ++links;
        ASSERT_TRUE(pages.count(link->destination)) << link->destination;
        const std::string folio = result.pages[pages.at(link->destination)].label;
        // The page number is set right-aligned on the link's line.
        bool found = false;
        for (const PageItem& other : contents.items)
            if (const auto* run = std::get_if<GlyphRun>(&other))
                found |= run->text == folio && run->y_pt > link->bottom_pt && run->y_pt < link->top_pt;
        EXPECT_TRUE(found) << link->destination << " on page " << folio;
    }
    EXPECT_EQ(links, 6);  // three sections, three subsections
    // The body starts on a recto.
    const auto first_heading = pages.at(document.blocks.size() > 0 ? std::get<model::Heading>(document.blocks[0].value).id : "");
    EXPECT_EQ(first_heading % 2, 0u);  // 0-based index: even index = odd page number
}

TEST_F(TypesetTest, RunningHeadsAndMarginsAlternate) {
    const model::Document document = sample_document(style);
    const TypesetDocument result = typeset(document, style, report);
    const double text_top = style.page.height_pt - style.page.margin_top_pt;
    int versos_with_title = 0, rectos_with_section = 0;
    for (std::size_t p = 2; p < result.pages.size(); ++p) {
        const Page& page = result.pages[p];
        double leftmost = 1e9;
        std::string head;
        for (const PageItem& item : page.items)
            if (const auto* run = std::get_if<GlyphRun>(&item)) {
                if (run->y_pt > text_top) head += run->text;
                else leftmost = std::min(leftmost, run->x_pt);
            }
        const bool recto = (p + 1) % 2 == 1;
        const double expected = recto ? style.page.margin_inner_pt : style.page.margin_outer_pt;
        EXPECT_NEAR(leftmost, expected, 3.0) << "page " << p + 1;  // hanging punctuation may stick out
        if (!recto && head == "Mutual Aid Today") ++versos_with_title;
        if (recto && head.rfind("Section ", 0) == 0) ++rectos_with_section;
        if (!head.empty()) {
            EXPECT_TRUE(recto ? head.rfind("Section ", 0) == 0 : head == "Mutual Aid Today") << head;
        }
        EXPECT_EQ(page.label, std::to_string(p + 1));
    }
    EXPECT_GT(versos_with_title, 3);
    EXPECT_GT(rectos_with_section, 3);
}

TEST_F(TypesetTest, NewPageHeadingsOpenAPage) {
    style.headings[0].new_page = true;
    const model::Document document = sample_document(style);
    const TypesetDocument result = typeset(document, style, report);
    const auto pages = destination_pages(result);
    std::set<std::size_t> opening_pages;
    for (const model::Block& block : document.blocks)
        if (const auto* h = std::get_if<model::Heading>(&block.value); h && h->level == 1) {
            const std::size_t page = pages.at(h->id);
            opening_pages.insert(page);
            // Nothing of the previous section shares the page: the heading is its first line.
            const Page& frame = result.pages[page];
            double top_baseline = 0;
            std::string top_text;
            for (const PageItem& item : frame.items)
                if (const auto* run = std::get_if<GlyphRun>(&item);
                    run && run->y_pt < style.page.height_pt - style.page.margin_top_pt && run->y_pt > top_baseline) {
                    top_baseline = run->y_pt;
                    top_text = run->text;
                }
            EXPECT_EQ(top_text.rfind("Section", 0), 0u) << top_text;
        }
    EXPECT_EQ(opening_pages.size(), 3u);
}

TEST_F(TypesetTest, TitlePageShowsTitleSubtitleAndAuthor) {
    const model::Document document = sample_document(style);
    const TypesetDocument result = typeset(document, style, report);
    std::string text;
    for (const PageItem& item : result.pages[0].items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) text += run->text + " ";
    EXPECT_NE(text.find("Mutual"), std::string::npos) << text;
    EXPECT_NE(text.find("practice"), std::string::npos) << text;
    EXPECT_NE(text.find("W"), std::string::npos) << text;  // the author, in small capitals
    EXPECT_TRUE(result.pages[1].items.empty());            // its blank back
    EXPECT_EQ(result.outline.size(), 6u);
}

TEST_F(TypesetTest, WebLinksAreClickableOtherTargetsAreNot) {
    model::Document document;
    model::Paragraph text;
    text.content = {model::Text{"Read "}, model::Link{"https://example.org/pamphlets", {model::Text{"the archive"}}},
                    model::Text{" but not "}, model::Link{"file:///etc/passwd", {model::Text{"this file"}}},
                    model::Text{"."}};
    document.blocks.push_back(model::Block(text));
    const TypesetDocument result = typeset(document, style, report);
    std::vector<LinkArea> links;
    for (const Page& page : result.pages)
        for (const PageItem& item : page.items)
            if (const auto* link = std::get_if<LinkArea>(&item)) links.push_back(*link);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].uri, "https://example.org/pamphlets");
    EXPECT_GT(links[0].right_pt - links[0].left_pt, 20);  // "the archive" at 10.5 pt
    EXPECT_LT(links[0].right_pt - links[0].left_pt, 80);
}

TEST_F(TypesetTest, HeadingsOnTwoLinesAreBalanced) {
    model::Document document;
    document.blocks.push_back(heading(1, "Inadequate answers to the question of ownership, inadequate questions"));
    Hyphenation hyphenation;
    FontLibrary fonts;
    const TypesetEnvironment environment{style, fonts, hyphenation, report, "en", text_block(style.page, 1).width_pt};
    const DocumentGalley set = build_galley(document, environment);
    ASSERT_EQ(set.galley.lines.size(), 2u);
    std::vector<double> widths;
    for (const GalleyLine& line : set.galley.lines) {
        double left = 1e9, right = -1e9;
        for (const GlyphRun& run : line.runs) {
            double width = 0;
            for (unsigned char ch : run.text) width += fonts.advance_em(run.face, ch) * run.size_pt;
            left = std::min(left, run.x_pt);
            right = std::max(right, run.x_pt + width);
        }
        widths.push_back(right - left);
    }
    EXPECT_GT(std::min(widths[0], widths[1]) / std::max(widths[0], widths[1]), 0.6);
}

TEST_F(TypesetTest, EmptyDocumentStillHasAPage) {
    model::Document document;
    const TypesetDocument result = typeset(document, style, report);
    EXPECT_EQ(result.pages.size(), 1u);
    EXPECT_EQ(result.page_starts.size(), 1u);
}

}  // namespace
}  // namespace pamphlet::layout
