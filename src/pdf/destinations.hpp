// Where each named destination of the frames is: the page and the point, shared by the link
// annotations (drawn with libharu) and the outline (written with qpdf).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "layout/frame.hpp"

namespace pamphlet::pdf {

struct PlacedDestination {
    std::size_t page_index = 0;  // 0-based
    double x_pt = 0;
    double y_pt = 0;
};

// Destination name -> place. A name given twice keeps its first place (the frames' job is to
// give unique names; the first is the one a reader would expect a link to reach).
std::map<std::string, PlacedDestination> index_destinations(const std::vector<layout::Page>& pages);

}  // namespace pamphlet::pdf
