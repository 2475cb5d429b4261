// Page breaking over synthetic galleys: widows and orphans, kept blocks, forced breaks, notes
// on the page of their reference, notes continued, and linear running time.
#include "layout/paginate.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace pamphlet::layout {
namespace {

constexpr double leading = 12;

// A galley of paragraphs with the given line counts, each paragraph a block with keeps.
Galley paragraphs(const std::vector<int>& line_counts) {
    Galley galley;
    for (std::size_t p = 0; p < line_counts.size(); ++p) {
        const std::size_t first = galley.lines.size();
        for (int l = 0; l < line_counts[p]; ++l) {
            GalleyLine line;
            line.advance_pt = leading;
            line.block = static_cast<int>(p);
            galley.lines.push_back(line);
        }
        keep_paragraph_lines(galley.lines, first, galley.lines.size());
    }
    return galley;
}

PaginationSettings lines_per_page(int count) {
    PaginationSettings settings;
    settings.body_height_pt = count * leading;
    settings.note_separator_pt = leading;
    settings.note_gap_pt = 0;
    return settings;
}

// Lines of `block` on the page.
int lines_of_block(const Galley& galley, const PagePlan& page, int block) {
    int count = 0;
    for (std::size_t i = page.first_line; i < page.end_line; ++i) count += galley.lines[i].block == block;
    return count;
}

void expect_no_widows_or_orphans(const Galley& galley, const std::vector<PagePlan>& pages) {
    for (std::size_t p = 0; p + 1 < pages.size(); ++p) {
        const std::size_t end = pages[p].end_line;
        if (end == 0 || end >= galley.lines.size()) continue;
        const int block = galley.lines[end - 1].block;
        if (galley.lines[end].block != block) continue;  // the break falls between blocks
        EXPECT_GE(lines_of_block(galley, pages[p], block), 2) << "orphan at the foot of page " << p + 1;
        EXPECT_GE(lines_of_block(galley, pages[p + 1], block), 2) << "widow at the head of page " << p + 2;
    }
}

void expect_every_line_once(const Galley& galley, const std::vector<PagePlan>& pages) {
    std::size_t expected = 0;
    for (const PagePlan& page : pages) {
        EXPECT_EQ(page.first_line, expected);
        EXPECT_GE(page.end_line, page.first_line);
        expected = page.end_line;
    }
    EXPECT_EQ(expected, galley.lines.size());
}

TEST(Paginate, FillsPagesWhenNothingIsKept) {
    Galley galley;
    galley.lines.assign(95, GalleyLine{});
    const auto pages = paginate(galley, lines_per_page(10));
    ASSERT_EQ(pages.size(), 10u);
    for (std::size_t p = 0; p < 9; ++p) EXPECT_EQ(pages[p].end_line - pages[p].first_line, 10u);
    EXPECT_EQ(pages[9].end_line - pages[9].first_line, 5u);
}

TEST(Paginate, KeepParagraphLinesForbidsBreaksNearEitherEnd) {
    std::vector<GalleyLine> lines(6);
    keep_paragraph_lines(lines, 0, 6);
    // Breaks allowed after lines 2, 3 and 4 (counting from 1): 2+4, 3+3, 4+2.
    std::vector<bool> kept;
    for (const auto& line : lines) kept.push_back(line.keep_with_next);
    EXPECT_EQ(kept, (std::vector<bool>{true, false, false, false, true, false}));
    std::vector<GalleyLine> three(3);
    keep_paragraph_lines(three, 0, 3);
    EXPECT_TRUE(three[0].keep_with_next && three[1].keep_with_next);
}

TEST(Paginate, MovesAnOrphanToTheNextPage) {
    // 9 lines fill the page but one: the next paragraph's first line alone would be an orphan.
    const Galley galley = paragraphs({9, 5});
    const auto pages = paginate(galley, lines_per_page(10));
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[0].end_line, 9u);
    expect_no_widows_or_orphans(galley, pages);
}

TEST(Paginate, PullsBackALineRatherThanLeaveAWidow) {
    // 11 lines in one paragraph on a 10-line page: 10 + 1 would leave a widow; 9 + 2 does not.
    const Galley galley = paragraphs({11});
    const auto pages = paginate(galley, lines_per_page(10));
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[0].end_line, 9u);
}

TEST(Paginate, NoWidowsOrOrphansOverManyParagraphs) {
    std::vector<int> counts;
    for (int i = 0; i < 300; ++i) counts.push_back(1 + (i * 7) % 9);
    const Galley galley = paragraphs(counts);
    const auto pages = paginate(galley, lines_per_page(23));
    expect_every_line_once(galley, pages);
    expect_no_widows_or_orphans(galley, pages);
}

TEST(Paginate, KeptBlockMovesWhole) {
    Galley galley = paragraphs({8, 4});
    keep_lines_together(galley.lines, 8, 12);
    const auto pages = paginate(galley, lines_per_page(10));
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[0].end_line, 8u);
}

TEST(Paginate, KeptBlockLongerThanAPageStillBreaks) {
    Galley galley = paragraphs({25});
    keep_lines_together(galley.lines, 0, 25);
    const auto pages = paginate(galley, lines_per_page(10));
    expect_every_line_once(galley, pages);
    EXPECT_EQ(pages.size(), 3u);
}

TEST(Paginate, ForcedBreakStartsAPage) {
    Galley galley = paragraphs({3, 3});
    galley.lines[3].page_break_before = true;
    const auto pages = paginate(galley, lines_per_page(10));
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[1].first_line, 3u);
}

TEST(Paginate, SpaceBeforeIsDroppedAtThePageHead) {
    Galley galley;
    galley.lines.assign(20, GalleyLine{});
    for (auto& line : galley.lines) line.space_before_pt = 6;  // 18 pt per line after the first
    const auto pages = paginate(galley, lines_per_page(10));   // 120 pt: 12 + 6 * 18 = 120
    EXPECT_EQ(pages[0].end_line, 7u);
    EXPECT_DOUBLE_EQ(column_height(galley.lines, 0, 7), 120);
}

Galley with_note(Galley galley, std::size_t line, int note_lines) {
    SetNote note;
    note.lines.assign(static_cast<std::size_t>(note_lines), GalleyLine{});
    galley.notes.push_back(note);
    galley.lines[line].notes.push_back(static_cast<int>(galley.notes.size() - 1));
    return galley;
}

const NoteSlice* slice_of(const PagePlan& page, int note) {
    for (const auto& slice : page.notes)
        if (slice.note == note) return &slice;
    return nullptr;
}

TEST(Paginate, NoteSitsOnThePageOfItsReference) {
    Galley galley;
    galley.lines.assign(30, GalleyLine{});
    galley = with_note(galley, 15, 2);
    const auto pages = paginate(galley, lines_per_page(10));
    for (const PagePlan& page : pages) {
        const bool holds_reference = page.first_line <= 15 && 15 < page.end_line;
        EXPECT_EQ(slice_of(page, 0) != nullptr, holds_reference);
        if (holds_reference) {
            // 1 separator + 2 note lines leave 7 text lines.
            EXPECT_EQ(page.end_line - page.first_line, 7u);
            EXPECT_EQ(slice_of(page, 0)->end_line, 2u);
        }
    }
}

TEST(Paginate, ReferenceLineMovesWhenItsShortNoteDoesNotFit) {
    Galley galley;
    galley.lines.assign(20, GalleyLine{});
    galley = with_note(galley, 8, 2);  // line 9 of 10: needs 3 more lines for its note
    const auto pages = paginate(galley, lines_per_page(10));
    EXPECT_EQ(pages[0].end_line, 8u);
    EXPECT_TRUE(pages[0].notes.empty());
    ASSERT_NE(slice_of(pages[1], 0), nullptr);
}

TEST(Paginate, LongNoteContinuesOnTheNextPage) {
    Galley galley;
    galley.lines.assign(40, GalleyLine{});
    galley = with_note(galley, 3, 12);  // longer than the page
    const auto pages = paginate(galley, lines_per_page(10));
    const NoteSlice* first = slice_of(pages[0], 0);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->first_line, 0u);
    EXPECT_GE(first->end_line, 2u);
    EXPECT_GT(pages[0].end_line, 3u);  // the reference stayed on page 1
    std::size_t placed = first->end_line;
    for (std::size_t p = 1; p < pages.size() && placed < 12; ++p) {
        const NoteSlice* rest = slice_of(pages[p], 0);
        ASSERT_NE(rest, nullptr) << "note interrupted on page " << p + 1;
        EXPECT_EQ(rest->first_line, placed);
        placed = rest->end_line;
        EXPECT_GT(pages[p].end_line, pages[p].first_line) << "text must advance on page " << p + 1;
    }
    EXPECT_EQ(placed, 12u);
    expect_every_line_once(galley, pages);
}

TEST(Paginate, RunsInLinearTime) {
    std::vector<int> counts(40000, 5);  // 200,000 lines
    const Galley galley = paragraphs(counts);
    const auto start = std::chrono::steady_clock::now();
    const auto pages = paginate(galley, lines_per_page(30));
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 2.0);
    expect_every_line_once(galley, pages);
}

}  // namespace
}  // namespace pamphlet::layout
