// The shared preparation every document goes through after a reader built it and before either
// backend sees it: typographic normalisation, heading ids, note numbers. Both backends take the
// prepared document, so they agree on every number and anchor.
#pragma once

#include "layout/footnotes.hpp"
#include "layout/style.hpp"
#include "model/diagnostics.hpp"
#include "model/document.hpp"

namespace pamphlet::layout {

// Gives every heading without an id a stable one ("s1", "s1-2", ... by position in the outline),
// so that ids never depend on heading text (which may repeat or be non-ASCII).
void assign_heading_ids(model::Document& document);

// normalize_typography + assign_heading_ids + number_notes(style.notes.numbering).
// Returns how many notes of each kind the document has.
NoteCounts prepare_document(model::Document& document, const Style& style);

}  // namespace pamphlet::layout
