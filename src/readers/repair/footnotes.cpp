// Notes in extracted text: markers such as "[1]" in the running text, and bodies that start with
// the same label, either in a notes section at the end ("FOOTNOTES:") or as a block at a page
// foot. Bodies are taken out of the text here and attached to their references when the
// document is built, so that each backend can place them.
#include <set>

#include "readers/repair/note_markers.hpp"
#include "readers/repair/passes.hpp"
#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers::repair {

namespace {

// "[12] text" -> "12"; "12. text" -> "12" (only inside a notes section); else "".
std::string note_label(std::string_view text, bool in_notes_section) {
    text = trim(text);
    std::size_t digits = 0;
    if (!text.empty() && text.front() == '[') {
        while (1 + digits < text.size() && std::isdigit(static_cast<unsigned char>(text[1 + digits]))) ++digits;
        if (digits == 0 || digits > 3 || 1 + digits >= text.size() || text[1 + digits] != ']') return "";
        return std::string(text.substr(1, digits));
    }
    if (!in_notes_section) return "";
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    if (digits == 0 || digits > 3 || digits + 1 >= text.size()) return "";
    if ((text[digits] == '.' || text[digits] == ')') && text[digits + 1] == ' ') return std::string(text.substr(0, digits));
    return "";
}

// Strips the label from a body's first line ("[1] I call it" -> "I call it").
void strip_label(TextBlock& block) {
    std::string& text = block.lines.front().text;
    const std::string_view trimmed = trim(text);
    std::size_t end = trimmed.front() == '[' ? trimmed.find(']') + 1 : trimmed.find_first_of(".)") + 1;
    text = std::string(trim(trimmed.substr(end)));
}

// Labels of the "[n]" markers in the running text.
std::set<std::string> marker_labels(const TextBlocks& blocks) {
    std::set<std::string> labels;
    for (const TextBlock& block : blocks)
        for (const Line& line : block.lines) collect_note_markers(line.text, labels);
    return labels;
}

bool ends_notes_section(const TextBlock& block) {
    return block.kind == BlockKind::section_heading || block.kind == BlockKind::subsection_heading ||
           block.kind == BlockKind::scene_break || block.centered || block.kind == BlockKind::notes_heading;
}

std::string opening(const TextBlock& block) {
    std::string text = block.lines.front().text;
    if (width(text) > 60) {
        std::size_t cut = 60;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "…";
    }
    return text;
}

}  // namespace

std::map<std::string, NoteBody> extract_note_bodies(TextBlocks& blocks, const RepairContext& context) {
    std::map<std::string, NoteBody> notes;
    const std::set<std::string> referenced = marker_labels(blocks);
    if (referenced.empty()) return notes;

    TextBlocks kept;
    kept.reserve(blocks.size());
    bool in_section = false;
    std::string current;  // label of the note that continuation blocks belong to
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        TextBlock& block = blocks[i];
        if (block.kind == BlockKind::notes_heading) {
            in_section = true;
            current.clear();
            context.record(footnotes_pass, block.lines.front().number, block.lines.front().text, "",
                           "the heading of the notes section; its notes are attached to their references");
            continue;
        }
        if (in_section && ends_notes_section(block)) {
            in_section = false;
            current.clear();
        }
        const std::string label = block.kind == BlockKind::paragraph || block.kind == BlockKind::block_quote
                                      ? note_label(block.lines.front().text, in_section)
                                      : "";
        if (!label.empty() && referenced.contains(label) && !notes.contains(label)) {
            const int line = block.lines.front().number;
            context.record(footnotes_pass, line, opening(block), "",
                           "the body of note " + label + ", attached to its marker [" + label + "] in the text");
            strip_label(block);
            block.kind = BlockKind::paragraph;
            notes[label] = NoteBody{{std::move(block)}, line};
            current = in_section ? label : "";
            continue;
        }
        if (in_section && !current.empty() && block.kind == BlockKind::paragraph) {
            context.record(footnotes_pass, block.lines.front().number, opening(block), "",
                           "a further paragraph of note " + current);
            notes[current].blocks.push_back(std::move(block));
            continue;
        }
        kept.push_back(std::move(block));
    }
    blocks = std::move(kept);
    return notes;
}

}  // namespace pamphlet::readers::repair
