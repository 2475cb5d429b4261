// write_pdf without the FontLibrary: pages plus a way to get each face's font file. Tests use it
// with fonts read straight from disk; write_pdf passes FontLibrary's files and bytes.
#pragma once

#include <string>
#include <vector>

#include "layout/frame.hpp"
#include "model/document.hpp"
#include "pdf/page_fonts.hpp"
#include "pdf/write_pdf.hpp"

namespace pamphlet::pdf {

RenderedPdf render_pdf_document(const std::vector<layout::Page>& pages,
                                const std::vector<layout::OutlineEntry>& outline, const FaceSource& face_source,
                                const model::Metadata& metadata, const PdfOptions& options);

// The same, the file's bytes only.
std::string render_pdf(const std::vector<layout::Page>& pages, const std::vector<layout::OutlineEntry>& outline,
                       const FaceSource& face_source, const model::Metadata& metadata, const PdfOptions& options);

}  // namespace pamphlet::pdf
