// ATX headings whose "#" marks are followed by a no-break space ("##\u00A0Title"). CommonMark
// wants an ordinary space there, so such a line would be read as a paragraph starting with
// "##"; word processors and some editors put a no-break space after "#" by themselves. The
// reader treats the no-break space as the space it stands for, and records the repair.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostics.hpp"

namespace pamphlet::readers {

// Replaces the no-break space after 1-6 leading "#" (up to 3 spaces of indent) by a space, on
// every line outside `literal_lines` (code and raw HTML). Each change is a model::Repair named
// "heading-space". Line count and line numbers are unchanged.
std::string repair_heading_spaces(std::string_view text, const std::vector<std::pair<int, int>>& literal_lines,
                                  model::Report& report);

}  // namespace pamphlet::readers
