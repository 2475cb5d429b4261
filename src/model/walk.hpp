// Walking the block tree in document order, so that every stage enumerates blocks identically.
#pragma once

#include <cstddef>

#include "model/document.hpp"

namespace pamphlet::model {

// True for the blocks that hold running text directly: Heading, Paragraph, Verse, Preformatted,
// Table, Figure. SceneBreak is a leaf too (it has no text, but takes space on the page).
bool is_leaf_block(const Block& block);

// Calls visit(const Block& leaf, std::size_t leaf_index) for each leaf block in depth-first
// document order, descending into block quotes and list items but not into note bodies. The
// leaf index is the shared coordinate the PDF pagination and the EPUB page list agree on.
template <typename Visitor>
void for_each_leaf_block(const Blocks& blocks, Visitor&& visit, std::size_t& next_index) {
    for (const Block& block : blocks) {
        if (const auto* quote = std::get_if<BlockQuote>(&block.value)) {
            for_each_leaf_block(quote->children, visit, next_index);
        } else if (const auto* list = std::get_if<ListBlock>(&block.value)) {
            for (const Blocks& item : list->items) for_each_leaf_block(item, visit, next_index);
        } else {
            visit(block, next_index++);
        }
    }
}

template <typename Visitor>
void for_each_leaf_block(const Document& document, Visitor&& visit) {
    std::size_t next_index = 0;
    for_each_leaf_block(document.blocks, visit, next_index);
}

}  // namespace pamphlet::model
