// Frames: the contract between layout and the PDF backend (typst's model). A page is a list of
// positioned items; the backend draws them and knows nothing of line or page breaking.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace pamphlet::layout {

// Scaffolding: the typesetting work replaces and extends these types.
struct TextRun {
    double x_pt = 0;  // baseline start, from the page's bottom-left corner (PDF coordinates)
    double y_pt = 0;
    double size_pt = 10;
    std::string text;  // UTF-8
};

struct PageItem {
    std::variant<TextRun> value;
};

struct Page {
    double width_pt = 0;
    double height_pt = 0;
    std::vector<PageItem> items;
};

}  // namespace pamphlet::layout
