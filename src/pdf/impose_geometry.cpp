#include "pdf/impose_geometry.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace pamphlet::pdf::imposition {

Rectangle SheetGeometry::cell(int column, int row) const {
    return {block.x + column * cell_width_pt, block.y + (rows - 1 - row) * cell_height_pt,
            cell_width_pt, cell_height_pt};
}

double SheetGeometry::margin_pt() const {
    return std::min(block.x, block.y);
}

SheetGeometry fit_sheet(int columns, int rows, double page_width_pt, double page_height_pt,
                        double sheet_width_pt, double sheet_height_pt) {
    if (page_width_pt <= 0 || page_height_pt <= 0 || sheet_width_pt <= 0 || sheet_height_pt <= 0)
        throw std::invalid_argument("imposition: page and sheet sizes must be positive");
    SheetGeometry geometry;
    geometry.columns = columns;
    geometry.rows = rows;
    const bool landscape_block = columns * page_width_pt > rows * page_height_pt;
    const bool landscape_sheet = sheet_width_pt > sheet_height_pt;
    if (landscape_block != landscape_sheet) std::swap(sheet_width_pt, sheet_height_pt);
    geometry.sheet_width_pt = sheet_width_pt;
    geometry.sheet_height_pt = sheet_height_pt;
    // A tolerance of a hundredth of a point keeps A7 (74 mm) × 4 on A4 (297 mm) and similar
    // rounding cases at full size.
    const double fit = std::min(sheet_width_pt / (columns * page_width_pt),
                                sheet_height_pt / (rows * page_height_pt));
    geometry.scale = fit >= 1 - 1e-4 ? 1.0 : fit;
    geometry.cell_width_pt = page_width_pt * geometry.scale;
    geometry.cell_height_pt = page_height_pt * geometry.scale;
    geometry.block.width = columns * geometry.cell_width_pt;
    geometry.block.height = rows * geometry.cell_height_pt;
    geometry.block.x = (sheet_width_pt - geometry.block.width) / 2;
    geometry.block.y = (sheet_height_pt - geometry.block.height) / 2;
    return geometry;
}

}  // namespace pamphlet::pdf::imposition
