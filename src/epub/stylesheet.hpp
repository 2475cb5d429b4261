// The EPUB's CSS, generated from the same layout::Style as the PDF. Sizes are in em and % only,
// so reading systems can rescale the text and the reader's own font size wins.
#pragma once

#include <string>
#include <vector>

#include "layout/style.hpp"

namespace pamphlet::epub {

// A font file packed in the EPUB, for an @font-face rule.
struct EmbeddedFace {
    std::string family;
    layout::FontWeight weight = layout::FontWeight::normal;
    layout::FontSlant slant = layout::FontSlant::normal;
    std::string path;  // relative to the stylesheet, e.g. "fonts/charis-sil-regular.ttf"
};

std::string stylesheet(const layout::Style& style, const std::vector<EmbeddedFace>& faces);

}  // namespace pamphlet::epub
