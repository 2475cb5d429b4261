#include "pdf/finish_pdf.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFWriter.hh>

#include <stdexcept>

#include "pdf/qpdf_fixups.hpp"

namespace pamphlet::pdf {

std::string finish_pdf(std::string_view haru_bytes, const FinishingDetails& details, const model::Metadata& metadata,
                       const PdfOptions& options) {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("libharu output", haru_bytes.data(), haru_bytes.size());
    fix_to_unicode_maps(pdf);
    write_outline(pdf, details.outline, details.destinations);
    write_document_info(pdf, metadata, details.page_labels, options);

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.setStreamDataMode(qpdf_s_compress);
    writer.setRecompressFlate(true);
    writer.setDeterministicID(true);  // /ID from the content: same input, same bytes
    writer.write();
    if (pdf.anyWarnings()) throw std::runtime_error("qpdf found problems in libharu's output");
    const std::shared_ptr<Buffer> buffer(writer.getBuffer());
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace pamphlet::pdf
