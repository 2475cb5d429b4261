// Where the cells of an imposition sit on the sheet: the sheet turned to suit the page grid, the
// pages scaled down only if they do not fit, the block of cells centred. Pure arithmetic in
// PDF points (origin bottom-left), shared by the drawing and the marks.
#pragma once

namespace pamphlet::pdf::imposition {

struct Rectangle {
    double x = 0;  // lower-left corner
    double y = 0;
    double width = 0;
    double height = 0;
};

struct SheetGeometry {
    double sheet_width_pt = 0;  // after choosing portrait or landscape
    double sheet_height_pt = 0;
    double scale = 1;           // applied to every source page; 1 unless it did not fit
    double cell_width_pt = 0;   // one source page after scaling
    double cell_height_pt = 0;
    int columns = 1;
    int rows = 1;
    Rectangle block;            // all cells together: the trimmed size of the folded spread

    // Row 0 is the top row, as in Placement.
    Rectangle cell(int column, int row) const;
    // Free paper around the block on its narrowest side.
    double margin_pt() const;
};

// Lays `columns` × `rows` pages of page_width × page_height on the sheet. The sheet is turned
// landscape when the block of pages is wider than high, portrait otherwise, so that a booklet of
// A5 pages lands on A4 landscape and four A6 pages on A4 portrait.
SheetGeometry fit_sheet(int columns, int rows, double page_width_pt, double page_height_pt,
                        double sheet_width_pt, double sheet_height_pt);

}  // namespace pamphlet::pdf::imposition
