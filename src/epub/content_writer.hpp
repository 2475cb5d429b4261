// Writes model blocks and inlines as XHTML elements (pugixml), for one content document at a
// time: headings with their outline ids, print page markers at their text positions, note
// references with their notes gathered as footnote asides at the end of the document.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "epub/id_registry.hpp"
#include "epub/page_markers.hpp"
#include "model/diagnostics.hpp"
#include "model/document.hpp"

namespace pamphlet::epub {

// An image the content refers to, packed beside the XHTML.
struct MediaFile {
    std::string path;  // relative to the package document, e.g. "images/figure-1.png"
    std::string media_type;
    std::string bytes;
};

// What the content tells the package about itself (for manifest and accessibility metadata).
struct ContentFacts {
    bool has_images = false;
    bool every_image_has_alt = true;
    bool has_tables = false;
    bool has_notes = false;
};

// State shared by all content documents of one book, in the order they are written.
struct BookState {
    const PageMarkerIndex& pages;
    const std::map<const model::Heading*, std::string>& heading_ids;
    IdRegistry& ids;
    model::Report& report;
    std::vector<MediaFile> images;
    std::vector<PlacedPageMarker> placed_pages;  // in the order written
    std::size_t next_leaf = 0;  // model::for_each_leaf_block index of the next leaf written
    ContentFacts facts;
};

// Appends blocks [first, end) of `blocks` (top-level blocks of the document) to `container`,
// then the footnote asides of every note referenced in them, in reference order.
// `file` is the content document's name (for the page list).
void write_content(const model::Blocks& blocks, std::size_t first, std::size_t end, const std::string& file,
                   pugi::xml_node container, BookState& state);

// Appends the page markers that lie past the last leaf block (pages after the text).
void write_remaining_page_markers(const std::string& file, pugi::xml_node container, BookState& state);

}  // namespace pamphlet::epub
