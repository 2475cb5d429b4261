// The frame every XHTML content document shares: namespaces, the language on <html> (both
// xml:lang and lang, as EPUB Accessibility asks), a <title>, the stylesheet link.
#pragma once

#include <string_view>

#include <pugixml.hpp>

namespace pamphlet::epub {

inline constexpr const char* stylesheet_file = "style.css";

// Fills an empty `document` with <html><head>…</head><body/></html> and returns <body>.
pugi::xml_node start_xhtml(pugi::xml_document& document, std::string_view language, std::string_view title);

}  // namespace pamphlet::epub
