// Stream compression for the PDF backend with libdeflate: every stream that is still plain when
// the file is finished is deflated here once, and qpdf is told to write those bytes as they are.
#pragma once

#include <qpdf/QPDF.hh>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

struct libdeflate_compressor;

namespace pamphlet::pdf {

// Owns one libdeflate compressor (and the output buffer it fills), so a document's streams share
// its allocation. Not shared between threads: make one per call.
class StreamCompressor {
public:
    explicit StreamCompressor(int level);
    ~StreamCompressor();
    StreamCompressor(const StreamCompressor&) = delete;
    StreamCompressor& operator=(const StreamCompressor&) = delete;

    // `data` in zlib format (what /FlateDecode reads); valid until the next call.
    std::string_view zlib(std::string_view data);

private:
    libdeflate_compressor* compressor_ = nullptr;
    std::vector<char> output_;
};

// The level finish_pdf uses (the trade-off is measured in deflate_streams.cpp).
int pdf_stream_compression_level();

// Deflates every stream of `pdf` that has no /Filter (except XMP /Metadata, which stays readable
// as qpdf leaves it) and marks it not to be filtered again when written, so QPDFWriter copies
// the compressed bytes. Returns the number of streams compressed.
int deflate_plain_streams(QPDF& pdf, StreamCompressor& compressor);

}  // namespace pamphlet::pdf
