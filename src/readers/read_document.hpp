// The readers' front door: turns input bytes into a model::Document. One reader per format
// (plain_text, markdown, muse), chosen by extension or by --from.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include "model/diagnostics.hpp"
#include "model/document.hpp"

namespace pamphlet::readers {

enum class InputFormat { plain_text, markdown, muse };

class Dictionaries;

struct ReadOptions {
    std::string file_name = "<input>";   // for messages and the report
    std::set<std::string> disabled_repairs;  // names of plain-text repair passes to skip
    // The document's language (BCP 47) when known before reading (--lang, a sidecar); the plain-
    // text reader then takes it instead of guessing English or German from common words. Formats
    // that carry their own (front matter, #lang) keep theirs.
    std::string language{};
    // The run's spelling dictionaries, shared by its documents; null: the reader loads its own.
    Dictionaries* dictionaries = nullptr;
};

// .txt -> plain_text, .md/.markdown -> markdown, .muse -> muse. Throws std::invalid_argument for
// anything else (the CLI then asks for --from).
InputFormat format_from_extension(const std::filesystem::path& path);
// "text"/"plain", "markdown"/"md", "muse". Throws std::invalid_argument.
InputFormat format_from_name(std::string_view name);

// Decodes raw file bytes to UTF-8 with "\n" line ends and no BOM (UTF-8, UTF-16 with BOM, legacy
// 8-bit encodings detected with uchardet), recording a warning in the report when it had to
// guess or replace. Throws model::InputError for binary data.
std::string decode_source(std::string_view bytes, const std::string& file_name, model::Report& report);

// Reads decoded UTF-8 text in the given format. Metadata found in the input (YAML front matter,
// Muse directives) is filled in; the rest stays empty for the caller to complete.
// Text no reader should have to police (invalid UTF-8 from entities, control characters,
// same-kind nested notes) is mended with a warning (readers::sanitize_document_text), so the
// result always passes model::check(). Throws model::InputError (with file and line) when the
// text cannot be read.
model::Document read_document(std::string_view utf8_text, InputFormat format, const ReadOptions& options,
                              model::Report& report);

}  // namespace pamphlet::readers
