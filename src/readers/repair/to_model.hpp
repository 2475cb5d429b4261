// Turning repaired blocks into model blocks: lines joined into running text, "_italic_" into
// Emphasis, "[n]" markers into notes holding their bodies.
#pragma once

#include <map>
#include <string>

#include "model/document.hpp"
#include "readers/repair/passes.hpp"

namespace pamphlet::readers::repair {

// Joins a block's lines into one text. Lines are joined with a space, except after a dash
// written against its word ("work--", "1928–"), where the break was inside the dash's word pair.
std::string join_lines(const Lines& lines);

// Parses running text into inlines: "_word_" -> Emphasis, "[n]" -> the note with label n (each
// note is attached to its first reference and removed from `notes`).
model::Inlines to_inlines(std::string_view text, std::map<std::string, NoteBody>& notes);

// The model blocks for `blocks`, attaching notes as it goes.
model::Blocks to_model_blocks(const TextBlocks& blocks, std::map<std::string, NoteBody>& notes);

}  // namespace pamphlet::readers::repair
