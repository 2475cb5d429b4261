#include "epub/cover.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include "epub/xhtml_document.hpp"
#include "epub/xml_text.hpp"
#include "model/diagnostics.hpp"

namespace pamphlet::epub {
namespace {

constexpr int cover_width = 600;
constexpr int cover_height = 900;

// Number of characters (not bytes) in UTF-8 text: line lengths are estimated in characters.
std::size_t character_count(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Greedy word wrap to at most `width` characters a line (a longer word gets a line of its own).
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::istringstream words{std::string(text)};
    std::string word;
    while (words >> word) {
        if (!lines.empty() && character_count(lines.back()) + 1 + character_count(word) <= width) {
            lines.back() += ' ' + word;
        } else {
            lines.push_back(word);
        }
    }
    return lines;
}

// Adds lines of centred text starting at baseline `y`; returns the baseline after the last line.
int add_lines(pugi::xml_node svg, const std::vector<std::string>& lines, int y, int size, const char* weight,
              const std::string& family) {
    for (const std::string& line : lines) {
        pugi::xml_node text = svg.append_child("text");
        text.append_attribute("x") = cover_width / 2;
        text.append_attribute("y") = y;
        text.append_attribute("text-anchor") = "middle";
        set_attribute(text, "font-family", family);
        text.append_attribute("font-size") = size;
        text.append_attribute("font-weight") = weight;
        text.append_attribute("fill") = "#1c1c1c";
        append_text(text, line);
        y += size * 5 / 4;
    }
    return y;
}

}  // namespace

std::string author_line(const model::Metadata& metadata) {
    std::vector<std::string> names;
    for (const model::Contributor& contributor : metadata.contributors)
        if (contributor.role == "aut" && !contributor.name.empty()) names.push_back(contributor.name);
    if (names.empty())
        for (const model::Contributor& contributor : metadata.contributors)
            if (!contributor.name.empty()) names.push_back(contributor.name);
    std::string line;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) line += ", ";
        line += names[i];
    }
    return line;
}

std::string cover_description(const model::Metadata& metadata) {
    // No English words: the description is read in the book's language.
    std::string description = metadata.title;
    if (!metadata.subtitle.empty()) description += ". " + metadata.subtitle;
    const std::string authors = author_line(metadata);
    if (!authors.empty()) description += " — " + authors;
    return description;
}

CoverImage typographic_cover(const model::Metadata& metadata, const layout::Style& style) {
    pugi::xml_document document;
    pugi::xml_node svg = document.append_child("svg");
    svg.append_attribute("xmlns") = "http://www.w3.org/2000/svg";
    svg.append_attribute("version") = "1.1";
    svg.append_attribute("width") = cover_width;
    svg.append_attribute("height") = cover_height;
    svg.append_attribute("viewBox") = "0 0 600 900";
    svg.append_attribute("role") = "img";
    svg.append_attribute("aria-labelledby") = "cover-title";
    if (is_language_tag(metadata.language)) set_attribute(svg, "xml:lang", metadata.language);
    pugi::xml_node title = svg.append_child("title");
    title.append_attribute("id") = "cover-title";
    append_text(title, cover_description(metadata));

    pugi::xml_node paper = svg.append_child("rect");
    paper.append_attribute("width") = cover_width;
    paper.append_attribute("height") = cover_height;
    paper.append_attribute("fill") = "#f3eee2";
    pugi::xml_node frame = svg.append_child("rect");
    frame.append_attribute("x") = 36;
    frame.append_attribute("y") = 36;
    frame.append_attribute("width") = cover_width - 72;
    frame.append_attribute("height") = cover_height - 72;
    frame.append_attribute("fill") = "none";
    frame.append_attribute("stroke") = "#1c1c1c";
    frame.append_attribute("stroke-width") = 3;

    const std::string family = "'" + style.font.family + "', serif";
    // Long titles get a smaller size so that they still fit the upper half of the cover.
    int title_size = 60;
    std::vector<std::string> title_lines = wrap(metadata.title, 15);
    if (title_lines.size() > 4) title_size = 42, title_lines = wrap(metadata.title, 22);
    if (title_lines.size() > 7) title_lines.resize(7), title_lines.back() += " …";
    int y = add_lines(svg, title_lines, 250, title_size, "normal", family);
    if (!metadata.subtitle.empty()) {
        auto subtitle_lines = wrap(metadata.subtitle, 28);
        if (subtitle_lines.size() > 4) subtitle_lines.resize(4), subtitle_lines.back() += " …";
        y = add_lines(svg, subtitle_lines, y + 20, 32, "normal", family);
    }
    auto author_lines = wrap(author_line(metadata), 26);
    if (!author_lines.empty()) {  // a short rule between the title block and the authors
        pugi::xml_node rule = svg.append_child("rect");
        rule.append_attribute("x") = cover_width / 2 - 60;
        rule.append_attribute("y") = std::max(y + 10, 560);
        rule.append_attribute("width") = 120;
        rule.append_attribute("height") = 2;
        rule.append_attribute("fill") = "#1c1c1c";
        if (author_lines.size() > 3) author_lines.resize(3), author_lines.back() += " …";
        add_lines(svg, author_lines, std::max(y + 80, 630), 34, "normal", family);
    }

    return {"images/cover.svg", "image/svg+xml", serialize(document, XmlLayout::indented, false)};
}

CoverImage cover_from_file(const std::filesystem::path& file) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    CoverImage cover;
    if (extension == ".png") cover = {"images/cover.png", "image/png", ""};
    else if (extension == ".jpg" || extension == ".jpeg") cover = {"images/cover.jpg", "image/jpeg", ""};
    else if (extension == ".gif") cover = {"images/cover.gif", "image/gif", ""};
    else if (extension == ".svg") cover = {"images/cover.svg", "image/svg+xml", ""};
    else throw model::InputError(file.string(), 0, 0, "the cover image must be PNG, JPEG, GIF or SVG");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw model::InputError(file.string(), 0, 0, "cannot read the cover image");
    cover.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return cover;
}

std::string cover_page(const CoverImage& cover, const model::Metadata& metadata, std::string_view language) {
    pugi::xml_document document;
    pugi::xml_node body = start_xhtml(document, language, metadata.title);
    body.append_attribute("class") = "cover";
    pugi::xml_node section = body.append_child("section");
    section.append_attribute("epub:type") = "cover";
    set_attribute(section, "aria-label", "Cover");
    pugi::xml_node image = section.append_child("img");
    image.append_attribute("class") = "cover";
    image.append_attribute("role") = "doc-cover";
    set_attribute(image, "src", cover.path);
    set_attribute(image, "alt", cover_description(metadata));
    return serialize(document, XmlLayout::compact, true);
}

}  // namespace pamphlet::epub
