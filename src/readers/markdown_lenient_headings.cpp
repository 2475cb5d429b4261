#include "readers/markdown_lenient_headings.hpp"

#include <algorithm>

#include "readers/markdown_text_helpers.hpp"

namespace pamphlet::readers {
namespace {

constexpr std::string_view no_break_space = "\xC2\xA0";

// The offset of the no-break space that follows a heading's "#" marks, or npos.
std::size_t heading_no_break_space(std::string_view line) {
    std::size_t at = 0;
    while (at < line.size() && at < 3 && line[at] == ' ') ++at;
    const std::size_t marks_start = at;
    while (at < line.size() && line[at] == '#') ++at;
    const std::size_t marks = at - marks_start;
    if (marks < 1 || marks > 6) return std::string_view::npos;
    return line.substr(at, no_break_space.size()) == no_break_space ? at : std::string_view::npos;
}

}  // namespace

std::string repair_heading_spaces(std::string_view text, const std::vector<std::pair<int, int>>& literal_lines,
                                  model::Report& report) {
    std::string out;
    out.reserve(text.size());
    const std::vector<std::string_view> lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int line_number = static_cast<int>(i) + 1;
        const std::string_view line = lines[i];
        const bool literal = std::any_of(literal_lines.begin(), literal_lines.end(), [&](const auto& range) {
            return line_number >= range.first && line_number <= range.second;
        });
        const std::size_t at = literal ? std::string_view::npos : heading_no_break_space(line);
        if (at == std::string_view::npos) {
            out.append(line);
        } else {
            std::string repaired(line.substr(0, at));
            repaired += ' ';
            repaired.append(line.substr(at + no_break_space.size()));
            report.repairs.push_back({"heading-space", line_number, std::string(line), repaired,
                                      "a no-break space after the heading marks stands for the space CommonMark needs"});
            out.append(repaired);
        }
        if (i + 1 < lines.size()) out += '\n';
    }
    return out;
}

}  // namespace pamphlet::readers
