// A page break in the source can leave a blank line in the middle of a paragraph. The two parts
// belong together when the first stops mid-sentence and the second continues it.
#include "readers/repair/passes.hpp"
#include "readers/repair/utf8_text.hpp"
#include "readers/repair/vocabulary.hpp"

namespace pamphlet::readers::repair {

namespace {

// The first part stops where no sentence or clause can end.
bool stops_mid_sentence(std::string_view last_line) {
    const char32_t c = last_code_point(last_line);
    return is_letter(c) || (c >= '0' && c <= '9') || c == ',' || c == ';' || ends_with_broken_word(last_line);
}

bool is_prose(const TextBlock& block) {
    return block.kind == BlockKind::paragraph && block.indent == 0 && !is_all_caps(block.lines.front().text);
}

}  // namespace

void join_split_paragraphs(TextBlocks& blocks, const BodyMeasure& body, const RepairContext& context) {
    TextBlocks out;
    out.reserve(blocks.size());
    for (TextBlock& block : blocks) {
        if (!out.empty() && is_prose(out.back()) && is_prose(block)) {
            TextBlock& first = out.back();
            const std::string_view last_line = trim(first.lines.back().text);
            const char32_t next_letter = first_letter(block.lines.front().text);
            const bool continues_lower = next_letter != 0 && is_lower(next_letter);
            // The first part ran to the foot of its page: its last line is a full line. (A short
            // last line ends a paragraph, or is a heading.)
            const double last_width = static_cast<double>(width(last_line));
            const bool full_last_line = last_width >= 0.75 * body.width;
            const bool continues_any_case = last_width >= 0.9 * body.width && first.lines.size() > 1 &&
                                            next_letter != 0 && block.lines.size() > 1;
            if (stops_mid_sentence(last_line) && full_last_line && (continues_lower || continues_any_case)) {
                context.record(join_paragraphs_pass, block.lines.front().number,
                               std::string(last_line) + "\n\n" + block.lines.front().text,
                               std::string(last_line) + "\n" + block.lines.front().text,
                               "a page break split this paragraph: the first part stops mid-sentence and the "
                               "next continues it");
                for (Line& line : block.lines) first.lines.push_back(std::move(line));
                continue;
            }
        }
        out.push_back(std::move(block));
    }
    blocks = std::move(out);
}

}  // namespace pamphlet::readers::repair
