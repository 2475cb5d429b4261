// Scaffolding until the PDF backend lands.
#include "pdf/write_pdf.hpp"

#include <stdexcept>

namespace pamphlet::pdf {

std::string write_pdf(const layout::TypesetDocument&, const model::Metadata&, const PdfOptions&) {
    throw std::runtime_error("PDF output is not available yet");
}

}  // namespace pamphlet::pdf
