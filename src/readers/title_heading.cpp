#include "readers/title_heading.hpp"

#include <algorithm>

#include "model/text.hpp"

namespace pamphlet::readers {

bool promote_title_heading(model::Document& document) {
    if (!document.metadata.title.empty() || document.blocks.empty()) return false;
    const auto* first = std::get_if<model::Heading>(&document.blocks.front().value);
    if (first == nullptr || first->level != 1) return false;
    const bool another_top_heading = std::any_of(document.blocks.begin() + 1, document.blocks.end(), [](const model::Block& block) {
        const auto* heading = std::get_if<model::Heading>(&block.value);
        return heading != nullptr && heading->level == 1;
    });
    if (another_top_heading) return false;
    // Notes in a title have nowhere to go in metadata: keep such a heading in the text.
    if (std::any_of(first->content.begin(), first->content.end(),
                    [](const model::Inline& node) { return std::holds_alternative<model::NoteReference>(node.value); }))
        return false;

    document.metadata.title = model::visible_text(first->content);
    document.blocks.erase(document.blocks.begin());
    for (model::Block& block : document.blocks)
        if (auto* heading = std::get_if<model::Heading>(&block.value)) heading->level = std::max(1, heading->level - 1);
    return true;
}

}  // namespace pamphlet::readers
