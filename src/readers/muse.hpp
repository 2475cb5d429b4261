// Muse, the markup of amusewiki libraries.
#pragma once

#include <string_view>

#include "readers/read_document.hpp"

namespace pamphlet::readers {

model::Document read_muse(std::string_view utf8_text, const ReadOptions& options, model::Report& report);

}  // namespace pamphlet::readers
