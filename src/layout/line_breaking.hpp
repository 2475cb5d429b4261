// Setting one paragraph into lines: shaping with the fonts' own metrics and kerning, hyphenation
// from pattern files (looked up only when the paragraph cannot be set well without them, as in
// TeX's first pass), Knuth-Plass total-fit breaking with an emergency pass, optical margin
// alignment and slight font expansion. A pure function of its inputs (plus the font and
// hyphenation caches), so it can be tested alone and reused by the EPUB (it is not, today).
//
// CONTRACT (implemented by the typesetting work; the interface below is what pagination uses).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "layout/font_library.hpp"
#include "layout/frame.hpp"
#include "model/document.hpp"

namespace pamphlet::layout {

class Hyphenation;  // pattern dictionaries by language, loaded once (layout/hyphenation.hpp)

// A stretch of paragraph text in one look. Spans are consecutive pieces of the paragraph's
// model::visible_text, so `source_offset` of each span is where it starts in that string.
struct StyledSpan {
    std::string text;  // UTF-8
    FaceId face = 0;
    double size_pt = 10;
    double baseline_shift_pt = 0;  // > 0 raises (note markers)
    bool small_caps = false;       // set lower case as small capitals
    bool breakable = true;         // false: no line break or hyphen inside (note markers, URLs)
    std::string language;          // for hyphenation; empty: the paragraph's
    std::size_t source_offset = 0;
    // An anchor the pagination needs to find again (a note reference, a link): carried to the
    // SetLine that holds the span's first character.
    int anchor = -1;
    // Added by the line breaker: text that is not part of visible_text (a note marker): it takes
    // no source bytes, so line source ranges stay exact. A span whose text would overlap the next
    // span's source_offset is treated as generated even without the flag.
    bool generated = false;
};

struct ParagraphSpec {
    std::vector<StyledSpan> spans;
    double width_pt = 300;
    double first_line_indent_pt = 0;
    model::Alignment alignment = model::Alignment::justified;
    std::string language = "en";
    bool hyphenate = true;
    std::vector<std::string> fallback_families;  // for characters the faces lack
};

struct AnchorPlacement {
    int anchor = -1;
    double x_pt = 0;  // from the line start
};

struct SetLine {
    std::vector<GlyphRun> runs;  // y_pt = 0 (baseline), x_pt from the left edge of the text block
    double ascent_pt = 0;        // highest point above the baseline
    double descent_pt = 0;       // lowest point below the baseline (positive)
    bool ends_with_hyphen = false;
    std::size_t source_begin = 0;  // byte range of visible_text this line sets
    std::size_t source_end = 0;
    std::vector<AnchorPlacement> anchors;
    double adjustment_ratio = 0;  // how much the spaces stretched (> 0) or shrank (< 0)
    // Added by the line breaker for checks and reports (pagination may ignore them):
    double width_pt = 0;          // from the text block's left edge to the end of the last glyph
    double left_hang_pt = 0;      // optical margin: how far the first glyph hangs left of x = 0
    double right_hang_pt = 0;     // and the last one right of the measure (included in width_pt)
    double horizontal_scale = 1;  // font expansion used on this line (same in every run)
    bool overfull = false;        // wider than the measure even with the spaces fully shrunk
    bool filled = false;          // spaced to end exactly at the measure (justified, not a last line)
};

struct SetParagraph {
    std::vector<SetLine> lines;
    std::vector<std::string> warnings;  // e.g. "no glyph for U+xxxx in Charis SIL"
    // How the breaks were found: 1 = normal tolerance (or, unhyphenated, the pretolerance),
    // 2 = emergency pass, 3 = overfull lines
    // allowed; and the most break candidates kept at once (bounded, whatever the length).
    int pass = 0;
    std::size_t peak_active_nodes = 0;
};

// Small capitals are faked: libharu draws by code point, so the font's own `smcp` glyphs cannot
// be reached. Lower-case letters of a small_caps span are set as capitals at this fraction of
// the size, in their own runs.
inline constexpr double small_caps_scale = 0.8;

// The memory set_paragraph works in (measured glyphs, items, break nodes, positions), for a caller
// that sets many paragraphs: each then reuses the buffers the one before touched. Fresh vectors
// per paragraph came back from the allocator at ever-new addresses (a size class per paragraph
// length), and first touches of fresh pages were a tenth of a pamphlet's page faults. What it
// held before never changes the lines set.
class ParagraphScratch {
public:
    ParagraphScratch();
    ~ParagraphScratch();
    ParagraphScratch(const ParagraphScratch&) = delete;
    ParagraphScratch& operator=(const ParagraphScratch&) = delete;

    struct Buffers;  // line_breaking.cpp

private:
    friend SetParagraph set_paragraph(const ParagraphSpec& paragraph, FontLibrary& fonts, Hyphenation& hyphenation,
                                      ParagraphScratch& scratch);
    std::unique_ptr<Buffers> buffers_;
};

SetParagraph set_paragraph(const ParagraphSpec& paragraph, FontLibrary& fonts, Hyphenation& hyphenation,
                           ParagraphScratch& scratch);
// With a scratch of its own, for a caller that sets one paragraph.
SetParagraph set_paragraph(const ParagraphSpec& paragraph, FontLibrary& fonts, Hyphenation& hyphenation);

}  // namespace pamphlet::layout
