// Line-level tests the Muse block parser shares across its files.
#pragma once

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace pamphlet::readers::muse_lines {

inline std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

inline bool is_blank(std::string_view line) { return trim(line).empty(); }

// Columns of leading whitespace (a tab counts as up to the next multiple of 8, as Muse does).
inline std::size_t indent_of(std::string_view line) {
    std::size_t columns = 0;
    for (char c : line) {
        if (c == ' ') ++columns;
        else if (c == '\t') columns = (columns / 8 + 1) * 8;
        else break;
    }
    return columns;
}

// "<quote>" -> {"quote", false}; "</quote>" -> {"quote", true}; only for a tag alone on its line
// and at its start (an indented "<example>" is text, e.g. an example of Muse inside <example>).
struct BlockTag {
    std::string name;
    bool closing = false;
};
inline std::optional<BlockTag> block_tag_of(std::string_view line) {
    if (line.empty() || line.front() != '<') return std::nullopt;
    const std::string_view text = trim(line);
    if (text.size() < 3 || text.front() != '<' || text.back() != '>') return std::nullopt;
    std::string_view name = text.substr(1, text.size() - 2);
    BlockTag tag;
    if (!name.empty() && name.front() == '/') {
        tag.closing = true;
        name.remove_prefix(1);
    }
    const bool language = name.size() > 2 && name.front() == '[' && name.back() == ']';
    static constexpr std::string_view known[] = {"quote", "verse",  "center", "right", "example",
                                                 "comment", "biblio", "play", "verbatim"};
    bool is_known = language;
    for (std::string_view candidate : known) is_known = is_known || name == candidate;
    if (!is_known) return std::nullopt;
    tag.name = std::string(name);
    return tag;
}

// "* * * * *": five stars separated by whitespace, with any indentation.
inline bool is_scene_break(std::string_view line) {
    int stars = 0;
    for (char c : trim(line)) {
        if (c == '*') ++stars;
        else if (c != ' ' && c != '\t') return false;
    }
    return stars == 5 && trim(line).size() > 5;
}

// "----" alone: a horizontal rule.
inline bool is_rule(std::string_view line) {
    const std::string_view text = trim(line);
    return text.size() >= 4 && text.find_first_not_of('-') == std::string_view::npos;
}

// Heading level for "* Title" .. "***** Title" at the start of a line, 0 otherwise.
inline int heading_level(std::string_view line) {
    std::size_t stars = 0;
    while (stars < line.size() && line[stars] == '*') ++stars;
    if (stars == 0 || stars > 5 || stars >= line.size() || line[stars] != ' ') return 0;
    return is_blank(line.substr(stars)) ? 0 : static_cast<int>(stars);
}

// A footnote definition "[12] text" or "{3} text" at the very start of a line.
struct NoteStart {
    std::string label;
    bool secondary = false;
    std::size_t text_start = 0;  // where the note's own text begins on the line
};
inline std::optional<NoteStart> note_start_of(std::string_view line) {
    if (line.size() < 3 || (line[0] != '[' && line[0] != '{')) return std::nullopt;
    const char closing = line[0] == '[' ? ']' : '}';
    std::size_t end = 1;
    while (end < line.size() && std::isdigit(static_cast<unsigned char>(line[end]))) ++end;
    if (end == 1 || end > 7 || end >= line.size() || line[end] != closing) return std::nullopt;
    if (end + 1 < line.size() && line[end + 1] != ' ' && line[end + 1] != '\t') return std::nullopt;
    NoteStart start;
    start.label = std::string(line.substr(1, end - 1));
    start.secondary = closing == '}';
    start.text_start = std::min(end + 2, line.size());
    return start;
}

// A list item: indentation of at least one space, then "-", or "1.", "a.", "iv." and a space.
struct ListMarker {
    bool ordered = false;
    int value = 1;              // the number the marker stands for ("c." -> 3, "iv." -> 4)
    std::size_t indent = 0;
    std::size_t content = 0;    // byte offset where the item's text starts
};
inline int roman_value(std::string_view text) {
    int total = 0, previous = 0;
    for (auto it = text.rbegin(); it != text.rend(); ++it) {
        int value = 0;
        switch (std::tolower(static_cast<unsigned char>(*it))) {
            case 'i': value = 1; break;
            case 'v': value = 5; break;
            case 'x': value = 10; break;
            case 'l': value = 50; break;
            case 'c': value = 100; break;
            case 'd': value = 500; break;
            case 'm': value = 1000; break;
            default: return 0;
        }
        total += value < previous ? -value : value;
        previous = std::max(previous, value);
    }
    return total;
}
inline std::optional<ListMarker> list_marker_of(std::string_view line) {
    ListMarker marker;
    std::size_t at = 0;
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    marker.indent = indent_of(line);
    if (marker.indent == 0 || at >= line.size()) return std::nullopt;
    std::size_t end = at;
    if (line[at] == '-') {
        end = at + 1;
    } else {
        while (end < line.size() && std::isalnum(static_cast<unsigned char>(line[end]))) ++end;
        if (end == at || end >= line.size() || line[end] != '.') return std::nullopt;
        const std::string_view token = line.substr(at, end - at);
        bool digits = true;
        for (char c : token) digits = digits && std::isdigit(static_cast<unsigned char>(c));
        const bool letter = token.size() == 1 && std::isalpha(static_cast<unsigned char>(token[0]));
        if (digits && token.size() <= 6) marker.value = std::stoi(std::string(token));
        // A lone letter counts as a letter ("c." is 3), except "i." which starts roman lists.
        else if (letter && token != "i" && token != "I")
            marker.value = std::tolower(static_cast<unsigned char>(token[0])) - 'a' + 1;
        else if (roman_value(token) > 0 && token.size() <= 6) marker.value = roman_value(token);
        else return std::nullopt;
        marker.ordered = true;
        ++end;  // the '.'
    }
    if (end >= line.size() || (line[end] != ' ' && line[end] != '\t')) return std::nullopt;
    while (end < line.size() && (line[end] == ' ' || line[end] == '\t')) ++end;
    marker.content = end;
    return marker;
}

// A table row holds a cell separator: one to three "|" between spaces. "|+ caption +|" too.
inline bool is_table_line(std::string_view line) {
    const std::string_view text = trim(line);
    if (text.size() > 4 && text.substr(0, 2) == "|+" && text.substr(text.size() - 2) == "+|") return true;
    for (std::size_t at = 1; at + 1 < text.size(); ++at) {
        if (text[at] != '|' || (text[at - 1] != ' ' && text[at - 1] != '\t')) continue;
        std::size_t end = at;
        while (end < text.size() && text[end] == '|') ++end;
        if (end - at <= 3 && end < text.size() && (text[end] == ' ' || text[end] == '\t')) return true;
    }
    return false;
}

}  // namespace pamphlet::readers::muse_lines
