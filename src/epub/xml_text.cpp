#include "epub/xml_text.hpp"

#include <sstream>

namespace pamphlet::epub {
namespace {

// Length of the UTF-8 sequence starting at `text[at]` and its code point, or 0 when the bytes
// there do not form a valid, shortest-form sequence.
std::size_t decode_utf8(std::string_view text, std::size_t at, char32_t& code_point) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    std::size_t length = 0;
    char32_t value = 0;
    if (lead < 0x80) return code_point = lead, 1;
    if ((lead & 0xE0) == 0xC0) length = 2, value = lead & 0x1F;
    else if ((lead & 0xF0) == 0xE0) length = 3, value = lead & 0x0F;
    else if ((lead & 0xF8) == 0xF0) length = 4, value = lead & 0x07;
    else return 0;
    if (at + length > text.size()) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return 0;
        value = (value << 6) | (byte(at + i) & 0x3F);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    code_point = value;
    return length;
}

bool allowed_in_xml(char32_t c) {
    if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
    return c != 0xFFFE && c != 0xFFFF;
}

}  // namespace

std::string xml_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        char32_t code_point = 0;
        const std::size_t length = decode_utf8(text, at, code_point);
        if (length == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            ++at;
            continue;
        }
        if (allowed_in_xml(code_point)) out.append(text.substr(at, length));
        at += length;
    }
    return out;
}

bool is_language_tag(std::string_view tag) {
    if (tag.empty() || tag.size() > 35) return false;
    for (char c : tag) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!allowed) return false;
    }
    return true;
}

pugi::xml_node append_text(pugi::xml_node parent, std::string_view text) {
    pugi::xml_node node = parent.append_child(pugi::node_pcdata);
    node.set_value(xml_safe(text).c_str());
    return node;
}

void set_attribute(pugi::xml_node element, const char* name, std::string_view value) {
    pugi::xml_attribute attribute = element.attribute(name);
    if (!attribute) attribute = element.append_attribute(name);
    attribute.set_value(xml_safe(value).c_str());
}

std::string serialize(const pugi::xml_document& document, XmlLayout layout, bool doctype_html) {
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (doctype_html) out << "<!DOCTYPE html>\n";
    const unsigned flags = pugi::format_no_declaration |
                           (layout == XmlLayout::indented ? pugi::format_indent : pugi::format_raw);
    document.save(out, "  ", flags, pugi::encoding_utf8);
    std::string text = out.str();
    if (text.empty() || text.back() != '\n') text += '\n';
    return text;
}

}  // namespace pamphlet::epub
