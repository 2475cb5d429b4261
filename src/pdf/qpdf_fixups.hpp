// Post-processing of libharu's output with libqpdf: what libharu cannot write correctly or at
// all. Each function edits the loaded file in place; finish_pdf (finish_pdf.hpp) chains them.
#pragma once

#include <qpdf/QPDF.hh>

#include <map>
#include <string>
#include <vector>

#include "layout/frame.hpp"
#include "model/document.hpp"
#include "pdf/destinations.hpp"
#include "pdf/write_pdf.hpp"

namespace pamphlet::pdf {

// Replaces the ToUnicode CMap of every Type0 font with a correct identity map over the CIDs the
// font can draw (those its CIDToGIDMap sends to a real glyph). Returns the number of fonts fixed.
int fix_to_unicode_maps(QPDF& pdf);

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
