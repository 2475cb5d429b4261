// Post-processing of libharu's output with libqpdf: what libharu cannot write correctly or at
// all (fonts, bookmarks, document information). Each function edits the loaded file in place;
// finish_pdf (finish_pdf.hpp) chains them.
#pragma once

#include <qpdf/QPDF.hh>

#include <map>
#include <string>
#include <vector>

#include "layout/frame.hpp"
#include "model/document.hpp"
#include "pdf/destinations.hpp"
#include "pdf/page_fonts.hpp"
#include "pdf/write_pdf.hpp"

namespace pamphlet::pdf {

// Writes each font (a Type0 font over a CIDFontType2 with its descriptor, embedded program,
// CIDToGIDMap, widths and ToUnicode CMap) and lists them all in every page's /Font resources,
// under the names the content streams select them by. Streams are left plain, for
// deflate_plain_streams.
void write_fonts(QPDF& pdf, const DocumentFonts& fonts);

// Writes the bookmarks: one entry per heading, nested by level, each jumping to its destination.
// Entries whose destination is unknown are left out.
void write_outline(QPDF& pdf, const std::vector<layout::OutlineEntry>& outline,
                   const std::map<std::string, PlacedDestination>& destinations);

// Document information (title, author, subject, keywords-free), catalog language, page labels
// (the printed folios) and dates only from `options.source_date_epoch`.
void write_document_info(QPDF& pdf, const model::Metadata& metadata, const std::vector<std::string>& page_labels,
                         const PdfOptions& options);

// "D:YYYYMMDDHHmmSSZ" for a POSIX time, the PDF date format.
std::string pdf_date(std::int64_t seconds_since_epoch);

}  // namespace pamphlet::pdf
