// The EPUB backend: writes a prepared document as an EPUB 3 package (XHTML via pugixml, zip via
// libzip), with the print edition's page list.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "layout/font_subset.hpp"
#include "layout/page_starts.hpp"
#include "layout/style.hpp"
#include "model/diagnostics.hpp"
#include "model/document.hpp"

namespace pamphlet::epub {

struct EpubOptions {
    bool embed_fonts = false;
    std::filesystem::path cover_image;  // empty: generate a typographic SVG cover
    // Seconds since the epoch for dcterms:modified (SOURCE_DATE_EPOCH); unset: derived from the
    // content so that output stays deterministic.
    std::optional<std::int64_t> source_date_epoch;
    // Subsets embedded fonts; pass the run's to share parsed fonts with the PDF backend and later
    // documents. Null: one of its own for this book.
    layout::FontSubsetter* font_subsetter = nullptr;
};

// Returns the bytes of the .epub file. `print_pages` may be empty (no page list then).
std::string write_epub(const model::Document& document, const layout::Style& style,
                       const layout::PageStarts& print_pages, const EpubOptions& options,
                       model::Report& report);

}  // namespace pamphlet::epub
