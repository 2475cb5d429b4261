#include "pdf/write_pdf.hpp"

#include <stdexcept>

#include "layout/font_library.hpp"
#include "pdf/render_pdf.hpp"

namespace pamphlet::pdf {

std::string write_pdf(const layout::TypesetDocument& pages, const model::Metadata& metadata,
                      const PdfOptions& options) {
    if (pages.fonts == nullptr && !pages.pages.empty())
        throw std::invalid_argument("write_pdf: the typeset document names no font library");
    const layout::FontLibrary* fonts = pages.fonts;
    return render_pdf(
        pages.pages, pages.outline, [fonts](layout::FaceId face) { return fonts->file_bytes(face); }, metadata,
        options);
}

}  // namespace pamphlet::pdf
