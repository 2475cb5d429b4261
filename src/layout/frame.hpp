// Frames: the contract between layout and the PDF backend (typst's model). A page is a list of
// positioned items; the backend draws them and knows nothing of line or page breaking.
// Coordinates are PDF points from the page's bottom-left corner.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "layout/font_library.hpp"
#include "layout/images.hpp"

namespace pamphlet::layout {

// A run of text in one face and size, drawn from (x, y) on the baseline with the face's nominal
// advances: kerning and justification are expressed by splitting runs, never inside one.
struct GlyphRun {
    FaceId face = 0;
    double size_pt = 10;
    double x_pt = 0;
    double y_pt = 0;
    double horizontal_scale = 1.0;  // font expansion (0.98-1.02), applied to the whole run
    std::string text;               // UTF-8; what pdftotext must give back
};

struct Rule {  // a straight line (note separator, crop mark)
    double x1_pt = 0, y1_pt = 0, x2_pt = 0, y2_pt = 0;
    double width_pt = 0.4;
};

// A clickable area: to an external URI, or to a named destination inside the document.
struct LinkArea {
    double left_pt = 0, bottom_pt = 0, right_pt = 0, top_pt = 0;
    std::string uri;          // external link, or
    std::string destination;  // internal: the name of a Destination
};

// A named place links can point to (a heading, a note, a note reference).
struct Destination {
    std::string name;
    double x_pt = 0, y_pt = 0;  // top-left of what it marks
};

// A picture scaled into the rectangle whose bottom-left corner is (x, y). The image's bytes are
// shared, not copied: a figure used twice, or on several pages, is one ImageData, so the
// backend can embed it once. The text alternative is not drawn (the caption is, as text).
struct ImageBox {
    std::shared_ptr<const ImageData> image;
    double x_pt = 0, y_pt = 0;
    double width_pt = 0, height_pt = 0;
    std::string alt;
};

using PageItem = std::variant<GlyphRun, Rule, LinkArea, Destination, ImageBox>;

struct Page {
    double width_pt = 0;
    double height_pt = 0;
    std::string label;  // the printed folio ("1"), or "" for unnumbered pages
    std::vector<PageItem> items;
};

// One entry of the PDF outline (bookmarks): a heading and where it is.
struct OutlineEntry {
    int level = 1;
    std::string title;
    std::string destination;  // a Destination name on some page
};

}  // namespace pamphlet::layout
