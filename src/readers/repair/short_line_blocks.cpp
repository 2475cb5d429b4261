// Blocks whose line breaks are part of the text: title pages, addresses, centred display lines,
// and "* * *" scene breaks.
#include "readers/repair/passes.hpp"
#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers::repair {

namespace {

bool is_scene_break(std::string_view text) {
    text = trim(text);
    if (text.empty()) return false;
    std::size_t marks = 0;
    for (char c : text) {
        if (c == '*' || c == '#' || c == '~') {
            ++marks;
        } else if (c != ' ') {
            return false;
        }
    }
    return marks >= 3 || text == "* *";
}

}  // namespace

void classify_scene_breaks(TextBlocks& blocks) {
    for (TextBlock& block : blocks)
        if (block.lines.size() == 1 && is_scene_break(block.lines.front().text)) block.kind = BlockKind::scene_break;
}

void classify_short_line_blocks(TextBlocks& blocks, const BodyMeasure& body) {
    for (TextBlock& block : blocks) {
        if (block.kind != BlockKind::paragraph) continue;
        bool all_short = true;
        bool all_far_in = true;
        for (const Line& line : block.lines) {
            const std::size_t lead = leading_spaces(line.text);
            const double w = static_cast<double>(width(trim(line.text)));
            all_short = all_short && w < 0.6 * body.width;
            // Centred: the line's left margin is a good part of the empty room on the line.
            all_far_in = all_far_in && lead >= 6 && static_cast<double>(lead) >= 0.2 * (body.width - w);
        }
        block.centered = all_far_in;
        // ALL-CAPS blocks that are not centred are left for the heading pass.
        const bool caps = is_all_caps(block.lines.front().text) && block.lines.size() <= 3;
        const bool indented_short = block.indent >= 2 && all_short;
        if (all_far_in || indented_short || (block.lines.size() > 1 && all_short && !caps))
            block.kind = BlockKind::lines;
    }
}

}  // namespace pamphlet::readers::repair
