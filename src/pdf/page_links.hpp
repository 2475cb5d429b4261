// Link annotations: internal links (table of contents -> heading, note reference <-> note) jump
// to a destination on its page; external links open their URI. Placed after all pages exist,
// since a link may point forward.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "layout/frame.hpp"
#include "pdf/destinations.hpp"
#include "pdf/haru_document.hpp"

namespace pamphlet::pdf {

// `drawn[i]` is the libharu page for `frames[i]`. Links to unknown destinations are skipped
// (a dangling link is worse than none); the count of skipped links is returned.
int add_links(HaruDocument& document, const std::vector<layout::Page>& frames, const std::vector<HPDF_Page>& drawn,
              const std::map<std::string, PlacedDestination>& destinations);

}  // namespace pamphlet::pdf
