#include "model/check.hpp"

#include <string_view>
#include <type_traits>

#include "model/text.hpp"

namespace pamphlet::model {
namespace {

// Where a block or inline sits, which decides what it may contain.
struct Context {
    bool in_note = false;
    bool in_secondary_note = false;
    bool nested = false;  // inside a quote, list item or note: no headings there
    SourcePosition position;
};

class Checker {
public:
    std::vector<Problem> problems;

    void blocks(const Blocks& list, const Context& context) {
        for (const Block& block : list) {
            Context here = context;
            if (block.position.line > 0) here.position = block.position;
            this->block(block, here);
        }
    }

private:
    void report(const Context& context, std::string message) {
        problems.push_back({context.position, std::move(message)});
    }

    void text(std::string_view value, const Context& context) {
        if (!is_valid_model_text(value)) report(context, "text is not valid UTF-8 or has control characters");
    }

    void block(const Block& block, const Context& context) {
        std::visit(
            [&](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, Heading>) {
                    if (value.level < 1 || value.level > 4)
                        report(context, "heading level " + std::to_string(value.level) +
                                            " is outside 1-4");
                    if (context.nested) report(context, "a heading may not stand inside a quote, list or note");
                    if (value.content.empty()) report(context, "empty heading");
                    inlines(value.content, context);
                } else if constexpr (std::is_same_v<T, Paragraph>) {
                    inlines(value.content, context);
                } else if constexpr (std::is_same_v<T, BlockQuote>) {
                    Context inner = context;
                    inner.nested = true;
                    blocks(value.children, inner);
                } else if constexpr (std::is_same_v<T, ListBlock>) {
                    if (value.items.empty()) report(context, "list without items");
                    Context inner = context;
                    inner.nested = true;
                    for (const Blocks& item : value.items) blocks(item, inner);
                } else if constexpr (std::is_same_v<T, Verse>) {
                    bool any_line = false;
                    for (const auto& stanza : value.stanzas)
                        for (const Inlines& line : stanza) {
                            any_line = true;
                            inlines(line, context);
                        }
                    if (!any_line) report(context, "verse without lines");
                } else if constexpr (std::is_same_v<T, Preformatted>) {
                    text(value.text, context);
                } else if constexpr (std::is_same_v<T, Table>) {
                    const std::size_t columns = value.column_alignment.size();
                    if (columns == 0) report(context, "table without columns");
                    for (const auto* rows : {&value.header_rows, &value.body_rows})
                        for (const auto& row : *rows) {
                            if (row.size() != columns)
                                report(context, "table row has " + std::to_string(row.size()) +
                                                    " cells for " + std::to_string(columns) + " columns");
                            for (const Inlines& cell : row) inlines(cell, context);
                        }
                    inlines(value.caption, context);
                } else if constexpr (std::is_same_v<T, Figure>) {
                    if (value.source.empty()) report(context, "figure without an image");
                    inlines(value.caption, context);
                }
            },
            block.value);
    }

    void inlines(const Inlines& list, const Context& context) {
        for (const Inline& node : list) inline_node(node, context);
    }

    void inline_node(const Inline& node, const Context& context) {
        std::visit(
            [&](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, Text> || std::is_same_v<T, Code>) {
                    text(value.text, context);
                } else if constexpr (std::is_same_v<T, LineBreak>) {
                } else if constexpr (std::is_same_v<T, Link>) {
                    if (value.target.empty()) report(context, "link without a target");
                    inlines(value.children, context);
                } else if constexpr (std::is_same_v<T, NoteReference>) {
                    Context inner = context;
                    if (value.position.line > 0) inner.position = value.position;
                    if (value.body.empty()) report(inner, "note without a body");
                    const bool secondary = value.kind == NoteKind::secondary;
                    if (secondary ? context.in_secondary_note : context.in_note && !secondary)
                        report(inner, "a note may not hold a note of the same kind");
                    inner.nested = true;
                    inner.in_note = true;
                    inner.in_secondary_note = context.in_secondary_note || secondary;
                    blocks(value.body, inner);
                } else if constexpr (std::is_same_v<T, LanguageSpan>) {
                    if (value.language.empty()) report(context, "language span without a language");
                    inlines(value.children, context);
                } else {
                    inlines(value.children, context);
                }
            },
            node.value);
    }
};

}  // namespace

std::vector<Problem> check(const Document& document) {
    Checker checker;
    checker.blocks(document.blocks, Context{});
    return std::move(checker.problems);
}

}  // namespace pamphlet::model
