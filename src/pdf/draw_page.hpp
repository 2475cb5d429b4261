// Drawing one frame (layout::Page) onto a new libharu page: glyph runs, rules and images. Links
// and destinations are placed afterwards (see page_links.hpp), once every page exists.
#pragma once

#include <string>

#include "layout/frame.hpp"
#include "pdf/draw_image.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/page_fonts.hpp"

namespace pamphlet::pdf {

// `images` is shared by all pages of a document, so an image placed on several pages is
// embedded once. With `content_bytes`, the page's content stream is returned there (plain) and
// libharu's page keeps an empty one, for finish_pdf to fill (render_pdf); without, libharu's
// page holds it.
// `fonts` must hold every face the frame's glyph runs use (prepare_fonts).
HPDF_Page draw_page(HaruDocument& document, const layout::Page& frame, const DocumentFonts& fonts,
                    ImageCache& images, std::string* content_bytes = nullptr);

}  // namespace pamphlet::pdf
