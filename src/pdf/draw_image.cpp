#include "pdf/draw_image.hpp"

#include <stdexcept>

namespace pamphlet::pdf {

HPDF_Image ImageCache::get(HaruDocument& document, const layout::ImageData& image) {
    const auto known = embedded_.find(&image);
    if (known != embedded_.end()) return known->second;
    HPDF_Image loaded = nullptr;
    // Never hand libharu what it is known to mishandle (see layout::print_problem): a refused
    // interlaced PNG leaves its document to crash when freed.
    if (!layout::print_problem(image.info).empty()) return embedded_.emplace(&image, nullptr).first->second;
    const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(image.bytes.data());
    const auto size = static_cast<HPDF_UINT>(image.bytes.size());
    if (image.info.format == layout::ImageFormat::png)
        loaded = HPDF_LoadPngImageFromMem(document.handle(), bytes, size);
    else if (image.info.format == layout::ImageFormat::jpeg)
        loaded = HPDF_LoadJpegImageFromMem(document.handle(), bytes, size);
    if (loaded == nullptr) {
        // A refused image must not fail the document: clear the error libharu recorded, so
        // later checks see only their own.
        try {
            document.check("embedding image " + image.path.string());
        } catch (const std::runtime_error&) {
        }
    }
    embedded_.emplace(&image, loaded);
    return loaded;
}

void draw_image(HaruDocument& document, HPDF_Page page, const layout::ImageBox& box, ImageCache& cache) {
    if (!box.image) return;
    HPDF_Image image = cache.get(document, *box.image);
    if (image == nullptr) return;
    HPDF_Page_DrawImage(page, image, static_cast<HPDF_REAL>(box.x_pt), static_cast<HPDF_REAL>(box.y_pt),
                        static_cast<HPDF_REAL>(box.width_pt), static_cast<HPDF_REAL>(box.height_pt));
}

}  // namespace pamphlet::pdf
