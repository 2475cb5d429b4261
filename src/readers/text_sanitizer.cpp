#include "readers/text_sanitizer.hpp"

#include <type_traits>

#include "model/text.hpp"

namespace pamphlet::readers {
namespace {

// Replaces each byte that does not start valid UTF-8 with U+FFFD and drops control characters.
// Returns true if `text` had to be changed.
bool mend_utf8(std::string& text) {
    if (model::is_valid_model_text(text)) return false;
    text = model::filter_utf8(text, [](char32_t code_point) { return !model::is_forbidden_control(code_point); });
    return true;
}

class Sanitizer {
public:
    Sanitizer(const std::string& file_name, model::Report& report) : file_name_(file_name), report_(report) {}

    void blocks(model::Blocks& list, int in_primary, int in_secondary) {
        for (model::Block& block : list) {
            if (block.position.line > 0) line_ = block.position.line;
            std::visit(
                [&](auto& value) {
                    using T = std::decay_t<decltype(value)>;
                    if constexpr (std::is_same_v<T, model::Heading> || std::is_same_v<T, model::Paragraph>) {
                        inlines(value.content, in_primary, in_secondary);
                    } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
                        blocks(value.children, in_primary, in_secondary);
                    } else if constexpr (std::is_same_v<T, model::ListBlock>) {
                        for (model::Blocks& item : value.items) blocks(item, in_primary, in_secondary);
                    } else if constexpr (std::is_same_v<T, model::Verse>) {
                        for (auto& stanza : value.stanzas)
                            for (model::Inlines& verse_line : stanza) inlines(verse_line, in_primary, in_secondary);
                    } else if constexpr (std::is_same_v<T, model::Preformatted>) {
                        text(value.text);
                    } else if constexpr (std::is_same_v<T, model::Table>) {
                        for (auto* rows : {&value.header_rows, &value.body_rows})
                            for (auto& row : *rows)
                                for (model::Inlines& cell : row) inlines(cell, in_primary, in_secondary);
                        inlines(value.caption, in_primary, in_secondary);
                    } else if constexpr (std::is_same_v<T, model::Figure>) {
                        text(value.alt);
                        inlines(value.caption, in_primary, in_secondary);
                    }
                },
                block.value);
        }
    }

private:
    void text(std::string& value) {
        if (mend_utf8(value)) report_.warn(file_name_, line_, "invalid UTF-8 or a control character in the text was replaced");
    }

    void inlines(model::Inlines& list, int in_primary, int in_secondary) {
        for (model::Inline& node : list) {
            if (auto* note = std::get_if<model::NoteReference>(&node.value)) {
                const bool secondary = note->kind == model::NoteKind::secondary;
                if ((secondary && in_secondary > 0) || (!secondary && in_primary > 0)) {
                    std::string flattened;
                    for (const model::Block& body_block : note->body) {
                        if (!flattened.empty()) flattened += ' ';
                        flattened += model::visible_text(body_block);
                    }
                    report_.warn(file_name_, note->position.line > 0 ? note->position.line : line_,
                                 "a note inside a note of the same kind cannot be placed; its text is set in parentheses");
                    node = model::Text{" (" + flattened + ")"};
                    text(std::get<model::Text>(node.value).text);
                    continue;
                }
                blocks(note->body, in_primary + (secondary ? 0 : 1), in_secondary + (secondary ? 1 : 0));
                continue;
            }
            std::visit(
                [&](auto& value) {
                    using T = std::decay_t<decltype(value)>;
                    if constexpr (std::is_same_v<T, model::Text> || std::is_same_v<T, model::Code>) {
                        text(value.text);
                    } else if constexpr (std::is_same_v<T, model::Link>) {
                        text(value.target);
                        inlines(value.children, in_primary, in_secondary);
                    } else if constexpr (std::is_same_v<T, model::LanguageSpan>) {
                        text(value.language);
                        inlines(value.children, in_primary, in_secondary);
                    } else if constexpr (requires { value.children; }) {
                        inlines(value.children, in_primary, in_secondary);
                    }
                },
                node.value);
        }
    }

    const std::string& file_name_;
    model::Report& report_;
    int line_ = 0;
};

}  // namespace

void sanitize_document_text(model::Document& document, const std::string& file_name, model::Report& report) {
    Sanitizer(file_name, report).blocks(document.blocks, 0, 0);
}

}  // namespace pamphlet::readers
