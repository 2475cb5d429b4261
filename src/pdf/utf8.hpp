// Decoding UTF-8 into code points, for the PDF backend's per-font character sets.
#pragma once

#include <string_view>
#include <vector>

namespace pamphlet::pdf {

// Code points of `text`; a malformed byte decodes as U+FFFD so a bad run cannot stop the output.
std::vector<char32_t> decode_utf8(std::string_view text);

}  // namespace pamphlet::pdf
