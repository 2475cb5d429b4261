// The print edition's page starts, looked up by leaf block while the XHTML is written: each
// layout::PageStart becomes a pagebreak marker at its leaf block and byte offset.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "epub/id_registry.hpp"
#include "layout/page_starts.hpp"

namespace pamphlet::epub {

struct PageMarker {
    std::size_t byte_offset = 0;  // into model::visible_text(leaf)
    std::string id;               // "page-12", unique in the book
    std::string label;            // "12", what the reader cites
};

// Where a marker ended up: written into a content file, listed by the page-list nav.
struct PlacedPageMarker {
    std::string file;  // content document name, e.g. "section-3.xhtml"
    std::string id;
    std::string label;
};

class PageMarkerIndex {
public:
    // Claims the markers' ids ("page-LABEL") in `ids`.
    PageMarkerIndex(const layout::PageStarts& page_starts, IdRegistry& ids);

    // The markers of one leaf block, in page order.
    const std::vector<PageMarker>& markers_of(std::size_t leaf_block) const;
    // Markers past the last leaf block (e.g. a blank last page): written at the end of the book.
    std::vector<PageMarker> markers_from(std::size_t first_missing_leaf) const;

private:
    std::map<std::size_t, std::vector<PageMarker>> by_leaf_;
};

}  // namespace pamphlet::epub
