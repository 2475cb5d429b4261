// A paragraph can end without a blank line after it: the extractor lost the blank line, or a
// page started with the next paragraph or with a heading. The evidence is the shape of the
// lines: a short line that ends a sentence, followed by a line that starts a new one.
#include "readers/repair/passes.hpp"
#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers::repair {

namespace {

bool starts_upper(std::string_view text) {
    const char32_t c = first_letter(text);
    return c != 0 && (is_upper(c) || (c >= '0' && c <= '9'));
}

bool is_short(std::string_view text, const BodyMeasure& body) {
    return static_cast<double>(width(trim(text))) < 0.8 * body.width;
}

bool is_full(std::string_view text, const BodyMeasure& body) {
    return static_cast<double>(width(trim(text))) >= 0.85 * body.width;
}

// A heading-like line: upper case, not a full line, with at least two letters.
bool looks_like_heading(std::string_view text, const BodyMeasure& body) {
    std::size_t letters = 0;
    for (std::size_t i = 0; i < text.size();) letters += is_letter(next_code_point(text, i));
    return letters >= 2 && is_all_caps(text) && static_cast<double>(width(trim(text))) < 0.9 * body.width;
}

// Should the block be split before line `i`?
bool paragraph_ends_before(const Lines& lines, std::size_t i, const BodyMeasure& body) {
    const std::string_view previous = lines[i - 1].text;
    const std::string_view current = lines[i].text;
    if (!starts_upper(current)) return false;
    if (lines[i].page_start) {
        // A heading set at the top of the page, glued to the text before it.
        if (looks_like_heading(current, body) && ends_with_closing_punctuation(previous)) return true;
        if (ends_sentence(previous) && is_short(previous, body)) return true;
    }
    // A short line that ends a sentence inside running text (its predecessor is a full line).
    if (i >= 2 && ends_sentence(previous) && is_short(previous, body) && is_full(lines[i - 2].text, body) &&
        is_full(current, body))
        return true;
    return false;
}

}  // namespace

void split_glued_paragraphs(TextBlocks& blocks, const BodyMeasure& body, const RepairContext& context) {
    if (body.width <= 0) return;
    TextBlocks out;
    out.reserve(blocks.size());
    for (TextBlock& block : blocks) {
        if (block.indent > 0 || block.lines.size() < 2) {
            out.push_back(std::move(block));
            continue;
        }
        // Decide on the whole block first: the lines move into the parts afterwards.
        std::vector<bool> split_before(block.lines.size(), false);
        for (std::size_t i = 1; i < block.lines.size(); ++i) split_before[i] = paragraph_ends_before(block.lines, i, body);
        for (std::size_t i = 1; i < block.lines.size(); ++i)
            if (split_before[i])
                context.record(split_paragraphs_pass, block.lines[i].number,
                               block.lines[i - 1].text + "\n" + block.lines[i].text,
                               block.lines[i - 1].text + "\n\n" + block.lines[i].text,
                               "the line before ends a paragraph (short, closing punctuation) and this one "
                               "starts a new one, but no blank line separated them");
        // Recorded first: the lines move into the parts now.
        TextBlock part;
        part.kind = block.kind;
        for (std::size_t i = 0; i < block.lines.size(); ++i) {
            if (split_before[i]) {
                out.push_back(std::move(part));
                part = TextBlock{};
                part.kind = block.kind;
            }
            part.lines.push_back(std::move(block.lines[i]));
        }
        out.push_back(std::move(part));
    }
    blocks = std::move(out);
}

}  // namespace pamphlet::readers::repair
