// Stream compression for the PDF backend with libdeflate: every stream that is still plain when
// the file is finished is deflated here once, and qpdf is told to write those bytes as they are.
#pragma once

#include <qpdf/QPDF.hh>

#include "layout/deflate.hpp"

namespace pamphlet::pdf {

// The PDF's streams go through the deflater both backends share (one per call, not shared
// between threads), in zlib format: what /FlateDecode reads.
using StreamCompressor = layout::Deflater;

// The level finish_pdf uses (the trade-off is measured in deflate_streams.cpp).
int pdf_stream_compression_level();

// Deflates every stream of `pdf` that has no /Filter (except XMP /Metadata, which stays readable
// as qpdf leaves it) and marks it not to be filtered again when written, so QPDFWriter copies
// the compressed bytes. Returns the number of streams compressed.
int deflate_plain_streams(QPDF& pdf, StreamCompressor& compressor);

}  // namespace pamphlet::pdf
