// Plain-text views of model content, shared by every stage that needs to compare or measure text
// (repair reports, page-start anchors, tests, EPUB ids).
#pragma once

#include <string>

#include "model/document.hpp"

namespace pamphlet::model {

// The text a reader sees in the running text: Text and Code contents, a LineBreak as "\n".
// Note bodies are *not* included (they are set elsewhere); a note reference contributes nothing.
// Page anchors (layout::TextPosition) are byte offsets into this string.
std::string visible_text(const Inlines& inlines);

// visible_text of a leaf block (see for_each_leaf_block): a heading's or paragraph's content,
// a verse's lines joined by "\n" (stanzas by "\n\n"), a preformatted block's text, a table's
// cells (tab between cells, newline between rows, then the caption), a figure's caption.
std::string visible_text(const Block& leaf);

}  // namespace pamphlet::model
