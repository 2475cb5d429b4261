// The last step of the PDF backend: load libharu's bytes with qpdf, add the fonts and apply the
// fix-ups (qpdf_fixups.hpp) and write the final file with object streams and a deterministic /ID.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "layout/frame.hpp"
#include "model/document.hpp"
#include "pdf/deflate_streams.hpp"
#include "pdf/destinations.hpp"
#include "pdf/page_fonts.hpp"
#include "pdf/write_pdf.hpp"

namespace pamphlet::pdf {

struct FinishingDetails {
    std::vector<layout::OutlineEntry> outline;
    std::map<std::string, PlacedDestination> destinations;
    std::vector<std::string> page_labels;  // one per page
    // Each page's content stream, zlib-compressed, in page order: libharu's pages hold empty ones
    // (draw_page). Empty: the pages keep what libharu wrote.
    std::vector<std::string> page_contents;
    // The fonts the content streams select (write_fonts adds them to every page's resources).
    DocumentFonts fonts;
};

// `compressor` deflates every stream that is still plain (deflate_streams.hpp). The document
// stays loaded in the result, which owns `haru_bytes` with it.
RenderedPdf finish_pdf(std::string haru_bytes, const FinishingDetails& details, const model::Metadata& metadata,
                       const PdfOptions& options, StreamCompressor& compressor);

}  // namespace pamphlet::pdf
