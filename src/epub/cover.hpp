// The cover: a typographic SVG made from the title and authors, or the user's own image
// (--cover FILE), and the XHTML page that shows it first in the reading order.
#pragma once

#include <filesystem>
#include <string>

#include "layout/style.hpp"
#include "model/document.hpp"

namespace pamphlet::epub {

struct CoverImage {
    std::string path;  // relative to the package document, e.g. "images/cover.svg"
    std::string media_type;
    std::string bytes;
};

// The authors as one line: "A", "A, B", "A, B, C" (role "aut" only; everyone when no one has
// that role). Commas only, so that the line reads in any language.
std::string author_line(const model::Metadata& metadata);

// An SVG cover: title (wrapped), subtitle and authors, set in the style's face.
CoverImage typographic_cover(const model::Metadata& metadata, const layout::Style& style);

// The user's cover image. Throws model::InputError (naming the file) when it cannot be read or
// is not a PNG, JPEG, GIF or SVG.
CoverImage cover_from_file(const std::filesystem::path& file);

// The text alternative of the cover, e.g. "The Russian Question — Rosa Luxemburg".
std::string cover_description(const model::Metadata& metadata);

// The cover's XHTML page.
std::string cover_page(const CoverImage& cover, const model::Metadata& metadata, std::string_view language);

}  // namespace pamphlet::epub
