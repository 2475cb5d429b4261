#include "pdf/finish_pdf.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstring>
#include <memory>
#include <stdexcept>

#include "pdf/deflate_streams.hpp"
#include "pdf/loaded_pdf.hpp"
#include "pdf/qpdf_fixups.hpp"

namespace pamphlet::pdf {

namespace {

// Puts each page's content stream (already deflated) in place of the empty one libharu wrote.
void install_page_contents(QPDF& pdf, const std::vector<std::string>& contents) {
    if (contents.empty()) return;
    std::vector<QPDFObjectHandle> pages = pdf.getAllPages();
    if (pages.size() != contents.size()) throw std::logic_error("finish_pdf: one content stream per page expected");
    for (std::size_t index = 0; index < pages.size(); ++index) {
        QPDFObjectHandle stream = pages[index].getKey("/Contents");
        if (!stream.isStream()) throw std::logic_error("finish_pdf: libharu wrote a page without a content stream");
        auto data = std::make_shared<Buffer>(contents[index].size());
        std::memcpy(data->getBuffer(), contents[index].data(), contents[index].size());
        stream.replaceStreamData(data, QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
        stream.setFilterOnWrite(false);  // written as given
    }
}

}  // namespace

RenderedPdf finish_pdf(std::string haru_bytes, const FinishingDetails& details, const model::Metadata& metadata,
                       const PdfOptions& options, StreamCompressor& compressor) {
    auto loaded = std::make_unique<LoadedPdf>();
    loaded->source = std::move(haru_bytes);
    QPDF& pdf = loaded->document;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("libharu output", loaded->source.data(), loaded->source.size());
    install_page_contents(pdf, details.page_contents);
    write_fonts(pdf, details.fonts);
    write_outline(pdf, details.outline, details.destinations);
    write_document_info(pdf, metadata, details.page_labels, options);

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
    return RenderedPdf(std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()),
                       std::move(loaded));
}

}  // namespace pamphlet::pdf
