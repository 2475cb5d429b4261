#include "readers/repair/vocabulary.hpp"

#include <algorithm>
#include <array>

#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers::repair {

namespace {

bool is_inner_joiner(char32_t c) { return c == '-' || c == '\'' || c == 0x2019; }

// True unless the key is plain ASCII without capitals, the one case where to_lower is the key
// itself and the copy it makes can be skipped.
bool needs_lowering(std::string_view key) {
    for (const char c : key)
        if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
}

template <typename Map>
int lookup(const Map& map, std::string_view key) {
    const auto found = needs_lowering(key) ? map.find(to_lower(key)) : map.find(key);
    return found == map.end() ? 0 : found->second;
}

}  // namespace

namespace {

// next_code_point and is_letter with ASCII, most of every text, decided here without calls:
// letter_tokens runs over every line of the document several times.
char32_t step(std::string_view text, std::size_t& i) {
    if (const auto byte = static_cast<unsigned char>(text[i]); byte < 0x80) {
        ++i;
        return byte;
    }
    return next_code_point(text, i);
}

constexpr bool ascii_letter(unsigned char byte) { return static_cast<unsigned>((byte | 0x20) - 'a') < 26u; }

// What a byte can be in letter_tokens, looked up in one table: ASCII letters and everything else
// of ASCII apart, the ASCII joiners (hyphen, apostrophe), and bytes beyond ASCII, which are decoded.
enum class ByteKind : unsigned char { other, letter, joiner, beyond_ascii };
constexpr std::array<ByteKind, 256> byte_kinds = [] {
    std::array<ByteKind, 256> kinds{};
    for (unsigned byte = 0; byte < 256; ++byte)
        kinds[byte] = byte >= 0x80                          ? ByteKind::beyond_ascii
                      : ascii_letter(static_cast<unsigned char>(byte)) ? ByteKind::letter
                      : byte == '-' || byte == '\''        ? ByteKind::joiner
                                                            : ByteKind::other;
    return kinds;
}();

bool letter(char32_t c) {
    if (c < 0x80) return ascii_letter(static_cast<unsigned char>(c));
    return is_letter(c);
}

template <typename Map>
void count(Map& map, std::string_view key) {
    if (const auto found = map.find(key); found != map.end())
        ++found->second;
    else
        map.emplace(std::string(key), 1);
}

}  // namespace

std::vector<Token> letter_tokens(std::string_view text) {
    std::vector<Token> tokens;
    letter_tokens(text, tokens);
    return tokens;
}

void letter_tokens(std::string_view text, std::vector<Token>& tokens) {
    tokens.clear();
    const std::size_t size = text.size();
    const auto kind = [&](std::size_t at) { return byte_kinds[static_cast<unsigned char>(text[at])]; };
    std::size_t i = 0;
    while (i < size) {
        // Between tokens, ASCII that is no letter is skipped without decoding.
        while (i < size && (kind(i) == ByteKind::other || kind(i) == ByteKind::joiner)) ++i;
        if (i == size) break;
        const std::size_t start = i;
        if (kind(i) == ByteKind::letter) {
            ++i;
        } else if (!letter(next_code_point(text, i))) {
            continue;
        }
        std::size_t end = i;
        bool joined = false;
        while (i < size) {
            // A run of ASCII letters, most of every token, in a tight loop.
            const std::size_t run = i;
            while (i < size && kind(i) == ByteKind::letter) ++i;
            if (i > run) end = i;
            if (i == size || kind(i) == ByteKind::other) break;
            // A joiner, or a byte beyond ASCII: decoded.
            const std::size_t here = i;
            const char32_t c = step(text, i);
            if (letter(c)) {
                end = i;
                continue;
            }
            if (is_inner_joiner(c) && i < size) {
                std::size_t peek = i;
                if (letter(step(text, peek))) {
                    joined = true;
                    continue;
                }
            }
            i = here;
            break;
        }
        tokens.push_back({start, end, joined});
        i = end;
    }
}

bool ends_with_broken_word(std::string_view line) {
    line = trim(line);
    if (line.size() < 2 || line.back() != '-') return false;
    std::size_t i = line.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(line[i - 1]) & 0xC0) == 0x80) --i;
    std::size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
    return is_letter(next_code_point(line, start));
}

Vocabulary::Vocabulary(const Lines& lines) {
    bool previous_broken = false;
    std::vector<Token> tokens;
    std::string token;  // the current token in lower case; one buffer for every token
    // The word counter of each spelling ("The", "the") of a token without a hyphen met so far: a
    // text repeats its words thousands of times, and a spelling seen before is counted without
    // lowering it again. (Elements of an unordered_map stay where they are as it grows.)
    std::unordered_map<std::string, int*, Hash, std::equal_to<>> counter_of_spelling;
    for (const Line& line : lines) {
        const std::string_view text = line.text;
        const bool broken = ends_with_broken_word(text);
        letter_tokens(text, tokens);
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            if (t == 0 && previous_broken) continue;
            if (t + 1 == tokens.size() && broken) continue;
            if (tokens[t].end + 1 < text.size() && text[tokens[t].end] == '-' && text[tokens[t].end + 1] == ' ')
                ++spaced_hyphen_dashes_;
            const std::string_view spelling = text.substr(tokens[t].begin, tokens[t].end - tokens[t].begin);
            if (const auto known = counter_of_spelling.find(spelling); known != counter_of_spelling.end()) {
                ++*known->second;
                continue;
            }
            to_lower(spelling, token);
            if (spelling.find('-') == std::string_view::npos) {
                // One word, the whole token.
                int& counter = words_.try_emplace(token, 0).first->second;
                ++counter;
                counter_of_spelling.emplace(spelling, &counter);
                continue;
            }
            // Words: runs of letters (and apostrophes) between hyphens.
            std::size_t piece_start = 0;
            bool has_hyphen = false;
            for (std::size_t k = 0; k <= token.size(); ++k) {
                if (k == token.size() || token[k] == '-') {
                    if (k > piece_start) count(words_, std::string_view(token).substr(piece_start, k - piece_start));
                    if (k < token.size()) has_hyphen = true;
                    piece_start = k + 1;
                }
            }
            if (has_hyphen) {
                count(compounds_, token);
                count(prefixes_, std::string_view(token).substr(0, token.find('-')));
                count(suffixes_, std::string_view(token).substr(token.rfind('-') + 1));
            }
        }
        previous_broken = broken;
    }
    // The 150 most frequent words; ties broken alphabetically so the set is deterministic.
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [word, count] : words_) ranked.emplace_back(-count, word);
    const std::size_t keep = std::min<std::size_t>(150, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end());
    for (std::size_t i = 0; i < keep; ++i) {
        common_.insert(ranked[i].second);
        longest_common_ = std::max(longest_common_, ranked[i].second.size());
    }
}

int Vocabulary::lowered_word_count(std::string_view lowered) const {
    const auto found = words_.find(lowered);
    return found == words_.end() ? 0 : found->second;
}

bool Vocabulary::lowered_is_common(std::string_view lowered) const {
    return lowered.size() <= longest_common_ && common_.contains(lowered);
}

bool Vocabulary::is_common(std::string_view word) const {
    return needs_lowering(word) ? common_.contains(to_lower(word)) : common_.contains(word);
}

int Vocabulary::word_count(std::string_view word) const { return lookup(words_, word); }
int Vocabulary::compound_count(std::string_view compound) const { return lookup(compounds_, compound); }
int Vocabulary::prefix_count(std::string_view prefix) const { return lookup(prefixes_, prefix); }
int Vocabulary::suffix_count(std::string_view suffix) const { return lookup(suffixes_, suffix); }

int Vocabulary::words_starting_with(std::string_view stem) const {
    const std::string key = to_lower(stem);
    int count = 0;
    for (const auto& [word, occurrences] : words_)
        if (word.size() > key.size() && word.starts_with(key)) count += occurrences;
    return count;
}

}  // namespace pamphlet::readers::repair
