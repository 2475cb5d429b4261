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
    // The file names the font (so the EPUB backend, which finds fonts by file, shares the parsed
    // face), the bytes spare reading it again.
    const auto source = [fonts](layout::FaceId face) {
        return layout::FontSource(fonts->file(face), fonts->file_bytes(face));
    };
    return render_pdf(pages.pages, pages.outline, source, metadata, options);
}

}  // namespace pamphlet::pdf
