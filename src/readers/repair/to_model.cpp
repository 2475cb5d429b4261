#include "readers/repair/to_model.hpp"

#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers::repair {

namespace {

bool ends_with_attached_dash(std::string_view text) {
    if (text.ends_with("--") && text.size() > 2 && text[text.size() - 3] != ' ') return true;
    for (std::string_view dash : {std::string_view("\u2014"), std::string_view("\u2013")}) {
        if (text.ends_with(dash) && text.size() > dash.size()) {
            const char before = text[text.size() - dash.size() - 1];
            // An em dash against its word, or an en dash after a number ("1928–" / "1935").
            if (dash == "\u2014" ? before != ' ' : std::isdigit(static_cast<unsigned char>(before)) != 0) return true;
        }
    }
    return false;
}

bool word_character_at(std::string_view text, std::size_t i) {
    if (i >= text.size()) return false;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    return std::isalnum(c) != 0 || c >= 0x80;
}

void append_text(model::Inlines& inlines, std::string_view text) {
    if (text.empty()) return;
    if (!inlines.empty())
        if (auto* last = std::get_if<model::Text>(&inlines.back().value)) {
            last->text += text;
            return;
        }
    inlines.push_back(model::Text{std::string(text)});
}

// The closing "_" of an emphasis opened at `open`, or npos.
std::size_t closing_underscore(std::string_view text, std::size_t open) {
    for (std::size_t i = open + 2; i < text.size(); ++i) {
        if (text[i] != '_') continue;
        if (text[i - 1] != ' ' && !word_character_at(text, i + 1)) return i;
    }
    return std::string_view::npos;
}

model::Inlines parse(std::string_view text, std::map<std::string, NoteBody>& notes);
model::Inlines parse_joined(std::string text, std::map<std::string, NoteBody>& notes);

model::Blocks note_blocks(const TextBlocks& blocks, std::map<std::string, NoteBody>& notes) {
    model::Blocks out;
    for (const TextBlock& block : blocks) {
        model::Paragraph paragraph;
        paragraph.content = parse_joined(join_lines(block.lines), notes);
        if (!paragraph.content.empty()) out.emplace_back(std::move(paragraph), model::SourcePosition{block.lines.front().number, 1});
    }
    return out;
}

model::Inlines parse(std::string_view text, std::map<std::string, NoteBody>& notes) {
    model::Inlines inlines;
    std::size_t plain_start = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '_' && (i == 0 || !word_character_at(text, i - 1)) && i + 1 < text.size() &&
            text[i + 1] != ' ' && text[i + 1] != '_') {
            const std::size_t close = closing_underscore(text, i);
            if (close != std::string_view::npos) {
                append_text(inlines, text.substr(plain_start, i - plain_start));
                model::Emphasis emphasis;
                emphasis.children = parse(text.substr(i + 1, close - i - 1), notes);
                inlines.emplace_back(std::move(emphasis));
                i = close + 1;
                plain_start = i;
                continue;
            }
        }
        if (c == '[' && i > 0 && text[i - 1] != ' ') {
            const std::size_t close = text.find(']', i);
            if (close != std::string_view::npos && close - i >= 2 && close - i <= 4) {
                const std::string label(text.substr(i + 1, close - i - 1));
                auto note = notes.find(label);
                if (label.find_first_not_of("0123456789") == std::string::npos && note != notes.end()) {
                    append_text(inlines, text.substr(plain_start, i - plain_start));
                    NoteBody body = std::move(note->second);
                    notes.erase(note);
                    model::NoteReference reference;
                    reference.source_label = label;
                    reference.position = {body.line, 1};
                    reference.body = note_blocks(body.blocks, notes);
                    inlines.emplace_back(std::move(reference));
                    i = close + 1;
                    plain_start = i;
                    continue;
                }
            }
        }
        ++i;
    }
    append_text(inlines, text.substr(plain_start));
    return inlines;
}

// parse for running text this function owns: text without "_" or "[" holds no markup and becomes
// one Text as it is, moved rather than copied (most paragraphs of a novel).
model::Inlines parse_joined(std::string text, std::map<std::string, NoteBody>& notes) {
    if (text.find('_') != std::string::npos || text.find('[') != std::string::npos) return parse(text, notes);
    model::Inlines inlines;
    if (!text.empty()) inlines.push_back(model::Text{std::move(text)});
    return inlines;
}

model::Inlines with_line_breaks(const Lines& lines, std::map<std::string, NoteBody>& notes) {
    model::Inlines inlines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) inlines.emplace_back(model::LineBreak{});
        for (model::Inline& inline_ : parse(trim(lines[i].text), notes)) inlines.push_back(std::move(inline_));
    }
    return inlines;
}

}  // namespace

std::string join_lines(const Lines& lines) {
    std::string text;
    std::size_t size = 0;
    for (const Line& line : lines) size += line.text.size() + 1;
    text.reserve(size);
    for (const Line& line : lines) {
        const std::string_view part = trim(line.text);
        if (part.empty()) continue;
        if (!text.empty() && !ends_with_attached_dash(text)) text += ' ';
        text += part;
    }
    return text;
}

model::Inlines to_inlines(std::string_view text, std::map<std::string, NoteBody>& notes) { return parse(text, notes); }

model::Blocks to_model_blocks(const TextBlocks& blocks, std::map<std::string, NoteBody>& notes) {
    model::Blocks out;
    for (const TextBlock& block : blocks) {
        const model::SourcePosition where{block.lines.empty() ? 0 : block.lines.front().number, 1};
        switch (block.kind) {
            case BlockKind::scene_break: out.emplace_back(model::SceneBreak{}, where); break;
            case BlockKind::section_heading:
            case BlockKind::subsection_heading:
            case BlockKind::notes_heading: {
                model::Heading heading;
                heading.level = block.heading_level > 0 ? block.heading_level
                                : block.kind == BlockKind::subsection_heading ? 2
                                                                               : 1;
                heading.content = parse_joined(join_lines(block.lines), notes);
                out.emplace_back(std::move(heading), where);
                break;
            }
            case BlockKind::block_quote: {
                model::Paragraph paragraph;
                paragraph.content = parse_joined(join_lines(block.lines), notes);
                model::BlockQuote quote;
                quote.children.emplace_back(std::move(paragraph), where);
                out.emplace_back(std::move(quote), where);
                break;
            }
            case BlockKind::lines: {
                model::Paragraph paragraph;
                paragraph.content = with_line_breaks(block.lines, notes);
                paragraph.alignment = block.centered ? model::Alignment::center : model::Alignment::left;
                paragraph.no_indent = true;
                out.emplace_back(std::move(paragraph), where);
                break;
            }
            case BlockKind::paragraph: {
                model::Paragraph paragraph;
                if (block.centered) {
                    paragraph.content = with_line_breaks(block.lines, notes);
                    paragraph.alignment = model::Alignment::center;
                    paragraph.no_indent = true;
                } else {
                    paragraph.content = parse_joined(join_lines(block.lines), notes);
                }
                out.emplace_back(std::move(paragraph), where);
                break;
            }
        }
    }
    return out;
}

}  // namespace pamphlet::readers::repair
