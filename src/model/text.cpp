#include "model/text.hpp"

#include <type_traits>

namespace pamphlet::model {
namespace {

void append_visible(const Inlines& inlines, std::string& out);

void append_visible(const Inline& node, std::string& out) {
    std::visit(
        [&out](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, Text> || std::is_same_v<T, Code>) {
                out += value.text;
            } else if constexpr (std::is_same_v<T, LineBreak>) {
                out += '\n';
            } else if constexpr (std::is_same_v<T, NoteReference>) {
                // The body is set elsewhere; the marker is generated, not text.
            } else {
                append_visible(value.children, out);
            }
        },
        node.value);
}

void append_visible(const Inlines& inlines, std::string& out) {
    for (const Inline& node : inlines) append_visible(node, out);
}

}  // namespace

std::string visible_text(const Inlines& inlines) {
    std::string out;
    append_visible(inlines, out);
    return out;
}

std::string visible_text(const Block& leaf) {
    std::string out;
    if (const auto* heading = std::get_if<Heading>(&leaf.value)) {
        append_visible(heading->content, out);
    } else if (const auto* paragraph = std::get_if<Paragraph>(&leaf.value)) {
        append_visible(paragraph->content, out);
    } else if (const auto* verse = std::get_if<Verse>(&leaf.value)) {
        for (std::size_t s = 0; s < verse->stanzas.size(); ++s) {
            if (s > 0) out += "\n\n";
            const auto& lines = verse->stanzas[s];
            for (std::size_t l = 0; l < lines.size(); ++l) {
                if (l > 0) out += '\n';
                append_visible(lines[l], out);
            }
        }
    } else if (const auto* pre = std::get_if<Preformatted>(&leaf.value)) {
        out = pre->text;
    } else if (const auto* table = std::get_if<Table>(&leaf.value)) {
        // Cells separated by tabs, rows by newlines, caption last.
        bool first_row = true;
        for (const auto* rows : {&table->header_rows, &table->body_rows})
            for (const auto& row : *rows) {
                if (!first_row) out += '\n';
                first_row = false;
                for (std::size_t c = 0; c < row.size(); ++c) {
                    if (c > 0) out += '\t';
                    append_visible(row[c], out);
                }
            }
        if (!table->caption.empty()) {
            if (!out.empty()) out += '\n';
            append_visible(table->caption, out);
        }
    } else if (const auto* figure = std::get_if<Figure>(&leaf.value)) {
        append_visible(figure->caption, out);
    }
    return out;
}

}  // namespace pamphlet::model
