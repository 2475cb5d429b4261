#include "epub/xhtml_document.hpp"

#include "epub/xml_text.hpp"

namespace pamphlet::epub {

pugi::xml_node start_xhtml(pugi::xml_document& document, std::string_view language, std::string_view title) {
    pugi::xml_node html = document.append_child("html");
    html.append_attribute("xmlns") = "http://www.w3.org/1999/xhtml";
    html.append_attribute("xmlns:epub") = "http://www.idpf.org/2007/ops";
    set_attribute(html, "xml:lang", language);
    set_attribute(html, "lang", language);
    pugi::xml_node head = html.append_child("head");
    head.append_child("meta").append_attribute("charset") = "utf-8";
    append_text(head.append_child("title"), title);
    pugi::xml_node link = head.append_child("link");
    link.append_attribute("rel") = "stylesheet";
    link.append_attribute("type") = "text/css";
    link.append_attribute("href") = stylesheet_file;
    return html.append_child("body");
}

}  // namespace pamphlet::epub
