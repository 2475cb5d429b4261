// Printer's marks drawn on an imposed sheet, as PDF content-stream text: crop marks at the trim
// corners, cut and fold marks between the cells, the zine's cut line and folds, and the job line
// (title, sheet, side) outside the trim. Pure string building, so tests can read it.
#pragma once

#include <string>
#include <string_view>

#include "layout/style.hpp"
#include "pdf/impose_geometry.hpp"
#include "pdf/impose_layout.hpp"

namespace pamphlet::pdf::imposition {

// Bleed kept free around the trim: marks start this far outside it.
inline constexpr double bleed_pt = 3 * layout::points_per_mm;

// True when the paper around the block leaves room for crop marks beyond the bleed.
bool room_for_marks(const SheetGeometry& geometry);

// Corner crop marks, plus cut marks (solid) or fold marks (dashed) where the cells meet, all
// outside the bleed. Call only when room_for_marks.
std::string crop_marks(const SheetGeometry& geometry, Schema schema);

// The zine's own guides, drawn whatever the margins: dashed grey folds between all cells and the
// solid cut along the middle half of the long fold.
std::string zine_guides(const SheetGeometry& geometry);

// "TITLE · sheet 3 of 12 · front" in 6 pt Helvetica (resource name /JobFont) below the block,
// outside the bleed. Non-ASCII characters of the title print as '?' (a standard font has no
// Cyrillic, and embedding a font for one line would break the size budget).
std::string job_line(const SheetGeometry& geometry, std::string_view title, int sheet,
                     int sheets, bool back);

// Writes a number for a content stream: fixed notation, at most 4 decimals, no trailing zeros,
// independent of the locale.
std::string pdf_number(double value);

}  // namespace pamphlet::pdf::imposition
