// Drawing one frame (layout::Page) onto a new libharu page: glyph runs, rules and images. Links
// and destinations are placed afterwards (see page_links.hpp), once every page exists.
#pragma once

#include "layout/frame.hpp"
#include "pdf/draw_image.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/page_fonts.hpp"

namespace pamphlet::pdf {

// `images` is shared by all pages of a document, so an image placed on several pages is
// embedded once.
HPDF_Page draw_page(HaruDocument& document, const layout::Page& frame, const FontHandles& fonts, ImageCache& images);

// The same with a cache of its own (an image repeated on other pages is embedded again).
HPDF_Page draw_page(HaruDocument& document, const layout::Page& frame, const FontHandles& fonts);

}  // namespace pamphlet::pdf
