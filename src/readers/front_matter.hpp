// Document metadata written inside the input: YAML front matter at the top of a Markdown file,
// and the language a file name carries ("essay.de.md"). Shared by the Markdown and Muse readers.
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostics.hpp"
#include "model/document.hpp"

namespace pamphlet::readers {

// What a YAML front matter block holds. `metadata` starts from model defaults; the flags say which
// fields the author actually set, so the caller can tell "en" by default from "en" as written.
struct FrontMatter {
    model::Metadata metadata;
    bool has_language = false;
    // Number of input lines the block occupies, fences included (0 when there is none).
    int line_count = 0;
};

// Reads a front matter block: a first line "---", YAML, then a line "---" or "...".
// Returns line_count 0 and default metadata when the text does not start with one.
// Known keys: title, subtitle, author (string or list), translator (string or list), lang or
// language, date, description, rights, source, identifier, cover, style. Unknown keys get a
// warning. Throws model::InputError with the file and the line for invalid YAML or a value of
// the wrong shape.
FrontMatter read_front_matter(std::string_view utf8_text, const std::string& file_name, model::Report& report);

// "manifest.de.md" -> "de", "essay.pt-BR.muse" -> "pt-BR"; "" when the name carries no
// language tag before its extension. Only two lower-case letters, optionally followed by "-" and
// a 2-8 letter or digit subtag, count: "notes.old.md" carries none.
std::string language_from_file_name(std::string_view file_name);

// True for the BCP 47 shapes language_from_file_name accepts ("de", "pt-BR", "sr-Latn").
bool looks_like_language_tag(std::string_view tag);

}  // namespace pamphlet::readers
