// A quotation set off from the text: its lines are indented, or (in text extracted from a PDF,
// where indents are lost) clearly narrower than the lines of the running text.
#include <algorithm>

#include "readers/repair/passes.hpp"
#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers::repair {

namespace {

bool narrower_than_body(const TextBlock& block, const BodyMeasure& body) {
    // The last line of a paragraph is short anyway; judge by the others, and only with enough
    // of them to tell a measure from chance.
    if (block.lines.size() < 4 || body.width <= 0) return false;
    double total = 0;
    double widest = 0;
    for (std::size_t i = 0; i + 1 < block.lines.size(); ++i) {
        const double w = static_cast<double>(width(trim(block.lines[i].text)));
        total += w;
        widest = std::max(widest, w);
    }
    const double mean = total / static_cast<double>(block.lines.size() - 1);
    return widest <= 0.92 * body.width && mean <= 0.9 * body.width && mean >= 0.5 * body.width;
}

}  // namespace

void classify_block_quotes(TextBlocks& blocks, const BodyMeasure& body) {
    for (TextBlock& block : blocks) {
        if (block.kind != BlockKind::paragraph) continue;
        // Indented prose; indented short lines (a table of contents) keep their own shape.
        bool has_prose_line = false;
        for (const Line& line : block.lines)
            has_prose_line = has_prose_line || static_cast<double>(width(trim(line.text))) >= 0.5 * body.width;
        const bool indented = block.indent >= 2 && !block.centered && has_prose_line;
        if (indented || (block.indent == 0 && narrower_than_body(block, body))) block.kind = BlockKind::block_quote;
    }
}

}  // namespace pamphlet::readers::repair
