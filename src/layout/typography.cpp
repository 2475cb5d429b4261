#include "layout/typography.hpp"

#include <type_traits>

namespace pamphlet::layout {
namespace {

struct QuoteStyle {
    std::string_view double_open, double_close, single_open, single_close;
    std::string_view apostrophe = "\u2019";
    bool french_spacing = false;  // narrow no-break space before ; : ! ? and inside « »
};

QuoteStyle quotes_for(std::string_view language) {
    const std::string_view primary = language.substr(0, language.find('-'));
    if (primary == "de") return {"\u201E", "\u201C", "\u201A", "\u2018"};
    if (primary == "fr") return {"\u00AB\u202F", "\u202F\u00BB", "\u2039\u202F", "\u202F\u203A", "\u2019", true};
    if (primary == "ru" || primary == "uk" || primary == "es" || primary == "it" || primary == "pt" ||
        primary == "ca")
        return {"\u00AB", "\u00BB", "\u201C", "\u201D"};
    if (primary == "pl" || primary == "nl" || primary == "hu" || primary == "ro")
        return {"\u201E", "\u201D", "\u201A", "\u2019"};
    if (primary == "sv" || primary == "fi") return {"\u201D", "\u201D", "\u2019", "\u2019"};
    return {"\u201C", "\u201D", "\u2018", "\u2019"};
}

// The last code point of `text` is "opening context": nothing, a space, an opening bracket or a
// dash. A quote there opens; anywhere else it closes.
bool opens_after(std::string_view before) {
    if (before.empty()) return true;
    const unsigned char last = static_cast<unsigned char>(before.back());
    if (last == ' ' || last == '\n' || last == '\t' || last == '(' || last == '[' || last == '{')
        return true;
    // U+2014 EM DASH, U+2013 EN DASH, U+00A0 NO-BREAK SPACE, U+201C/U+2018 openers: UTF-8 tails.
    for (std::string_view opener : {"\u2014", "\u2013", "\u00A0", "\u201C", "\u2018", "\u201E", "\u00AB"})
        if (before.size() >= opener.size() && before.substr(before.size() - opener.size()) == opener)
            return true;
    return false;
}

bool is_letter_or_digit_byte(unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80; }

}  // namespace

std::string normalize_typography(std::string_view text, std::string_view language, std::string_view previous) {
    const QuoteStyle style = quotes_for(language);
    std::string out(previous);
    const std::size_t start = out.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const std::string_view rest = text.substr(i);
        if (rest.starts_with("---")) {
            out += "\u2014";
            i += 2;
        } else if (rest.starts_with("--")) {
            out += "\u2013";
            i += 1;
        } else if (rest.starts_with("...")) {
            out += "\u2026";
            i += 2;
        } else if (c == '"') {
            out += opens_after(out) ? style.double_open : style.double_close;
        } else if (c == '\'') {
            const bool after_letter = !out.empty() && is_letter_or_digit_byte(static_cast<unsigned char>(out.back()));
            const bool before_letter = i + 1 < text.size() && is_letter_or_digit_byte(static_cast<unsigned char>(text[i + 1]));
            if (after_letter && before_letter) out += style.apostrophe;  // don't, l'homme
            else if (opens_after(out) && before_letter && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])))
                out += style.apostrophe;  // '90s
            else out += opens_after(out) ? style.single_open : style.single_close;
        } else if (style.french_spacing && (c == ';' || c == ':' || c == '!' || c == '?') && !out.empty() &&
                   out.back() == ' ') {
            out.pop_back();
            out += "\u202F";
            out += c;
        } else {
            out += c;
        }
    }
    return out.substr(start);
}

namespace {

class DocumentNormalizer {
public:
    void blocks(model::Blocks& list, const std::string& language) {
        for (model::Block& block : list) {
            if (auto* heading = std::get_if<model::Heading>(&block.value)) {
                paragraph(heading->content, language);
            } else if (auto* para = std::get_if<model::Paragraph>(&block.value)) {
                paragraph(para->content, language);
            } else if (auto* quote = std::get_if<model::BlockQuote>(&block.value)) {
                blocks(quote->children, language);
            } else if (auto* list_block = std::get_if<model::ListBlock>(&block.value)) {
                for (model::Blocks& item : list_block->items) blocks(item, language);
            } else if (auto* verse = std::get_if<model::Verse>(&block.value)) {
                for (auto& stanza : verse->stanzas)
                    for (model::Inlines& line : stanza) paragraph(line, language);
            } else if (auto* table = std::get_if<model::Table>(&block.value)) {
                for (auto* rows : {&table->header_rows, &table->body_rows})
                    for (auto& row : *rows)
                        for (model::Inlines& cell : row) paragraph(cell, language);
                paragraph(table->caption, language);
            } else if (auto* figure = std::get_if<model::Figure>(&block.value)) {
                paragraph(figure->caption, language);
            }
        }
    }

private:
    void paragraph(model::Inlines& list, const std::string& language) {
        std::string context;
        inlines(list, language, context);
    }

    // `context` is the text set so far in this paragraph, used only for its last characters.
    void inlines(model::Inlines& list, const std::string& language, std::string& context) {
        for (model::Inline& node : list) {
            std::visit(
                [&](auto& value) {
                    using T = std::decay_t<decltype(value)>;
                    if constexpr (std::is_same_v<T, model::Text>) {
                        const std::string_view tail = std::string_view(context).substr(context.size() > 8 ? context.size() - 8 : 0);
                        value.text = normalize_typography(value.text, language, tail);
                        context += value.text;
                    } else if constexpr (std::is_same_v<T, model::Code>) {
                        context += value.text;
                    } else if constexpr (std::is_same_v<T, model::LineBreak>) {
                        context += '\n';
                    } else if constexpr (std::is_same_v<T, model::NoteReference>) {
                        blocks(value.body, language);
                    } else if constexpr (std::is_same_v<T, model::LanguageSpan>) {
                        inlines(value.children, value.language, context);
                    } else {
                        inlines(value.children, language, context);
                    }
                },
                node.value);
        }
    }
};

}  // namespace

void normalize_typography(model::Document& document) {
    DocumentNormalizer normalizer;
    normalizer.blocks(document.blocks, document.metadata.language);
}

}  // namespace pamphlet::layout
