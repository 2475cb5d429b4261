// The PDF backend: draws typeset pages with libharu and fixes up what libharu gets wrong (see
// ../shared/NOTES.md). Imposition (src/pdf/impose*) places finished pages on printer sheets.
#pragma once

#include <cstdint>
#include <memory>
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

struct LoadedPdf;  // loaded_pdf.hpp

// A finished PDF: the file's bytes, and the same document still loaded in qpdf, so that imposing
// it (impose.hpp) does not parse the file it was just written to. Move-only.
class RenderedPdf {
public:
    RenderedPdf(std::string bytes, std::unique_ptr<LoadedPdf> loaded);
    RenderedPdf(RenderedPdf&&) noexcept;
    RenderedPdf& operator=(RenderedPdf&&) noexcept;
    ~RenderedPdf();

    const std::string& bytes() const { return bytes_; }
    // The loaded document, handed over once (null afterwards): imposing rearranges its pages.
    std::unique_ptr<LoadedPdf> take_loaded();
    // Frees the loaded document when nothing will impose it.
    void discard_loaded();

private:
    std::string bytes_;
    std::unique_ptr<LoadedPdf> loaded_;
};

// The .pdf file, with its document kept loaded for imposing.
RenderedPdf write_pdf_document(const layout::TypesetDocument& pages, const model::Metadata& metadata,
                               const PdfOptions& options);

// Returns the bytes of the .pdf file.
std::string write_pdf(const layout::TypesetDocument& pages, const model::Metadata& metadata,
                      const PdfOptions& options);

}  // namespace pamphlet::pdf
