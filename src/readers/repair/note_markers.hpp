// Note markers in running text: "claim.[1]", "word[12]". A hand-written scan instead of a
// regular expression: std::regex over every line of a novel cost more than the rest of the
// notes pass together.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace pamphlet::readers::repair {

// Adds to `labels` the label of every "[n]" marker in `text`: one to three digits in brackets
// right after a character that is not white space. Markers are found left to right without
// overlapping, so the "[2]" in "a[1][2]" does not count (its "]" before it belongs to "[1]"),
// exactly as the regular expression \S\[(\d{1,3})\] matched them before.
void collect_note_markers(std::string_view text, std::set<std::string>& labels);

}  // namespace pamphlet::readers::repair
