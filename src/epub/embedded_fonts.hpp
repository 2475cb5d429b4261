// --embed-fonts: the style's text faces, found with fontconfig and cut down with HarfBuzz's
// subsetter to the characters the book uses, so a pamphlet does not carry whole font files.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "epub/stylesheet.hpp"
#include "layout/font_subset.hpp"
#include "layout/style.hpp"
#include "model/diagnostics.hpp"

namespace pamphlet::epub {

struct FontFile {
    EmbeddedFace face;  // face.path is where the subset goes in the package
    std::string media_type;
    std::string bytes;
};

// Every code point in the UTF-8 texts (invalid sequences are skipped).
std::set<char32_t> characters_in(const std::vector<std::string_view>& texts);

// The regular, italic, bold and bold italic faces of the style's family, each subset to
// `characters` with `subsetter` (pass the run's, shared with the PDF backend, so each font is
// parsed once; null: one of its own for this call). A face that is not installed (fontconfig
// offers another family, or no real italic/bold) or cannot be subset is left out with a warning:
// the reading system then uses its own.
std::vector<FontFile> embedded_fonts(const layout::Style& style, const std::set<char32_t>& characters,
                                     model::Report& report, layout::FontSubsetter* subsetter = nullptr);

}  // namespace pamphlet::epub
