#include "pdf/write_pdf.hpp"

#include <stdexcept>

#include "layout/font_library.hpp"
#include "pdf/loaded_pdf.hpp"
#include "pdf/render_pdf.hpp"

namespace pamphlet::pdf {

RenderedPdf::RenderedPdf(std::string bytes, std::unique_ptr<LoadedPdf> loaded)
    : bytes_(std::move(bytes)), loaded_(std::move(loaded)) {}
RenderedPdf::RenderedPdf(RenderedPdf&&) noexcept = default;
RenderedPdf& RenderedPdf::operator=(RenderedPdf&&) noexcept = default;
RenderedPdf::~RenderedPdf() = default;

std::unique_ptr<LoadedPdf> RenderedPdf::take_loaded() { return std::move(loaded_); }
void RenderedPdf::discard_loaded() { loaded_.reset(); }

RenderedPdf write_pdf_document(const layout::TypesetDocument& pages, const model::Metadata& metadata,
                      const PdfOptions& options) {
    if (pages.fonts == nullptr && !pages.pages.empty())
        throw std::invalid_argument("write_pdf: the typeset document names no font library");
    const layout::FontLibrary* fonts = pages.fonts;
    // The file names the font (so the EPUB backend, which finds fonts by file, shares the parsed
    // face), the bytes spare reading it again.
    const auto source = [fonts](layout::FaceId face) {
        return layout::FontSource(fonts->file(face), fonts->file_bytes(face));
    };
    return render_pdf_document(pages.pages, pages.outline, source, metadata, options);
}

std::string write_pdf(const layout::TypesetDocument& pages, const model::Metadata& metadata,
                      const PdfOptions& options) {
    return write_pdf_document(pages, metadata, options).bytes();
}

}  // namespace pamphlet::pdf
