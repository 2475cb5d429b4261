// Page breaking: a galley (the document as one long column of set lines, with footnotes hanging
// off the lines that reference them) cut into pages. No widows or orphans, headings kept with
// what follows, short blocks kept whole: all expressed as "no break after this line"
// (keep_with_next), so the breaker stays one simple, linear pass. Footnotes go to the foot of
// the page of their reference; a long note continues on the next page, and a line whose note
// does not fit moves to the next page together with its note.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "layout/frame.hpp"
#include "layout/page_starts.hpp"

namespace pamphlet::layout {

// One line of the galley. Positions inside are relative: runs' x from the text block's left
// edge, y = 0 on the baseline.
struct GalleyLine {
    std::vector<GlyphRun> runs;
    std::vector<Rule> rules;                 // y relative to the baseline
    std::vector<LinkArea> links;             // y relative to the baseline
    std::vector<Destination> destinations;   // y relative to the baseline
    std::vector<ImageBox> images;            // y relative to the baseline; a figure is one line
    double advance_pt = 12;        // distance from the previous baseline (the line's leading)
    double space_before_pt = 0;    // extra space above; dropped when the line opens a page
    bool keep_with_next = false;   // no page break between this line and the next
    bool page_break_before = false;
    std::vector<int> notes;        // indices into Galley::notes of the notes referenced here
    std::optional<TextPosition> position;  // where the line starts in the running text
    int block = -1;                // the block (paragraph, heading...) the line belongs to
    int section = -1;              // >= 0: opens level-1 section number `section`
};

// A footnote set into lines (in the note size) before pagination.
struct SetNote {
    std::vector<GalleyLine> lines;
};

struct Galley {
    std::vector<GalleyLine> lines;
    std::vector<SetNote> notes;
};

struct PaginationSettings {
    double body_height_pt = 500;      // the text block's height
    double note_separator_pt = 12;    // space taken by the rule above the first note on a page
    double note_gap_pt = 2;           // extra space between two notes
    int minimum_note_lines = 2;       // fewest lines of a note on a page when it must be split
};

// A run of one note's lines placed on a page.
struct NoteSlice {
    int note = 0;
    std::size_t first_line = 0;
    std::size_t end_line = 0;  // one past the last
};

struct PagePlan {
    std::size_t first_line = 0;  // galley lines [first_line, end_line) are on the page
    std::size_t end_line = 0;
    std::vector<NoteSlice> notes;  // in order, top to bottom
};

// Marks the lines [first, end) of one paragraph so that a page break leaves at least `minimum`
// lines on each side (no orphan at a page foot, no widow at a page head). A paragraph shorter
// than 2 * minimum lines is kept whole.
void keep_paragraph_lines(std::vector<GalleyLine>& lines, std::size_t first, std::size_t end, int minimum = 2);

// Marks [first, end) to be kept on one page (short block quotes, verse, tables, headings).
void keep_lines_together(std::vector<GalleyLine>& lines, std::size_t first, std::size_t end);

// Cuts the galley into pages. Linear in the number of lines (each line is tried once per page
// it could end on; breaks fall back to the last legal break, never re-scan earlier pages).
// Never fails: a block kept together that is longer than a page is broken where it must be.
std::vector<PagePlan> paginate(const Galley& galley, const PaginationSettings& settings);

// The height the lines [first, end) take on a page (spaces before the first dropped).
double column_height(const std::vector<GalleyLine>& lines, std::size_t first, std::size_t end);

}  // namespace pamphlet::layout
