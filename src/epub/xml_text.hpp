// Text and XML helpers every EPUB part uses: making arbitrary model text safe for XML 1.0, and
// serialising pugixml documents the same way each time (so output is byte-identical).
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace pamphlet::epub {

// The text with every character XML 1.0 forbids removed (C0 controls other than tab, newline
// and carriage return; U+FFFE/U+FFFF) and every invalid UTF-8 sequence replaced by U+FFFD.
// Markup characters are left alone: pugixml escapes them when it writes.
std::string xml_safe(std::string_view text);

// True for text that can stand in lang/xml:lang: a BCP 47 shape (letters, digits, hyphens).
bool is_language_tag(std::string_view tag);

// Appends a text node holding xml_safe(text). Returns the new node.
pugi::xml_node append_text(pugi::xml_node parent, std::string_view text);

// Sets an attribute to xml_safe(value).
void set_attribute(pugi::xml_node element, const char* name, std::string_view value);

enum class XmlLayout { compact, indented };
// The document as UTF-8 bytes with an XML declaration. `doctype_html` adds <!DOCTYPE html>.
// Content documents use XmlLayout::compact: indentation would add whitespace inside mixed
// content (a <p> whose first child is an <em>), which changes how the text reads.
std::string serialize(const pugi::xml_document& document, XmlLayout layout, bool doctype_html);

}  // namespace pamphlet::epub
