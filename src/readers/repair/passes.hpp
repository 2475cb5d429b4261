// The plain-text repair passes, in the order read_plain_text runs them. Each pass is a small
// function over lines or blocks that records every change it makes in the report (pass name,
// input line, before, after, reason). `--no-repair NAME` skips a pass by the name given here.
#pragma once

#include <map>
#include <string_view>

#include "model/document.hpp"
#include "readers/repair/text_lines.hpp"

namespace pamphlet::readers::repair {

// Names as users pass them to --no-repair.
inline constexpr std::string_view page_starts_pass = "page-starts";
inline constexpr std::string_view page_furniture_pass = "page-furniture";
inline constexpr std::string_view split_paragraphs_pass = "split-paragraphs";
inline constexpr std::string_view join_paragraphs_pass = "join-paragraphs";
inline constexpr std::string_view dehyphenate_pass = "dehyphenate";
inline constexpr std::string_view lost_spaces_pass = "lost-spaces";
inline constexpr std::string_view headings_pass = "headings";
inline constexpr std::string_view block_quotes_pass = "block-quotes";
inline constexpr std::string_view footnotes_pass = "footnotes";

// ---- line passes ---------------------------------------------------------------------------

// A single leading space on a line between unindented lines marks the first line of an
// extracted page: strips it and sets Line::page_start.
void mark_page_starts(Lines& lines, const RepairContext& context);

// Removes lone page numbers and running heads (short lines repeated at page boundaries).
void remove_page_furniture(Lines& lines, const RepairContext& context);

// ---- structure ------------------------------------------------------------------------------

// Typical width (in characters) of a full line of running text, from the lines that are not
// the last of their block.
struct BodyMeasure {
    double width = 0;  // median width of inner lines
};
BodyMeasure measure_body(const TextBlocks& blocks);

// Groups lines into blocks at blank lines; notes indentation and centring. Not a repair. Takes
// the lines by value: a caller done with them moves them in, and no line is copied.
TextBlocks group_blocks(Lines lines);

// Splits blocks where a paragraph ended but no blank line followed (a short line that ends a
// sentence, a page-start line after a paragraph end, a heading glued to the page's first line).
void split_glued_paragraphs(TextBlocks& blocks, const BodyMeasure& body, const RepairContext& context);

// Joins paragraphs a page break split: the first part ends without closing punctuation and the
// next continues in lower case (or the first part's last line is a full line).
void join_split_paragraphs(TextBlocks& blocks, const BodyMeasure& body, const RepairContext& context);

// ---- word passes (need context.vocabulary) -------------------------------------------------

// Rejoins words hyphenated at line ends ("produc-" / "tion"), keeping real compounds.
void dehyphenate(TextBlocks& blocks, const RepairContext& context);

// What to do with a word broken at a line-end hyphen. Exposed for unit tests.
enum class HyphenDecision { join, keep_hyphen, keep_dash, separate_words };
HyphenDecision decide_line_end_hyphen(std::string_view left, std::string_view right,
                                      const RepairContext& context);

// Restores spaces the extractor lost ("themeans", "theWest", "class.This").
void restore_lost_spaces(TextBlocks& blocks, const RepairContext& context);

// The words a run-together token should be split into, or empty when the evidence is not
// strong enough. Exposed for unit tests.
std::vector<std::string> split_run_together(std::string_view token, const RepairContext& context);

// ---- block classification -----------------------------------------------------------------

// ALL-CAPS blocks of up to three lines -> section headings; short lines standing alone between
// paragraphs -> subsection headings; "FOOTNOTES" -> notes heading; "* * *" -> scene break.
void classify_headings(TextBlocks& blocks, const BodyMeasure& body);
// Non-heading lone lines and short-line blocks (title pages, addresses) keep their breaks.
void classify_short_line_blocks(TextBlocks& blocks, const BodyMeasure& body);
// Paragraphs whose lines are clearly narrower than the body's, or indented, are block quotes.
void classify_block_quotes(TextBlocks& blocks, const BodyMeasure& body);
void classify_scene_breaks(TextBlocks& blocks);

// ---- notes ------------------------------------------------------------------------------------

// Note bodies found in the text, by label ("1" for "[1]"). Their blocks are removed from
// `blocks`; read_plain_text attaches each body to its reference.
struct NoteBody {
    TextBlocks blocks;
    int line = 0;
};
std::map<std::string, NoteBody> extract_note_bodies(TextBlocks& blocks, const RepairContext& context);

}  // namespace pamphlet::readers::repair
