#include "epub/xml_text.hpp"

#include <sstream>

#include "model/text.hpp"

namespace pamphlet::epub {
namespace {

bool allowed_in_xml(char32_t c) {
    if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
    return c != 0xFFFE && c != 0xFFFF;
}

}  // namespace

std::string xml_safe(std::string_view text) {
    return model::filter_utf8(text, allowed_in_xml);
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
