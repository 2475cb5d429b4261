// Pandoc's inline notes, "text^[the note's text] more", which cmark-gfm leaves as plain text.
// Working on the converted inlines rather than on the source means code spans are already
// separate Code nodes, so brackets inside them never count.
#pragma once

#include "model/document.hpp"

namespace pamphlet::readers {

// Replaces each "^[" ... matching "]" run among sibling inlines by a NoteReference whose body is
// one paragraph holding what lay between the brackets (emphasis, links and code included).
// Brackets are counted only in Text nodes of the same level; an unclosed or empty "^[" stays
// text. Descends into emphasis, strong, small caps and language spans, not into note bodies.
// Returns the number of notes made.
int extract_inline_notes(model::Inlines& inlines, model::SourcePosition where);

}  // namespace pamphlet::readers
