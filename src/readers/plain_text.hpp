// Plain text, including text extracted from PDFs: a sequence of named repair passes (src/readers/repair/) that undo extraction damage, each recording its changes in the report.
#pragma once

#include <string_view>

#include "readers/read_document.hpp"

namespace pamphlet::readers {

model::Document read_plain_text(std::string_view utf8_text, const ReadOptions& options, model::Report& report);

}  // namespace pamphlet::readers
