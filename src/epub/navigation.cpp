#include "epub/navigation.hpp"

#include <algorithm>
#include <utility>

#include "epub/xhtml_document.hpp"
#include "epub/xml_text.hpp"

namespace pamphlet::epub {
namespace {

struct Target {
    std::string label;
    std::string href;
    int level = 1;
};

// The table of contents as flat entries: the opening text (when the book starts without a
// heading) under the book's title, then every outline heading.
std::vector<Target> contents_targets(const NavigationInput& input) {
    std::vector<Target> targets;
    const ContentDocument& first = input.plan.documents.front();
    if (!first.opens_with_heading) targets.push_back({input.title, first.file, 1});
    for (const OutlineEntry& entry : input.plan.outline)
        targets.push_back({entry.label, entry.file + "#" + entry.id, entry.level});
    return targets;
}

// Nests flat entries by level. A level deeper than its parent's by more than one is nested under
// that parent anyway (the list structure cannot skip levels).
template <typename AddChild>
void nest(const std::vector<Target>& targets, AddChild add_child) {
    // Each open entry: its level and the element its children go into.
    std::vector<std::pair<int, std::size_t>> open;
    for (std::size_t index = 0; index < targets.size(); ++index) {
        while (!open.empty() && open.back().first >= targets[index].level) open.pop_back();
        add_child(index, open.empty() ? targets.size() : open.back().second);
        open.emplace_back(targets[index].level, index);
    }
}

pugi::xml_node append_link(pugi::xml_node parent, const std::string& href, const std::string& label,
                           const char* epub_type = nullptr) {
    pugi::xml_node link = parent.append_child("a");
    if (epub_type != nullptr) link.append_attribute("epub:type") = epub_type;
    set_attribute(link, "href", href);
    append_text(link, label);
    return link;
}

// The navigation's own words ("Contents", "Landmarks"...) are English: in a book in another
// language they say so, so that a screen reader pronounces them right.
void mark_english(pugi::xml_node element, const std::string& book_language) {
    const bool english = book_language == "en" || book_language.starts_with("en-");
    if (english) return;
    element.append_attribute("lang") = "en";
    element.append_attribute("xml:lang") = "en";
}

// A <nav> of the given epub:type (also its id) with a heading that names it, and its list.
// `role` may be null (landmarks have no DPUB-ARIA role); hidden navs are for reading systems only.
pugi::xml_node append_nav(pugi::xml_node body, const char* type, const char* role, bool hidden,
                          const char* heading_element, const char* heading_text, const std::string& language) {
    pugi::xml_node nav = body.append_child("nav");
    nav.append_attribute("epub:type") = type;
    nav.append_attribute("id") = type;
    if (role != nullptr) nav.append_attribute("role") = role;
    if (hidden) nav.append_attribute("hidden") = "hidden";
    const std::string heading_id = std::string(type) + "-title";
    set_attribute(nav, "aria-labelledby", heading_id);
    pugi::xml_node heading = nav.append_child(heading_element);
    set_attribute(heading, "id", heading_id);
    append_text(heading, heading_text);
    mark_english(heading, language);
    return nav.append_child("ol");
}

}  // namespace

std::string navigation_document(const NavigationInput& input) {
    pugi::xml_document document;
    pugi::xml_node body = start_xhtml(document, input.language, input.title);

    pugi::xml_node top_list = append_nav(body, "toc", "doc-toc", false, "h1", "Contents", input.language);
    const std::vector<Target> targets = contents_targets(input);
    std::vector<pugi::xml_node> items(targets.size());
    nest(targets, [&](std::size_t index, std::size_t parent) {
        pugi::xml_node list = top_list;
        if (parent < targets.size()) {
            list = items[parent].child("ol");
            if (!list) list = items[parent].append_child("ol");
        }
        items[index] = list.append_child("li");
        append_link(items[index], targets[index].href, targets[index].label);
    });

    pugi::xml_node landmark_list = append_nav(body, "landmarks", nullptr, true, "h2", "Landmarks", input.language);
    mark_english(append_link(landmark_list.append_child("li"), input.cover_file, "Cover", "cover"), input.language);
    mark_english(append_link(landmark_list.append_child("li"), std::string(navigation_file) + "#toc", "Contents", "toc"),
                 input.language);
    mark_english(append_link(landmark_list.append_child("li"), input.plan.documents.front().file, "Start of text",
                             "bodymatter"),
                 input.language);

    if (!input.pages.empty()) {
        pugi::xml_node list = append_nav(body, "page-list", "doc-pagelist", true, "h2", "Pages of the print edition", input.language);
        for (const PlacedPageMarker& page : input.pages)
            append_link(list.append_child("li"), page.file + "#" + page.id, page.label);
    }
    return serialize(document, XmlLayout::indented, true);
}

std::string ncx_document(const NavigationInput& input) {
    pugi::xml_document document;
    pugi::xml_node ncx = document.append_child("ncx");
    ncx.append_attribute("xmlns") = "http://www.daisy.org/z3986/2005/ncx/";
    ncx.append_attribute("version") = "2005-1";
    set_attribute(ncx, "xml:lang", input.language);
    pugi::xml_node head = ncx.append_child("head");
    const std::vector<Target> targets = contents_targets(input);
    int depth = 0;
    std::vector<int> depths(targets.size(), 1);
    nest(targets, [&](std::size_t index, std::size_t parent) {
        depths[index] = parent < targets.size() ? depths[parent] + 1 : 1;
        depth = std::max(depth, depths[index]);
    });
    const std::pair<const char*, std::string> metadata[] = {
        {"dtb:uid", input.identifier}, {"dtb:depth", std::to_string(std::max(depth, 1))},
        {"dtb:totalPageCount", "0"}, {"dtb:maxPageNumber", "0"}};
    for (const auto& [name, content] : metadata) {
        pugi::xml_node meta = head.append_child("meta");
        meta.append_attribute("name") = name;
        set_attribute(meta, "content", content);
    }
    append_text(ncx.append_child("docTitle").append_child("text"), input.title);

    pugi::xml_node map = ncx.append_child("navMap");
    std::vector<pugi::xml_node> points(targets.size());
    nest(targets, [&](std::size_t index, std::size_t parent) {
        points[index] = (parent < targets.size() ? points[parent] : map).append_child("navPoint");
        set_attribute(points[index], "id", "navpoint-" + std::to_string(index + 1));
        points[index].append_attribute("playOrder") = static_cast<unsigned>(index + 1);
        append_text(points[index].append_child("navLabel").append_child("text"), targets[index].label);
        set_attribute(points[index].append_child("content"), "src", targets[index].href);
    });
    return serialize(document, XmlLayout::indented, false);
}

}  // namespace pamphlet::epub
