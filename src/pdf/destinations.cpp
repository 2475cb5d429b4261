#include "pdf/destinations.hpp"

namespace pamphlet::pdf {

std::map<std::string, PlacedDestination> index_destinations(const std::vector<layout::Page>& pages) {
    std::map<std::string, PlacedDestination> index;
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (const layout::PageItem& item : pages[p].items)
            if (const auto* destination = std::get_if<layout::Destination>(&item))
                index.emplace(destination->name, PlacedDestination{p, destination->x_pt, destination->y_pt});
    return index;
}

}  // namespace pamphlet::pdf
