// The document's own vocabulary: how often each word, hyphenated compound and compound prefix
// occurs in the text. The repairs weigh it as evidence beside the dictionary ("is `production`
// used elsewhere? is `self-` a prefix this author hyphenates?").
#pragma once

#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <string>
#include <string_view>

#include "readers/repair/text_lines.hpp"

namespace pamphlet::readers::repair {

class Vocabulary {
public:
    // Counts words in `lines`. Word pieces broken at a line-end hyphen are not counted, so that
    // the evidence comes only from the unbroken text.
    explicit Vocabulary(const Lines& lines);

    // Occurrences of a word as a standalone run of letters (case-insensitive).
    int word_count(std::string_view word) const;
    // Occurrences of a hyphenated compound written inside a line ("self-management").
    int compound_count(std::string_view compound) const;
    // Occurrences of compounds starting with `prefix` + "-" / ending with "-" + `suffix`.
    int prefix_count(std::string_view prefix) const;
    int suffix_count(std::string_view suffix) const;
    // Occurrences of words starting with `stem` written without a hyphen (for "anarcho" /
    // "anarchosyndicalism" evidence).
    int words_starting_with(std::string_view stem) const;
    // True for the text's most frequent words (its function words: "the", "was", "which").
    bool is_common(std::string_view word) const;
    // word_count and is_common of a word already in lower case (repair::to_lower), for callers
    // that lower a token once and then ask about many of its parts.
    int lowered_word_count(std::string_view lowered) const;
    bool lowered_is_common(std::string_view lowered) const;
    // How often the text uses a hyphen followed by a space as a dash ("the community- there").
    int spaced_hyphen_dashes() const { return spaced_hyphen_dashes_; }

private:
    // Hashes std::string and std::string_view alike: a word already in lower case is looked up
    // without a copy.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    using Counts = std::unordered_map<std::string, int, Hash, std::equal_to<>>;
    // Hash maps: the repairs look words up hundreds of thousands of times in a novel.
    Counts words_;
    Counts compounds_;
    Counts prefixes_;
    Counts suffixes_;
    int spaced_hyphen_dashes_ = 0;
    std::unordered_set<std::string, Hash, std::equal_to<>> common_;
    std::size_t longest_common_ = 0;  // in bytes: longer words need no look-up in common_
};

// Splits a text into tokens of letters with inner hyphens and apostrophes ("workers’", "self-
// management"); everything else separates tokens. Used by the vocabulary and the repairs alike.
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;  // byte offsets into the text
    bool joined = false;  // holds a hyphen or an apostrophe between its letters
};
std::vector<Token> letter_tokens(std::string_view text);
// The same into `tokens` (cleared first), for loops over many lines that reuse one buffer.
void letter_tokens(std::string_view text, std::vector<Token>& tokens);

// True if the line ends with a word broken by a hyphen ("produc-").
bool ends_with_broken_word(std::string_view line);

}  // namespace pamphlet::readers::repair
