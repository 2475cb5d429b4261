// Structural checks of what the backends wrote, for the whole-pipeline fuzz target.
// Each returns an empty string when the file is sound, else what is wrong with it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pamphlet::fuzz {

// The EPUB zip: readable with consistency checks, every entry's data intact, "mimetype" first,
// stored and "application/epub+zip", META-INF/container.xml naming a package document that
// exists, every manifest item present, and every XML entry well formed.
std::string epub_structure_problem(std::string_view epub_bytes);

// The PDF as qpdf parses it: no damage warnings, `expected_pages` pages, each page's content
// streams tokenised without error.
std::string pdf_structure_problem(std::string_view pdf_bytes, std::size_t expected_pages);

}  // namespace pamphlet::fuzz
