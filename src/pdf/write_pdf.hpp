// The PDF backend: draws typeset pages with libharu and fixes up what libharu gets wrong (see
// ../shared/NOTES.md). Imposition (src/pdf/impose*) places finished pages on printer sheets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "layout/font_subset.hpp"
#include "layout/typeset.hpp"
#include "model/document.hpp"

namespace pamphlet::pdf {

struct PdfOptions {
    // Seconds since the epoch for the document dates (SOURCE_DATE_EPOCH); unset: no dates, so the
    // output is byte-identical across runs.
    std::optional<std::int64_t> source_date_epoch;
    // Subsets the embedded fonts. Pass the run's subsetter to share parsed fonts with the EPUB
    // backend and later documents; null: one of its own for this call.
    layout::FontSubsetter* font_subsetter = nullptr;
};

// Returns the bytes of the .pdf file.
std::string write_pdf(const layout::TypesetDocument& pages, const model::Metadata& metadata,
                      const PdfOptions& options);

}  // namespace pamphlet::pdf
