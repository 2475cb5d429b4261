// Checking that an image reference names a file beside the document: the model promises its
// backends a relative path that stays inside the document's folder, never a URL. Used by the
// Markdown and Muse readers.
#pragma once

#include <string>
#include <string_view>

namespace pamphlet::readers {

// "" when `path` is a usable relative path; otherwise why it is not (absolute, has a URL scheme,
// climbs out of the document's folder with "..", or is empty).
std::string image_path_problem(std::string_view path);

}  // namespace pamphlet::readers
