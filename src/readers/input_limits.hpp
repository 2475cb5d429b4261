// Limits that protect the machine from inputs no pamphlet needs: a file too large to typeset in
// reasonable memory and time, or markup nested so deeply that walking the document tree would
// exhaust the stack. Beyond a limit the user gets an InputError naming the file (and the line),
// never a crash. The numbers and their reasons are documented in docs/limits.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "readers/read_document.hpp"

namespace pamphlet::readers {

// War and Peace is 3.3 MB; this allows five times that.
inline constexpr std::uintmax_t max_input_bytes = 16 * 1024 * 1024;

// Real pamphlets nest quotes, lists and emphasis a handful of levels deep.
inline constexpr int max_nesting_depth = 100;

// Throws model::InputError when a file of `size_in_bytes` is over max_input_bytes. Meant to be
// called with the file's size before its bytes are read, so a huge file is never loaded.
void check_input_size(std::uintmax_t size_in_bytes, const std::string& file_name);

// How deeply the markup of `utf8_text` nests at its deepest line: block quotes, list items,
// emphasis and link brackets, each counted as one level. An estimate from the raw text (so that
// it can run before any parser recurses): it never undercounts the nesting of the text's own
// markers, and may overcount by up to a factor of two (a "**" run counts as two levels).
struct NestingEstimate {
    int depth = 0;
    int line = 0;  // 1-based line where the deepest nesting was seen; 0 when depth is 0
};
NestingEstimate estimate_nesting_depth(std::string_view utf8_text, InputFormat format);

// check_input_size(utf8_text.size()), then the lower limit (a text with nothing but whitespace
// would make an empty pamphlet), then the nesting limit. Throws model::InputError naming the file,
// and for nesting the line of the deepest nesting when it is over max_nesting_depth.
void check_input_limits(std::string_view utf8_text, InputFormat format, const std::string& file_name);

}  // namespace pamphlet::readers
