// Footnote numbering: the one policy both backends follow, so the EPUB and the PDF print the same
// numbers. Placement differs per target (page foot vs. aside after the section), numbering not.
#pragma once

#include "layout/style.hpp"
#include "model/document.hpp"

namespace pamphlet::layout {

struct NoteCounts {
    int primary = 0;
    int secondary = 0;
};

// Numbers every NoteReference in document order (note bodies included: a secondary note inside a
// primary note's body is counted where it stands). Primary and secondary notes have separate
// sequences. With NoteNumbering::per_section both restart at each level-1 heading.
NoteCounts number_notes(model::Document& document, NoteNumbering policy);

// The marker printed for a note: "1", "2", ... for primary notes; "a", "b", ... "z", "aa" for
// secondary ones (so the two sequences cannot be confused).
std::string note_marker(model::NoteKind kind, int number);

}  // namespace pamphlet::layout
