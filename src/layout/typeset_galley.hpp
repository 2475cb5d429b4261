// Setting the document's blocks into one long column (the galley) that pagination cuts into
// pages: paragraphs through set_paragraph, headings, quotes, lists, verse, preformatted text,
// scene breaks, tables and figure captions, each with its vertical spacing and its keeps, and
// every footnote set in the note size hanging off the line that references it.
#pragma once

#include <string>
#include <vector>

#include "layout/font_library.hpp"
#include "layout/hyphenation.hpp"
#include "layout/paginate.hpp"
#include "layout/style.hpp"
#include "model/diagnostics.hpp"
#include "model/document.hpp"

namespace pamphlet::layout {

struct TypesetEnvironment {
    const Style& style;
    FontLibrary& fonts;
    Hyphenation& hyphenation;
    model::Report& report;
    std::string language;       // the document's
    double text_width_pt = 300;
};

// A heading as the table of contents, the outline and the running heads need it.
struct HeadingEntry {
    int level = 1;
    std::string title;        // plain text
    std::string destination;  // the heading's id
    std::size_t galley_line = 0;  // its first line in the galley
};

struct DocumentGalley {
    Galley galley;
    std::vector<HeadingEntry> headings;
};

// The body's line height for the style (size x leading).
double body_leading(const Style& style);

DocumentGalley build_galley(const model::Document& document, const TypesetEnvironment& environment);

}  // namespace pamphlet::layout
