// Where each printed page begins in the text: the contract between the paginated layout (which
// computes it) and the EPUB backend (which marks each print page in the e-book's page list).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace pamphlet::layout {

// A point in the running text: the index of a leaf block in model::for_each_leaf_block order,
// and a byte offset into model::visible_text(leaf) (always at a character boundary; a page never
// starts inside a word because the last word of a page is never hyphenated).
struct TextPosition {
    std::size_t leaf_block = 0;
    std::size_t byte_offset = 0;

    friend bool operator==(const TextPosition&, const TextPosition&) = default;
    friend auto operator<=>(const TextPosition&, const TextPosition&) = default;
};

// One entry per page of the PDF, in page order, including pages without running text (title
// page, table of contents, blank versos): those carry the position of the next text, so an EPUB
// marks them at the same point. `label` is the folio as printed ("1", "2"; roman for front matter
// if the style numbers it so).
struct PageStart {
    int page_number = 0;  // 1-based physical page in the PDF
    std::string label;
    TextPosition position;
};

using PageStarts = std::vector<PageStart>;

}  // namespace pamphlet::layout
