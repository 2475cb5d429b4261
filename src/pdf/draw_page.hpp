// Drawing one frame (layout::Page) onto a new libharu page: glyph runs and rules. Links and
// destinations are placed afterwards (see page_links.hpp), once every page exists.
#pragma once

#include "layout/frame.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/page_fonts.hpp"

namespace pamphlet::pdf {

HPDF_Page draw_page(HaruDocument& document, const layout::Page& frame, const FontHandles& fonts);

}  // namespace pamphlet::pdf
