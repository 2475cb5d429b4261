// Turning page plans into frames: where the text block sits on each page (inner and outer
// margins alternate for binding), placing galley lines and footnotes at absolute positions,
// and the page furniture (running heads, folios).
#pragma once

#include <string>

#include "layout/font_library.hpp"
#include "layout/frame.hpp"
#include "layout/paginate.hpp"
#include "layout/style.hpp"

namespace pamphlet::layout {

struct TextBlock {
    double left_pt = 0;
    double top_pt = 0;     // from the page's bottom edge
    double bottom_pt = 0;
    double width_pt = 0;
    double height() const { return top_pt - bottom_pt; }
};

// Physical page numbers start at 1 with a recto (right-hand page): odd pages have the inner
// (binding) margin on the left, even pages on the right.
TextBlock text_block(const PageGeometry& page, int page_number);

// How the foot of a page sets its notes.
struct NoteArea {
    double separator_pt = 12;   // the space the rule takes above the first note
    double rule_length_pt = 60;
    double gap_pt = 0;          // between two notes
};

// Where a line's baseline sits inside its advance (the rest is above it).
inline constexpr double baseline_depth = 0.28;

// Places the plan's galley lines from the top of the text block and its notes at the foot,
// under a short rule. With `flush_bottom`, space left at the foot (a heading or a kept block
// moved on) is shared out among the spaces between blocks on the page when that at most doubles
// them, so facing pages end on the same line; otherwise the page stays short.
Page place_page(const Galley& galley, const PagePlan& plan, const TextBlock& block, const PageGeometry& page,
                const NoteArea& notes, bool flush_bottom = false);

// A centred line of text above the text block (running head) or below it (folio).
struct FurnitureLook {
    FaceId face = 0;
    double size_pt = 9;
    double leading_pt = 12;
};
void add_running_head(Page& page, const std::string& text, const TextBlock& block, const FurnitureLook& look,
                      const FontLibrary& fonts);
void add_folio(Page& page, const std::string& folio, const TextBlock& block, const FurnitureLook& look,
               const FontLibrary& fonts);

// Appends a galley line's contents to a page with its baseline at (x, baseline).
void place_line(Page& page, const GalleyLine& line, double x, double baseline);

}  // namespace pamphlet::layout
