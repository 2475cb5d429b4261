#include "readers/markdown_inline_notes.hpp"

#include <optional>
#include <type_traits>

#include "readers/markdown_text_helpers.hpp"

namespace pamphlet::readers {
namespace {

struct Closing {
    std::size_t node;
    std::size_t offset;  // of the ']' in that node's text
};

// Finds the "]" that closes a note opened at (node, after); depth counts brackets in between.
std::optional<Closing> find_closing(const model::Inlines& inlines, std::size_t node, std::size_t after) {
    int depth = 1;
    for (std::size_t i = node; i < inlines.size(); ++i) {
        const auto* text = std::get_if<model::Text>(&inlines[i].value);
        if (!text) continue;
        for (std::size_t k = (i == node ? after : 0); k < text->text.size(); ++k) {
            if (text->text[k] == '[') ++depth;
            if (text->text[k] == ']' && --depth == 0) return Closing{i, k};
        }
    }
    return std::nullopt;
}

int descend(model::Inline& node, model::SourcePosition where) {
    return std::visit(
        [&](auto& value) -> int {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, model::Emphasis> || std::is_same_v<T, model::Strong> ||
                          std::is_same_v<T, model::SmallCaps> || std::is_same_v<T, model::LanguageSpan>) {
                return extract_inline_notes(value.children, where);
            } else {
                return 0;
            }
        },
        node.value);
}

}  // namespace

int extract_inline_notes(model::Inlines& inlines, model::SourcePosition where) {
    int made = 0;
    model::Inlines out;
    std::size_t i = 0;
    std::size_t search_from = 0;  // offset within inlines[i] where the next "^[" may start
    while (i < inlines.size()) {
        auto* text = std::get_if<model::Text>(&inlines[i].value);
        if (!text) {
            made += descend(inlines[i], where);
            out.push_back(std::move(inlines[i]));
            ++i;
            search_from = 0;
            continue;
        }
        const std::size_t open = text->text.find("^[", search_from);
        const std::optional<Closing> close =
            open == std::string::npos ? std::nullopt : find_closing(inlines, i, open + 2);
        if (!close) {
            append_text(out, text->text);
            ++i;
            search_from = 0;
            continue;
        }
        // The body: the rest of this text, the whole nodes between, the start of the closing text.
        model::Inlines body;
        if (close->node == i) {
            append_text(body, std::string_view(text->text).substr(open + 2, close->offset - open - 2));
        } else {
            append_text(body, std::string_view(text->text).substr(open + 2));
            for (std::size_t k = i + 1; k < close->node; ++k) append_inlines(body, {std::move(inlines[k])});
            const auto& last = std::get<model::Text>(inlines[close->node].value).text;
            append_text(body, std::string_view(last).substr(0, close->offset));
        }
        const bool empty = body.empty();
        if (empty) {
            // "^[]" is not a note; keep the characters and look further on.
            append_text(out, std::string_view(text->text).substr(0, open + 2));
            text->text.erase(0, open + 2);
            search_from = 0;
            continue;
        }
        append_text(out, std::string_view(text->text).substr(0, open));
        model::NoteReference note;
        note.body.push_back(model::Block(model::Paragraph{std::move(body)}, where));
        note.source_label = "^[";
        note.position = where;
        out.push_back(std::move(note));
        ++made;
        // Continue in the closing node, after the ']'.
        auto& last = std::get<model::Text>(inlines[close->node].value).text;
        last.erase(0, close->offset + 1);
        i = close->node;
        search_from = 0;
    }
    inlines = std::move(out);
    return made;
}

}  // namespace pamphlet::readers
