// CommonMark with GitHub extensions (cmark-gfm) plus footnotes and YAML front matter.
#pragma once

#include <string_view>

#include "readers/read_document.hpp"

namespace pamphlet::readers {

model::Document read_markdown(std::string_view utf8_text, const ReadOptions& options, model::Report& report);

}  // namespace pamphlet::readers
