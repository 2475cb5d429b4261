// A last line of defence between any reader and model::check(): whatever a parser let through
// that the model forbids is mended here, with a warning, instead of refusing the whole document.
#pragma once

#include <string>

#include "model/diagnostics.hpp"
#include "model/document.hpp"

namespace pamphlet::readers {

// Replaces invalid UTF-8 with U+FFFD and removes control characters (other than newline and tab)
// in every text of the document; turns a note nested in a note of the same kind (which no
// backend can place) into its text in parentheses. Each change is a warning naming the line.
void sanitize_document_text(model::Document& document, const std::string& file_name, model::Report& report);

}  // namespace pamphlet::readers
