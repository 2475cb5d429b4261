// The navigation documents: nav.xhtml (EPUB 3: nested table of contents, landmarks, the print
// edition's page list) and toc.ncx (the same contents for EPUB 2 reading systems).
#pragma once

#include <string>
#include <vector>

#include "epub/book_plan.hpp"
#include "epub/page_markers.hpp"

namespace pamphlet::epub {

inline constexpr const char* navigation_file = "nav.xhtml";
inline constexpr const char* ncx_file = "toc.ncx";

struct NavigationInput {
    const BookPlan& plan;
    const std::vector<PlacedPageMarker>& pages;  // in reading order
    std::string cover_file;                      // the cover's XHTML page
    std::string title;
    std::string language;
    std::string identifier;  // dc:identifier, repeated in the NCX as dtb:uid
};

std::string navigation_document(const NavigationInput& input);
std::string ncx_document(const NavigationInput& input);

}  // namespace pamphlet::epub
