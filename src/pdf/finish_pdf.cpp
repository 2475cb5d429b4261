#include "pdf/finish_pdf.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFWriter.hh>

#include <stdexcept>

#include "pdf/deflate_streams.hpp"
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

    StreamCompressor compressor(pdf_stream_compression_level());
    deflate_plain_streams(pdf, compressor);

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_generate);
    // Every stream is deflated now (libharu wrote them plain, haru_document.cpp) and marked to be
    // written as it is; qpdf itself deflates only the object and cross-reference streams it makes.
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
