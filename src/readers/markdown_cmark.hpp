// The one place that talks to cmark-gfm's C API for parsing: RAII ownership of its parser and
// tree, and the options the Markdown reader uses (footnotes, the GFM table extension).
#pragma once

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <cmark-gfm.h>

namespace pamphlet::readers {

struct CmarkNodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using CmarkTree = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

// Parses CommonMark with footnotes and GFM tables. Raw HTML is kept in the tree (the reader
// shows it as text); smart punctuation is left to layout::normalize_typography, which knows
// the document's language.
CmarkTree parse_commonmark(std::string_view utf8_text);

// The inclusive line ranges of code blocks and raw HTML blocks anywhere in the tree: text there
// is literal, so line-based pre-passes must leave it alone.
std::vector<std::pair<int, int>> literal_line_ranges(cmark_node* root);

// "table", "table_row", ... for extension nodes; cmark's own names for the others.
std::string_view node_type_name(cmark_node* node);

}  // namespace pamphlet::readers
