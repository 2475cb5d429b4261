// Lone page numbers and running heads are page furniture of the original print, not text.
// Every removed line is listed in the report, so nothing disappears silently.
#include <algorithm>
#include <map>
#include <string>

#include "readers/repair/passes.hpp"
#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers::repair {

namespace {

bool is_blank(std::string_view text) { return trim(text).empty(); }

// "12", "- 12 -", "[12]", "Page 12", "12 of 40". Decided at the first character that rules the
// line out (a letter, in most lines), since every line of the text is asked.
bool is_page_number(std::string_view text) {
    std::string_view t = trim(text);
    if (t.starts_with("Page ") || t.starts_with("page ")) t.remove_prefix(5);
    int digits = 0;
    bool words_allowed = false;  // letters only as in "12 of 40"; looked up at the first letter
    for (std::size_t i = 0; i < t.size();) {
        const char32_t c = next_code_point(t, i);
        if (c >= '0' && c <= '9') {
            if (++digits > 4) return false;
        } else if (is_letter(c)) {
            if (!words_allowed) {
                // Words only as in "12 of 40", which has digits: prose ends here.
                if (t.find(" of ") == std::string_view::npos ||
                    std::none_of(t.begin(), t.end(), [](char d) { return d >= '0' && d <= '9'; }))
                    return false;
                words_allowed = true;
            }
        } else if (!(c == ' ' || c == '-' || c == 0x2013 || c == 0x2014 || c == '[' || c == ']' ||
                     c == '(' || c == ')' || c == '|')) {
            return false;
        }
    }
    return digits >= 1;
}

// A running head compared without its page number.
std::string head_key(std::string_view text) {
    std::string key;
    for (char c : trim(text))
        if (!(c >= '0' && c <= '9')) key += c;
    return std::string(trim(key));
}

// A lone page number is a line of its own: blank (or the text's edge) above and below, or
// directly before a page-start line.
bool stands_alone(const Lines& lines, std::size_t i) {
    const bool blank_before = i == 0 || is_blank(lines[i - 1].text);
    const bool blank_after = i + 1 == lines.size() || is_blank(lines[i + 1].text);
    const bool page_follows = i + 1 < lines.size() && lines[i + 1].page_start;
    return (blank_before && blank_after) || page_follows || (blank_before && i + 1 < lines.size() && lines[i + 1].page_start);
}

// The lines within two lines of a page boundary (a lone page number or the first line of a page),
// not counting the boundary line itself: the only places a running head stands.
std::vector<bool> near_page_boundary(const Lines& lines, const std::vector<bool>& numbers) {
    std::vector<bool> near(lines.size(), false);
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (!numbers[k] && !lines[k].page_start) continue;
        for (std::size_t i = (k >= 2 ? k - 2 : 0); i <= k + 2 && i < lines.size(); ++i)
            if (i != k) near[i] = true;
    }
    return near;
}

}  // namespace

void remove_page_furniture(Lines& lines, const RepairContext& context) {
    std::vector<bool> remove(lines.size(), false);
    std::vector<bool> numbers(lines.size(), false);
    int number_lines = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_page_number(lines[i].text) && stands_alone(lines, i)) {
            numbers[i] = true;
            ++number_lines;
        }
    }
    // A single lone number is more likely a list label or a year than a page number.
    if (number_lines < 2) numbers.assign(lines.size(), false);

    // Only lines near a page boundary can be running heads: that cheap test goes first, so that
    // the keys of all the other lines (most of a novel) are never built.
    const std::vector<bool> near_boundary = near_page_boundary(lines, numbers);
    std::map<std::string, int> head_counts;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (numbers[i] || !near_boundary[i]) continue;
        const std::string key = head_key(lines[i].text);
        if (key.empty() || width(key) > 70) continue;
        ++head_counts[key];
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (numbers[i]) {
            remove[i] = true;
            context.record(page_furniture_pass, lines[i].number, lines[i].text, "",
                           "a lone page number from the original print");
            continue;
        }
        if (!near_boundary[i]) continue;
        const std::string key = head_key(lines[i].text);
        const auto counted = head_counts.find(key);
        if (key.empty() || counted == head_counts.end() || counted->second < 3) continue;
        // A one-word key ("CHAPTER" from "CHAPTER 3") only counts when the lines are identical.
        const bool one_word = key.find(' ') == std::string::npos;
        if (one_word && key != trim(lines[i].text)) continue;
        remove[i] = true;
        context.record(page_furniture_pass, lines[i].number, lines[i].text, "",
                       "a running head repeated at page boundaries");
    }
    Lines kept;
    kept.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!remove[i]) {
            kept.push_back(std::move(lines[i]));
        } else if (i + 1 < lines.size() && lines[i].page_start) {
            lines[i + 1].page_start = true;  // the page still started here
        }
    }
    lines = std::move(kept);
}

}  // namespace pamphlet::readers::repair
