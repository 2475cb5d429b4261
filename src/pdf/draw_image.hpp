// Drawing a frame's images with libharu. Each ImageData is embedded once per document, however
// many times it is placed: the cache maps it to its libharu image (an XObject).
#pragma once

#include <map>

#include "layout/frame.hpp"
#include "pdf/haru_document.hpp"

namespace pamphlet::pdf {

class ImageCache {
public:
    // The embedded image, loading it on first use; nullptr if libharu refuses it (the layout
    // refuses what it knows libharu cannot take, so this is a last line of defence and the
    // figure's caption still stands).
    HPDF_Image get(HaruDocument& document, const layout::ImageData& image);

private:
    std::map<const layout::ImageData*, HPDF_Image> embedded_;
};

// Draws the image scaled into its box. Must be called outside a text object.
void draw_image(HaruDocument& document, HPDF_Page page, const layout::ImageBox& box, ImageCache& cache);

}  // namespace pamphlet::pdf
