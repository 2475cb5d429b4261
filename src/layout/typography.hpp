// Typographic normalisation of running text, per language: straight quotes to curly ones,
// "--" and "---" to dashes, "..." to an ellipsis, and the spaces French puts before high
// punctuation. Shared by both backends so the EPUB and the PDF read identically.
#pragma once

#include <string>
#include <string_view>

#include "model/document.hpp"

namespace pamphlet::layout {

// Normalises one run of text. `previous` is the character before the run (for deciding whether a
// quote at the run's start opens or closes), "" at the start of a paragraph.
std::string normalize_typography(std::string_view text, std::string_view language, std::string_view previous = {});

// Normalises every Text inline of the document (not Code, not Preformatted), each paragraph as a
// whole so a quote's direction is decided by what precedes it across inline boundaries.
// Language spans switch the quote style for their contents.
void normalize_typography(model::Document& document);

}  // namespace pamphlet::layout
