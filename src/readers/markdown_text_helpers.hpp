// Small helpers for building model content, shared by the Markdown and Muse readers.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/document.hpp"
#include "model/text.hpp"

namespace pamphlet::readers {

// Appends text, merging it into a preceding Text node: parsers hand out text in pieces (cmark
// splits at every bracket), and later passes (inline notes, typography) want whole runs.
inline void append_text(model::Inlines& inlines, std::string_view text) {
    if (text.empty()) return;
    if (!inlines.empty())
        if (auto* previous = std::get_if<model::Text>(&inlines.back().value)) {
            previous->text.append(text);
            return;
        }
    inlines.push_back(model::Text{std::string(text)});
}

// Appends inlines one by one, merging adjacent Text nodes.
inline void append_inlines(model::Inlines& inlines, model::Inlines more) {
    for (model::Inline& node : more) {
        if (const auto* text = std::get_if<model::Text>(&node.value)) append_text(inlines, text->text);
        else inlines.push_back(std::move(node));
    }
}

// Calls visit(inlines, block) for every run of inlines the blocks hold (paragraph and heading
// content, verse lines, table cells and captions, figure captions), descending into quotes and
// list items but not into note bodies; `block` is the block that holds the run. Works on const
// and non-const blocks alike.
template <typename BlockList, typename Visitor>
void for_each_inline_run(BlockList& blocks, Visitor&& visit) {
    for (auto& block : blocks) {
        std::visit(
            [&](auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, model::Paragraph> || std::is_same_v<T, model::Heading>) {
                    visit(value.content, block);
                } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
                    for_each_inline_run(value.children, visit);
                } else if constexpr (std::is_same_v<T, model::ListBlock>) {
                    for (auto& item : value.items) for_each_inline_run(item, visit);
                } else if constexpr (std::is_same_v<T, model::Verse>) {
                    for (auto& stanza : value.stanzas)
                        for (auto& line : stanza) visit(line, block);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    for (auto* rows : {&value.header_rows, &value.body_rows})
                        for (auto& row : *rows)
                            for (auto& cell : row) visit(cell, block);
                    visit(value.caption, block);
                } else if constexpr (std::is_same_v<T, model::Figure>) {
                    visit(value.caption, block);
                } else {
                }
            },
            block.value);
    }
}

// Sets the alignment of every paragraph in the blocks, within quotes and lists too (a centred
// region, Markdown "::: center" or Muse <center>), and drops their first-line indent.
inline void align_paragraphs(model::Blocks& blocks, model::Alignment alignment) {
    for (model::Block& block : blocks) {
        if (auto* paragraph = std::get_if<model::Paragraph>(&block.value)) {
            paragraph->alignment = alignment;
            paragraph->no_indent = true;
        } else if (auto* quote = std::get_if<model::BlockQuote>(&block.value)) {
            align_paragraphs(quote->children, alignment);
        } else if (auto* list = std::get_if<model::ListBlock>(&block.value)) {
            for (model::Blocks& item : list->items) align_paragraphs(item, alignment);
        }
    }
}

// Invalid UTF-8 and control characters other than tab and newline cannot be set in print and
// fail model::check(): each becomes U+FFFD, with one warning per line that had any. (The
// pipeline's decode_source already delivers UTF-8; this keeps the readers safe on their own.)
inline std::string sanitize_text(std::string_view text, const std::string& file_name, model::Report& report) {
    std::string out;
    out.reserve(text.size());
    int line = 1;
    int last_warned_line = 0;
    auto replace = [&](const char* what) {
        out += model::replacement_character;
        if (last_warned_line != line) report.warn(file_name, line, std::string(what) + " replaced by U+FFFD");
        last_warned_line = line;
    };
    for (std::size_t at = 0; at < text.size();) {
        char32_t code_point = 0;
        const std::size_t length = model::decode_utf8(text, at, code_point);
        if (length == 0) {
            replace("invalid UTF-8");
            ++at;
            continue;
        }
        if (model::is_forbidden_control(code_point)) replace("control character");
        else out.append(text.substr(at, length));
        if (code_point == '\n') ++line;
        at += length;
    }
    return out;
}

// The text's lines without their "\n", as views into `text`.
inline std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace pamphlet::readers
