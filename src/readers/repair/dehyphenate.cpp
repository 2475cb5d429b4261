// Words hyphenated at line ends: "produc-" / "tion" is one word, "self-" / "managing" is a
// compound. The evidence, strongest first: how the document itself writes the word elsewhere,
// whether it hyphenates the same prefix or suffix elsewhere, and the dictionary.
#include "readers/dictionary.hpp"
#include "readers/repair/passes.hpp"
#include "readers/repair/utf8_text.hpp"
#include "readers/repair/vocabulary.hpp"

namespace pamphlet::readers::repair {

HyphenDecision decide_line_end_hyphen(std::string_view left, std::string_view right, const RepairContext& context) {
    const Vocabulary& vocabulary = *context.vocabulary;
    const Dictionary& dictionary = context.dictionary;
    const std::string joined = std::string(left) + std::string(right);
    const std::string compound = std::string(left) + "-" + std::string(right);

    const int joined_count = vocabulary.word_count(joined);
    const int compound_count = vocabulary.compound_count(compound);
    if (compound_count > joined_count) return HyphenDecision::keep_hyphen;
    if (joined_count > compound_count) return HyphenDecision::join;

    // The dictionary knows the joined word ("precisely"): a syllable break.
    if (dictionary.knows(joined) || dictionary.knows(to_lower(joined))) return HyphenDecision::join;

    // The author hyphenates this prefix or suffix elsewhere ("self-", "anarcho-", "-based").
    if (vocabulary.prefix_count(left) > 0 || vocabulary.suffix_count(right) > 0) return HyphenDecision::keep_hyphen;

    const bool left_is_word = width(left) >= 2 && (dictionary.knows(left) || vocabulary.word_count(left) > 0);
    const bool right_is_word = width(right) >= 2 && (dictionary.knows(right) || vocabulary.word_count(right) > 0);
    if (left_is_word && right_is_word) {
        // A common word ("and", "each", "as") hyphenated to a word with no compound on record:
        // the extractor lost the space between two words, and the line end hyphenated the pair.
        if ((vocabulary.is_common(left) || vocabulary.is_common(right)) && vocabulary.spaced_hyphen_dashes() < 2)
            return HyphenDecision::separate_words;
        // Two whole words and no compound on record: in a text that writes dashes as "word- word"
        // this is such a dash, otherwise a compound.
        return vocabulary.spaced_hyphen_dashes() >= 2 ? HyphenDecision::keep_dash : HyphenDecision::keep_hyphen;
    }
    return HyphenDecision::join;
}

namespace {

// Byte length of the first whitespace-delimited chunk of `text` (the word and what sticks to it).
std::size_t first_chunk_length(std::string_view text) {
    const std::size_t space = text.find(' ');
    return space == std::string_view::npos ? text.size() : space;
}

}  // namespace

void dehyphenate(TextBlocks& blocks, const RepairContext& context) {
    for (TextBlock& block : blocks) {
        if (block.kind != BlockKind::paragraph && block.kind != BlockKind::block_quote) continue;
        for (std::size_t i = 0; i + 1 < block.lines.size(); ++i) {
            Line& line = block.lines[i];
            Line& next = block.lines[i + 1];
            // Trailing spaces were trimmed when lines were read, so the hyphen is the last byte.
            if (!ends_with_broken_word(line.text)) continue;
            const std::string_view next_text = trim(next.text);
            const std::vector<Token> next_tokens = letter_tokens(next_text);
            if (next_tokens.empty() || next_tokens.front().begin != 0) continue;

            const std::string_view line_text = line.text;
            const std::vector<Token> tokens = letter_tokens(line_text.substr(0, line_text.size() - 1));
            if (tokens.empty()) continue;
            std::string_view left = line_text.substr(tokens.back().begin, tokens.back().end - tokens.back().begin);
            if (left.rfind('-') != std::string_view::npos) left = left.substr(left.rfind('-') + 1);
            std::string_view right = next_text.substr(0, next_tokens.front().end);
            if (right.find('-') != std::string_view::npos) right = right.substr(0, right.find('-'));

            const HyphenDecision decision = decide_line_end_hyphen(left, right, context);
            // Copies: the views point into the lines this repair is about to rewrite.
            const std::string joined = std::string(left) + std::string(right);
            const std::size_t chunk = first_chunk_length(next_text);
            const std::string before = line.text + "\n" + std::string(next_text);
            std::string moved(next_text.substr(0, chunk));
            std::string rest(trim(next_text.substr(chunk)));
            std::string reason;
            switch (decision) {
                case HyphenDecision::join:
                    line.text.pop_back();
                    line.text += moved;
                    reason = "a word broken at the line end: the document or the dictionary knows '" + joined + "'";
                    break;
                case HyphenDecision::keep_hyphen:
                    line.text += moved;
                    reason = "a compound: the document hyphenates it (or its parts) elsewhere, or both parts "
                             "are words";
                    break;
                case HyphenDecision::separate_words:
                    line.text.pop_back();
                    line.text += " " + moved;
                    reason = "two words run together and hyphenated at the line end; no such compound elsewhere";
                    break;
                case HyphenDecision::keep_dash:
                    line.text += " " + moved;
                    reason = "a dash written as a hyphen and a space, as elsewhere in the document";
                    break;
            }
            next.text = rest;
            context.record(dehyphenate_pass, line.number, before, line.text + (rest.empty() ? "" : "\n" + rest),
                           reason);
            if (rest.empty()) {
                block.lines.erase(block.lines.begin() + static_cast<long>(i) + 1);
                --i;  // the merged line may itself end with a broken word now
            }
        }
    }
}

}  // namespace pamphlet::readers::repair
