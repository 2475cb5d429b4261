// Headings in extracted text have no markup, only a shape: ALL-CAPS lines standing alone (a long
// one may be broken over two lines) are sections; a short line standing alone between paragraphs
// is a subsection. The text is kept as written; the style may set it in small caps.
#include "readers/repair/passes.hpp"
#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers::repair {

namespace {

std::size_t letter_count(std::string_view text) {
    std::size_t letters = 0;
    for (std::size_t i = 0; i < text.size();) letters += is_letter(next_code_point(text, i));
    return letters;
}

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\t';
        words += !space && !in_word;
        in_word = !space;
    }
    return words;
}

bool is_notes_heading(std::string_view text) {
    std::string key = to_lower(trim(text));
    while (!key.empty() && (key.back() == ':' || key.back() == '.')) key.pop_back();
    return key == "footnotes" || key == "notes" || key == "endnotes" || key == "anmerkungen" ||
           key == "fußnoten";
}

bool is_section_heading(const TextBlock& block, const BodyMeasure& body) {
    if (block.lines.size() > 3 || block.centered) return false;
    std::size_t letters = 0;
    for (const Line& line : block.lines) {
        const std::string_view text = trim(line.text);
        if (!is_all_caps(text) || static_cast<double>(width(text)) >= 0.9 * body.width) return false;
        if (text.front() == '[') return false;  // "[Illustration: ...]"
        letters += letter_count(text);
    }
    return letters >= 2;
}

bool is_prose_paragraph(const TextBlock& block) {
    return block.kind == BlockKind::paragraph && !is_all_caps(block.lines.front().text) &&
           (block.lines.size() > 1 || word_count(block.lines.front().text) > 12);
}

bool is_subsection_heading(const TextBlocks& blocks, std::size_t i, const BodyMeasure& body) {
    const TextBlock& block = blocks[i];
    if (block.lines.size() != 1 || block.indent > 0 || i == 0 || i + 1 >= blocks.size()) return false;
    const std::string_view text = trim(block.lines.front().text);
    const char32_t first = first_letter(text);
    if (first == 0 || !is_upper(first) || text.front() == '[') return false;
    if (static_cast<double>(width(text)) > std::min(60.0, 0.65 * body.width) || word_count(text) > 8) return false;
    // A heading is no sentence: it does not end with punctuation, inside closing quotes or not.
    const char32_t last = last_before_closing_marks(text);
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-' || last == '!' || last == '?' ||
        last == 0x2026)
        return false;
    // Nor is it speech: novels are full of short lines of dialogue standing alone.
    if (opens_with_quotation_mark(text)) return false;
    // Standing alone between paragraphs (or after a heading).
    const TextBlock& previous = blocks[i - 1];
    const bool after_text = is_prose_paragraph(previous) || previous.kind == BlockKind::section_heading;
    return after_text && is_prose_paragraph(blocks[i + 1]);
}

}  // namespace

void classify_headings(TextBlocks& blocks, const BodyMeasure& body) {
    for (TextBlock& block : blocks) {
        if (block.kind != BlockKind::paragraph) continue;
        if (block.lines.size() == 1 && is_notes_heading(block.lines.front().text)) {
            block.kind = BlockKind::notes_heading;
        } else if (is_section_heading(block, body)) {
            block.kind = BlockKind::section_heading;
        }
    }
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (blocks[i].kind == BlockKind::paragraph && is_subsection_heading(blocks, i, body))
            blocks[i].kind = BlockKind::subsection_heading;
}

}  // namespace pamphlet::readers::repair
