// Blank lines separate blocks; everything finer (paragraph ends without a blank line, page
// breaks inside a paragraph) is left to the repair passes.
#include <algorithm>

#include "readers/repair/passes.hpp"
#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers::repair {

TextBlocks group_blocks(Lines lines) {
    TextBlocks blocks;
    TextBlock current;
    const auto flush = [&] {
        if (current.lines.empty()) return;
        std::size_t indent = std::string::npos;
        for (const Line& line : current.lines) indent = std::min(indent, leading_spaces(line.text));
        current.indent = static_cast<int>(indent);
        blocks.push_back(std::move(current));
        current = TextBlock{};
    };
    for (Line& line : lines) {
        if (trim(line.text).empty()) {
            flush();
            continue;
        }
        current.lines.push_back(std::move(line));
    }
    flush();
    return blocks;
}

BodyMeasure measure_body(const TextBlocks& blocks) {
    std::vector<std::size_t> widths;
    for (const TextBlock& block : blocks)
        for (std::size_t i = 0; i + 1 < block.lines.size(); ++i)
            if (leading_spaces(block.lines[i].text) == 0) widths.push_back(width(trim(block.lines[i].text)));
    if (widths.empty()) return {};
    std::nth_element(widths.begin(), widths.begin() + static_cast<long>(widths.size() / 2), widths.end());
    return {static_cast<double>(widths[widths.size() / 2])};
}

}  // namespace pamphlet::readers::repair
