// PDF extractors often begin each page's first line with a space. It is neither an indent nor a
// paragraph start, but it tells later passes where pages began (a paragraph may continue across
// it, a heading may be glued to it).
#include "readers/repair/passes.hpp"
#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers::repair {

namespace {

bool is_blank(const Line& line) { return trim(line.text).empty(); }

// The nearest non-blank line in direction `step`, or nullptr.
const Line* neighbour(const Lines& lines, std::size_t index, int step) {
    for (long i = static_cast<long>(index) + step; i >= 0 && i < static_cast<long>(lines.size()); i += step)
        if (!is_blank(lines[static_cast<std::size_t>(i)])) return &lines[static_cast<std::size_t>(i)];
    return nullptr;
}

bool single_space_lead(const Line& line) {
    return line.text.size() > 1 && line.text[0] == ' ' && line.text[1] != ' ' && line.text[1] != '\t';
}

}  // namespace

void mark_page_starts(Lines& lines, const RepairContext& context) {
    // Only texts whose body is set flush left carry this signal; in an indented text a single
    // space means something else.
    std::size_t non_blank = 0;
    std::size_t flush = 0;
    for (const Line& line : lines) {
        if (is_blank(line)) continue;
        ++non_blank;
        flush += leading_spaces(line.text) == 0;
    }
    if (non_blank == 0 || flush < non_blank * 9 / 10) return;

    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& line = lines[i];
        if (!single_space_lead(line)) continue;
        const Line* before = neighbour(lines, i, -1);
        const Line* after = neighbour(lines, i, +1);
        // Running text around it (on at least one side: the other may be a centred line).
        const bool flush_before = before == nullptr || leading_spaces(before->text) == 0;
        const bool flush_after = after == nullptr || leading_spaces(after->text) == 0;
        if (!flush_before && !flush_after) continue;
        const std::string before_text = line.text;
        line.text.erase(0, 1);
        line.page_start = true;
        context.record(page_starts_pass, line.number, before_text, line.text,
                       "a single leading space marks the first line of an extracted page, not an indent");
    }
}

}  // namespace pamphlet::readers::repair
