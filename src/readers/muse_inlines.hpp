// Muse inline markup: *emphasis*, **strong**, ***both***, =code=, <em> <strong> <i> <b> <sc>
// <code> <verbatim> <br>, <[de]>...</[de]> language spans, [[target][text]] links, ~~ (no-break
// space) and footnote references [1] and {1}. Unknown tags stay as text with a warning.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "model/document.hpp"

namespace pamphlet::readers {

struct MuseNoteLabels {
    std::set<std::string> primary;    // "1" for each "[1] ..." definition in the document
    std::set<std::string> secondary;  // "1" for each "{1} ..." definition
};

// Parses one paragraph's (or line's) text. A "[N]" or "{N}" becomes a NoteReference with an
// empty body and source_label "N" only when a definition N exists (as in Text::Amuse); the
// bodies are attached later (see muse_notes.hpp). `warn` receives messages about markup kept
// as text.
model::Inlines parse_muse_inlines(std::string_view text, const MuseNoteLabels& labels,
                                  const std::function<void(const std::string&)>& warn);

}  // namespace pamphlet::readers
