// The plain-text reader: the input's lines go through the named repair passes in
// src/readers/repair/ (each recording its changes), then become model blocks.
#include "readers/plain_text.hpp"

#include <cstdint>
#include <cstring>

#include "readers/dictionary.hpp"
#include "readers/repair/passes.hpp"
#include "readers/repair/to_model.hpp"
#include "readers/repair/utf8_text.hpp"
#include "readers/repair/vocabulary.hpp"

namespace pamphlet::readers {

namespace {

using repair::Line;
using repair::Lines;

bool is_control(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
}

// Offset of the first control character in `text`, or its size. Most lines hold none: eight bytes
// are tested together until a group may hold one, then bytes one by one.
std::size_t first_control(std::string_view text) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t bytes = 0;
        std::memcpy(&bytes, text.data() + i, 8);
        const std::uint64_t below_space = (bytes - ones * 0x20) & ~bytes & high_bits;
        const std::uint64_t not_del = bytes ^ (ones * 0x7F);  // a zero byte where DEL was
        const std::uint64_t del = (not_del - ones) & ~not_del & high_bits;
        if ((below_space | del) != 0) break;
    }
    while (i < text.size() && !is_control(text[i])) ++i;
    return i;
}

// Splits the text into numbered lines with trailing spaces removed. A form feed is a page break:
// the line after it starts a page. Other control characters cannot be set and are dropped.
Lines split_lines(std::string_view text, const ReadOptions& options, model::Report& report) {
    Lines lines;
    int number = 1;
    bool page_break = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view raw = text.substr(start, end - start);
        // Most lines hold no control character: they are copied whole.
        const std::size_t clean = first_control(raw);
        std::string line(raw.substr(0, clean));
        bool dropped = false;
        for (auto c = raw.begin() + static_cast<long>(clean); c != raw.end(); ++c) {
            if (*c == '\f') {
                page_break = true;
            } else if (*c == '\t') {
                line += ' ';
            } else if (is_control(*c)) {
                dropped = true;
            } else {
                line += *c;
            }
        }
        if (dropped) report.warn(options.file_name, number, "control characters removed");
        while (!line.empty() && line.back() == ' ') line.pop_back();
        Line entry{std::move(line), number, false};
        if (page_break && !entry.text.empty()) {
            entry.page_start = true;
            page_break = false;
        }
        if (!(end == text.size() && entry.text.empty() && start == text.size())) lines.push_back(std::move(entry));
        start = end + 1;
        ++number;
    }
    return lines;
}

// True if `word` lowered (repair::to_lower) is `lower`, an ASCII word in lower case: only ASCII
// capitals need folding, since no letter beyond ASCII lowers to ASCII.
bool lowers_to(std::string_view word, std::string_view lower) {
    if (word.size() != lower.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != lower[i]) return false;
    }
    return true;
}

// The document's language from its most common short words: the text is all we have.
std::string guess_language(const Lines& lines) {
    int english = 0;
    int german = 0;
    std::vector<repair::Token> tokens;  // one buffer for every line
    for (const Line& line : lines) {
        repair::letter_tokens(line.text, tokens);
        for (const repair::Token& token : tokens) {
            // The words counted have two to five letters: longer or shorter tokens are skipped
            // before any comparison.
            if (token.end - token.begin < 2 || token.end - token.begin > 5) continue;
            const std::string_view word = std::string_view(line.text).substr(token.begin, token.end - token.begin);
            english += lowers_to(word, "the") || lowers_to(word, "and") || lowers_to(word, "of") || lowers_to(word, "is");
            german += lowers_to(word, "der") || lowers_to(word, "die") || lowers_to(word, "und") ||
                      lowers_to(word, "ist") || lowers_to(word, "nicht");
        }
    }
    return german > english ? "de" : "en";
}

}  // namespace

model::Document read_plain_text(std::string_view utf8_text, const ReadOptions& options, model::Report& report) {
    using namespace repair;
    const auto enabled = [&](std::string_view pass) { return !options.disabled_repairs.contains(std::string(pass)); };

    Lines lines = split_lines(utf8_text, options, report);
    model::Document document;
    document.metadata.language = options.language.empty() ? guess_language(lines) : options.language;
    // Loaded on the first question a repair asks, if any does.
    const Dictionary dictionary = options.dictionaries != nullptr
                                      ? Dictionary(document.metadata.language, *options.dictionaries)
                                      : Dictionary(document.metadata.language);
    if (!dictionary.available())
        report.warn(options.file_name, 0,
                    "no hunspell dictionary for '" + document.metadata.language +
                        "': word repairs rely on the document's own vocabulary");
    RepairContext context{options.file_name, report, dictionary, nullptr};

    if (enabled(page_starts_pass)) mark_page_starts(lines, context);
    if (enabled(page_furniture_pass)) remove_page_furniture(lines, context);
    const Vocabulary vocabulary(lines);
    context.vocabulary = &vocabulary;

    TextBlocks blocks = group_blocks(std::move(lines));
    const BodyMeasure body = measure_body(blocks);
    if (enabled(split_paragraphs_pass)) split_glued_paragraphs(blocks, body, context);
    if (enabled(join_paragraphs_pass)) join_split_paragraphs(blocks, body, context);
    classify_scene_breaks(blocks);
    classify_short_line_blocks(blocks, body);
    if (enabled(headings_pass)) classify_headings(blocks, body);
    if (enabled(block_quotes_pass)) classify_block_quotes(blocks, body);
    if (enabled(dehyphenate_pass)) dehyphenate(blocks, context);
    if (enabled(lost_spaces_pass)) restore_lost_spaces(blocks, context);

    std::map<std::string, NoteBody> notes;
    if (enabled(footnotes_pass)) notes = extract_note_bodies(blocks, context);
    document.blocks = to_model_blocks(blocks, notes);
    // A note body whose marker was never found stays in the text, where it was.
    for (auto& [label, body_blocks] : notes) {
        report.warn(options.file_name, body_blocks.line, "note [" + label + "] has no marker in the text; kept as a paragraph");
        for (TextBlock& block : body_blocks.blocks) block.lines.front().text = "[" + label + "] " + block.lines.front().text;
        std::map<std::string, NoteBody> none;
        for (model::Block& block : to_model_blocks(body_blocks.blocks, none)) document.blocks.push_back(std::move(block));
    }
    return document;
}

}  // namespace pamphlet::readers
