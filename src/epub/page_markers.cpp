#include "epub/page_markers.hpp"

namespace pamphlet::epub {

PageMarkerIndex::PageMarkerIndex(const layout::PageStarts& page_starts, IdRegistry& ids) {
    for (const layout::PageStart& start : page_starts) {
        // A page without a printed folio still needs a label a reader can cite: its physical number.
        const std::string label = start.label.empty() ? std::to_string(start.page_number) : start.label;
        // Labels may repeat (front matter restarting, a style printing no folios): the registry
        // keeps ids unique.
        const std::string id = ids.claim("page-" + label);
        by_leaf_[start.position.leaf_block].push_back({start.position.byte_offset, id, label});
    }
}

const std::vector<PageMarker>& PageMarkerIndex::markers_of(std::size_t leaf_block) const {
    static const std::vector<PageMarker> none;
    const auto found = by_leaf_.find(leaf_block);
    return found == by_leaf_.end() ? none : found->second;
}

std::vector<PageMarker> PageMarkerIndex::markers_from(std::size_t first_missing_leaf) const {
    std::vector<PageMarker> rest;
    for (auto it = by_leaf_.lower_bound(first_missing_leaf); it != by_leaf_.end(); ++it)
        rest.insert(rest.end(), it->second.begin(), it->second.end());
    return rest;
}

}  // namespace pamphlet::epub
