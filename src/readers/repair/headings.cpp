// Headings in extracted text have no markup, only a shape: ALL-CAPS lines standing alone (a long
// one may be broken over two lines) are sections; a short line standing alone between paragraphs
// is a subsection. The text is kept as written; the style may set it in small caps.
#include <string>
#include <vector>

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

// The first `count` words of a heading, lower case, without the punctuation around them.
std::vector<std::string> leading_words(std::string_view text, std::size_t count) {
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i < text.size() && words.size() < count;) {
        const char32_t c = next_code_point(text, i);
        if (is_letter(c)) {
            append_code_point(word, to_lower(c));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty() && words.size() < count) words.push_back(std::move(word));
    return words;
}

// "BOOK ONE: 1805", "PART II.", "FIRST EPILOGUE", "ERSTER TEIL": a division above chapters.
bool is_division_heading(std::string_view text) {
    static constexpr std::string_view division_words[] = {
        "book", "part", "volume", "epilogue", "livre", "partie", "tome", "buch", "teil", "band",
        "\u043A\u043D\u0438\u0433\u0430", "\u0447\u0430\u0441\u0442\u044C", "\u0442\u043E\u043C"};
    for (const std::string& word : leading_words(text, 2))
        for (std::string_view division : division_words)
            if (word == division) return true;
    return false;
}

// "CHAPTER I", "CHAPITRE PREMIER", "KAPITEL 3".
bool is_chapter_heading(std::string_view text) {
    static constexpr std::string_view chapter_words[] = {
        "chapter", "chap", "chapitre", "kapitel", "cap\u00EDtulo", "capitolo", "\u0433\u043B\u0430\u0432\u0430"};
    const std::vector<std::string> words = leading_words(text, 1);
    if (words.empty()) return false;
    for (std::string_view chapter : chapter_words)
        if (words.front() == chapter) return true;
    return false;
}

std::string block_text(const TextBlock& block) {
    std::string text;
    for (const Line& line : block.lines) text += std::string(trim(line.text)) + " ";
    return text;
}

// A book in divisions of chapters (War and Peace: BOOK ONE, CHAPTER I...) has both as ALL-CAPS
// lines, which would all be sections. When both kinds repeat, the divisions stay level 1, the
// chapters become level 2, and any other heading after the first division nests below the
// latest of them: an ALL-CAPS line inside a chapter (a letter's signature, a proclamation's
// title) must not end the book in the contents. Headings before the first division (preface,
// introduction) keep their levels.
void rank_divisions_and_chapters(TextBlocks& blocks) {
    std::size_t divisions = 0, chapters = 0;
    for (const TextBlock& block : blocks) {
        if (block.kind != BlockKind::section_heading) continue;
        const std::string text = block_text(block);
        divisions += is_division_heading(text);
        chapters += is_chapter_heading(text);
    }
    if (divisions < 2 || chapters < 2) return;
    int depth = 0;  // 0 before the first division, 1 inside a division, 2 inside a chapter
    for (TextBlock& block : blocks) {
        const bool section = block.kind == BlockKind::section_heading;
        if (!section && block.kind != BlockKind::subsection_heading) continue;
        const std::string text = block_text(block);
        if (section && is_division_heading(text)) {
            block.heading_level = 1;
            depth = 1;
        } else if (section && is_chapter_heading(text) && depth > 0) {
            block.heading_level = 2;
            depth = 2;
        } else if (depth > 0) {
            block.heading_level = depth + 1;
        }
    }
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
    rank_divisions_and_chapters(blocks);
}

}  // namespace pamphlet::readers::repair
