// Pandoc-style fenced divs ("::: epigraph" ... ":::"), which cmark-gfm does not know. They are
// found line by line outside code and raw HTML, and each fence line is masked so that cmark ends
// whatever block precedes it; the reader then groups the blocks between the fences.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/document.hpp"

namespace pamphlet::readers {

struct DivFence {
    int line = 0;            // 1-based input line of the fence
    bool opening = false;    // "::: name" opens, a bare ":::" closes
    std::string class_name;  // "epigraph" for "::: epigraph", "::: {.epigraph}" or "::: {.epigraph #id}"
};

// Fence lines: three or more colons at the start of the line, then for an opening fence a class
// name (bare or as "{.name}"). Lines within `excluded_lines` (inclusive 1-based ranges: code
// blocks and raw HTML found by a first parse) are never fences.
std::vector<DivFence> find_div_fences(std::string_view text, const std::vector<std::pair<int, int>>& excluded_lines);

// The text with every fence line replaced by an HTML comment line ("<!-- -->"), which cmark
// parses as a block of its own that interrupts paragraphs and ends lists. Line numbers are kept.
std::string mask_div_fences(std::string_view text, const std::vector<DivFence>& fences);

// The marker mask_div_fences writes, so the reader can skip those blocks.
inline constexpr std::string_view div_fence_mask = "<!-- -->";

// Groups top-level blocks (ordered, with source lines) between fences by what the div names:
//   epigraph            -> a BlockQuote with epigraph = true (headings inside become paragraphs)
//   center / centre     -> the paragraphs inside (also within quotes and lists) centred, no indent
//   right               -> likewise, right-aligned (signatures, datelines)
// Any other name keeps the contents as they are, with a warning; so do unmatched fences.
model::Blocks group_fenced_divs(model::Blocks blocks, const std::vector<DivFence>& fences, const std::string& file_name,
                                model::Report& report);

}  // namespace pamphlet::readers
