#include "layout/footnotes.hpp"

#include <type_traits>

namespace pamphlet::layout {
namespace {

class NoteNumberer {
public:
    explicit NoteNumberer(NoteNumbering policy) : policy_(policy) {}

    void blocks(model::Blocks& list, bool top_level) {
        for (model::Block& block : list) {
            if (auto* heading = std::get_if<model::Heading>(&block.value)) {
                if (top_level && heading->level == 1 && policy_ == NoteNumbering::per_section)
                    counters_ = {};
                inlines(heading->content);
            } else if (auto* paragraph = std::get_if<model::Paragraph>(&block.value)) {
                inlines(paragraph->content);
            } else if (auto* quote = std::get_if<model::BlockQuote>(&block.value)) {
                blocks(quote->children, false);
            } else if (auto* list_block = std::get_if<model::ListBlock>(&block.value)) {
                for (model::Blocks& item : list_block->items) blocks(item, false);
            } else if (auto* verse = std::get_if<model::Verse>(&block.value)) {
                for (auto& stanza : verse->stanzas)
                    for (model::Inlines& line : stanza) inlines(line);
            } else if (auto* table = std::get_if<model::Table>(&block.value)) {
                for (auto* rows : {&table->header_rows, &table->body_rows})
                    for (auto& row : *rows)
                        for (model::Inlines& cell : row) inlines(cell);
                inlines(table->caption);
            } else if (auto* figure = std::get_if<model::Figure>(&block.value)) {
                inlines(figure->caption);
            }
        }
    }

    NoteCounts totals;

private:
    void inlines(model::Inlines& list) {
        for (model::Inline& node : list) {
            std::visit(
                [this](auto& value) {
                    using T = std::decay_t<decltype(value)>;
                    if constexpr (std::is_same_v<T, model::NoteReference>) {
                        if (value.kind == model::NoteKind::primary) {
                            value.number = ++counters_.primary;
                            ++totals.primary;
                        } else {
                            value.number = ++counters_.secondary;
                            ++totals.secondary;
                        }
                        blocks(value.body, false);
                    } else if constexpr (requires { value.children; }) {
                        inlines(value.children);
                    }
                },
                node.value);
        }
    }

    NoteNumbering policy_;
    NoteCounts counters_;
};

}  // namespace

NoteCounts number_notes(model::Document& document, NoteNumbering policy) {
    NoteNumberer numberer(policy);
    numberer.blocks(document.blocks, true);
    return numberer.totals;
}

std::string note_marker(model::NoteKind kind, int number) {
    if (kind == model::NoteKind::primary) return std::to_string(number);
    std::string letters;
    for (int n = number; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('a' + (n - 1) % 26));
    return letters;
}

}  // namespace pamphlet::layout
