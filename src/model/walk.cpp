#include "model/walk.hpp"

namespace pamphlet::model {

bool is_leaf_block(const Block& block) {
    return !std::holds_alternative<BlockQuote>(block.value) &&
           !std::holds_alternative<ListBlock>(block.value);
}

}  // namespace pamphlet::model
