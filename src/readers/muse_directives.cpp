#include "readers/muse_directives.hpp"

#include <algorithm>
#include <cctype>

#include "model/text.hpp"
#include "readers/front_matter.hpp"
#include "readers/muse_inlines.hpp"

namespace pamphlet::readers {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

// Directive values may hold inline markup ("#title The =manual="); metadata wants plain text.
std::string plain_text(std::string_view value) {
    const MuseNoteLabels no_notes;
    const std::function<void(const std::string&)> ignore = [](const std::string&) {};
    std::string text = model::visible_text(parse_muse_inlines(value, no_notes, ignore));
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::string out;
    for (char c : text) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    return std::string(trim(out));
}

std::vector<std::string> split_names(std::string_view list) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find_first_of(";,", start);
        if (end == std::string_view::npos) end = list.size();
        const std::string name = plain_text(list.substr(start, end - start));
        if (!name.empty()) names.push_back(name);
        start = end + 1;
    }
    return names;
}

bool is_directive(std::string_view line) {
    return line.size() > 1 && line[0] == '#' && std::isalpha(static_cast<unsigned char>(line[1]));
}

}  // namespace

MuseHeader read_muse_header(const std::vector<std::string_view>& lines, const std::string& file_name,
                            model::Report& report) {
    MuseHeader header;
    std::string author, sort_authors, notes, teaser;
    std::size_t i = 0;
    for (; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (trim(line).empty()) continue;
        if (!is_directive(line)) break;
        const std::size_t space = line.find_first_of(" \t");
        const std::string name = lower(line.substr(1, space == std::string_view::npos ? line.size() - 1 : space - 1));
        const std::string_view raw = space == std::string_view::npos ? std::string_view{} : trim(line.substr(space));
        const int line_number = static_cast<int>(i) + 1;
        model::Metadata& meta = header.metadata;
        if (name == "title") meta.title = plain_text(raw);
        else if (name == "subtitle") meta.subtitle = plain_text(raw);
        else if (name == "author") author = raw;
        else if (name == "sortauthors") sort_authors = raw;
        else if (name == "translator") {
            for (std::string& person : split_names(raw)) meta.contributors.push_back({std::move(person), "trl"});
        } else if (name == "lang") {
            meta.language = plain_text(raw);
            header.has_language = !meta.language.empty();
            if (!looks_like_language_tag(meta.language))
                report.warn(file_name, line_number, "'" + meta.language + "' does not look like a language code");
        } else if (name == "date" || name == "pubdate") {
            if (meta.date.empty() || name == "date") meta.date = plain_text(raw);
        } else if (name == "source") meta.source = plain_text(raw);
        else if (name == "notes") notes = plain_text(raw);
        else if (name == "teaser") teaser = plain_text(raw);
        else if (name == "rights") meta.rights = plain_text(raw);
        else if (name == "cover") {  // amusewiki's cover image, relative to the file
            meta.cover_image = std::string(raw);
            meta.cover_named_at = {file_name, line_number};
        }
        else if (name == "listtitle" || name == "sorttopics" || name == "topics" || name == "uid" ||
                 name == "slides" || name == "nocoverpage" || name == "notoc" || name == "nofinalpage")
            continue;  // amusewiki's indexing and layout switches: nothing for a pamphlet
        else report.warn(file_name, line_number, "Muse directive #" + name + " is not used");
    }
    // #author is what is displayed ("Marx and Engels"); #SORTauthors lists the people one by one.
    std::vector<std::string> people = sort_authors.empty() ? std::vector<std::string>{} : split_names(sort_authors);
    if (people.empty() && !author.empty()) people.push_back(plain_text(author));
    auto& contributors = header.metadata.contributors;
    for (auto it = people.rbegin(); it != people.rend(); ++it) contributors.insert(contributors.begin(), {*it, "aut"});
    header.metadata.description = teaser.empty() ? notes : teaser;
    header.body_start = i;
    return header;
}

}  // namespace pamphlet::readers
