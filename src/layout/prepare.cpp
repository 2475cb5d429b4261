#include "layout/prepare.hpp"

#include <algorithm>
#include <array>

#include "layout/footnotes.hpp"
#include "layout/typography.hpp"

namespace pamphlet::layout {

void assign_heading_ids(model::Document& document) {
    std::array<int, 4> counters{};
    for (model::Block& block : document.blocks) {
        auto* heading = std::get_if<model::Heading>(&block.value);
        if (heading == nullptr) continue;
        const int level = std::clamp(heading->level, 1, 4);
        ++counters[static_cast<std::size_t>(level - 1)];
        for (std::size_t deeper = static_cast<std::size_t>(level); deeper < counters.size(); ++deeper)
            counters[deeper] = 0;
        if (!heading->id.empty()) continue;
        std::string id = "s";
        for (int l = 0; l < level; ++l) {
            if (l > 0) id += '-';
            id += std::to_string(counters[static_cast<std::size_t>(l)]);
        }
        heading->id = id;
    }
}

NoteCounts prepare_document(model::Document& document, const Style& style) {
    normalize_typography(document);
    assign_heading_ids(document);
    return number_notes(document, style.notes.numbering);
}

}  // namespace pamphlet::layout
