// The first half of set_paragraph: turning styled spans into measured glyphs, and glyphs into
// the boxes, glue and penalties of Knuth-Plass, remembering which glyphs each item stands for so
// the chosen lines can be set from them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/knuth_plass.hpp"
#include "layout/line_breaking.hpp"

namespace pamphlet::layout {

// One character of the paragraph as it will be drawn (or not: spaces, newlines and soft
// hyphens have shown == 0).
struct MeasuredGlyph {
    char32_t source = 0;  // the character in the text
    char32_t shown = 0;   // what is drawn (upper case for small capitals); 0: nothing
    bool continuation = false;  // second glyph of one source character (small-caps ß -> SS)
    FaceId face = 0;
    double size_pt = 10;
    double shift_pt = 0;
    double advance_pt = 0;
    double kern_after_pt = 0;  // kerning with the next glyph when both are in one word
    InkExtent ink_em;          // of `shown` in `face` (zero when nothing is shown)
    std::size_t source_begin = 0;
    std::size_t source_end = 0;
    std::size_t span = 0;
    bool breakable = true;
};

// How a line ending at a penalty ends.
enum class BreakKind { none, hyphen, dash };

// Which glyphs an item stands for: boxes [glyph, glyph_end), glue its spaces, a penalty the
// glyph right after the break (where the next line starts).
struct ItemOrigin {
    std::size_t glyph = 0;
    std::size_t glyph_end = 0;
    BreakKind kind = BreakKind::none;
    double hyphen_advance_pt = 0;  // hyphen breaks: the drawn hyphen's advance
};

struct ParagraphGlyphs {
    std::vector<MeasuredGlyph> glyphs;
    std::vector<std::size_t> span_first_glyph;  // per span
    std::vector<std::string> warnings;
};

// Fills `out`, cleared first: a caller setting many paragraphs passes the same one each time, so
// its vectors keep their memory (see ParagraphScratch).
void measure_glyphs(const ParagraphSpec& paragraph, FontLibrary& fonts, ParagraphGlyphs& out);

// Whether a span's text is generated (see StyledSpan::generated).
bool is_generated(const ParagraphSpec& paragraph, std::size_t span_index);

struct ParagraphItems {
    std::vector<knuth_plass::Item> items;
    std::vector<ItemOrigin> origins;  // parallel to items
    double first_hang_left = 0;
};

// Relative sizes of the knobs, in fractions of a space or of the font size; see the .cpp. Fills
// `out`, cleared first, as measure_glyphs does.
// With `look_up_hyphens` false, words break only where the text itself allows (soft hyphens,
// dashes, slashes): the items of TeX's first pass, which tries a paragraph without hyphenation.
void build_items(const ParagraphSpec& paragraph, const std::vector<MeasuredGlyph>& glyphs, FontLibrary& fonts,
                 Hyphenation& hyphenation, ParagraphItems& out, bool look_up_hyphens = true);

// Font expansion limit (either way), as a fraction of glyph widths.
inline constexpr double expansion_limit = 0.02;

}  // namespace pamphlet::layout
