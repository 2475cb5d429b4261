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
    // Every stream libharu wrote is uncompressed (haru_document.cpp), so this deflates each one
    // exactly once, at zlib's default level 6: level 3 would save ~6% of a whole run but make the
    // file ~18% larger, level 1 ~7% for ~33% (200-page War and Peace cut). Streams that arrive
    // already deflated are copied as they are, not inflated and deflated again.
    writer.setCompressStreams(true);
    writer.setDecodeLevel(qpdf_dl_generalized);
    writer.setRecompressFlate(false);
    writer.setDeterministicID(true);  // /ID from the content: same input, same bytes
    writer.write();
    if (pdf.anyWarnings()) throw std::runtime_error("qpdf found problems in libharu's output");
    const std::shared_ptr<Buffer> buffer(writer.getBuffer());
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace pamphlet::pdf
