// Spaces the extractor dropped: "themeans", "Myargumentwill", "theWest", "class.This". A token
// is split only on strong evidence: it is not a word (neither in the dictionary nor used again in
// the document), and every part is a word the document itself uses. Proper names and real words
// are never split.
#include <array>
#include <functional>
#include <limits>
#include <span>
#include <unordered_map>

#include "readers/dictionary.hpp"
#include "readers/repair/passes.hpp"
#include "readers/repair/utf8_text.hpp"
#include "readers/repair/vocabulary.hpp"

namespace pamphlet::readers::repair {

namespace {

// Parts that make real words with what follows or precedes them ("overproduction",
// "statelessness"): a split there would break a derived word, not restore a space.
constexpr std::array<std::string_view, 26> word_forming_prefixes = {
    "over", "under", "out", "non", "re", "un", "dis", "pre", "counter", "anti", "super", "sub", "inter",
    "semi", "multi", "co", "mis", "self", "post", "proto", "pseudo", "ultra", "trans", "fore", "des", "up"};
constexpr std::array<std::string_view, 26> word_forming_suffixes = {
    "ness", "less", "ment", "ship", "ships", "hood", "like", "ism", "ist", "ed", "ing", "ly", "able",
    "ward", "wards", "man", "men", "wise", "es", "est", "st", "en", "er", "house", "work", "glass"};

template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& list, std::string_view word) {
    for (std::string_view item : list)
        if (item == word) return true;
    return false;
}

bool is_word(std::string_view piece, const RepairContext& context) {
    return context.dictionary.knows(piece) || context.dictionary.knows(to_lower(piece));
}

// Code-point offsets of a token, so that splits never cut a UTF-8 sequence.
std::vector<std::size_t> boundaries(std::string_view token) {
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < token.size();) {
        offsets.push_back(i);
        next_code_point(token, i);
    }
    offsets.push_back(token.size());
    return offsets;
}

// A piece the document itself uses as a word. One-letter pieces only as "a" and "I". `lower` is
// the piece lowered (to_lower).
bool usable_piece(std::string_view piece, std::string_view lower, bool capitalised_token, const RepairContext& context) {
    const std::size_t letters = width(piece);
    if (letters == 1 && lower != "a" && piece != "I") return false;
    const int count = context.vocabulary->lowered_word_count(lower);
    // A short piece is as likely an ending ("equal|led") as a word: only frequent ones count.
    if (letters <= 3 && count < 3) return false;
    if (capitalised_token) return count >= 1;  // names: every part must be seen standing alone
    return count >= 2 || ((count >= 1 || letters >= 5) && is_word(piece, context));
}

std::vector<std::string> split_camel_case(std::string_view token, const RepairContext& context) {
    // lower-to-upper inside a token: "theWest", "RedArmy", "inWestern".
    std::size_t i = 0;
    char32_t previous = 0;
    std::size_t split = 0;
    int transitions = 0;
    while (i < token.size()) {
        const std::size_t here = i;
        const char32_t c = next_code_point(token, i);
        if (previous != 0 && is_lower(previous) && is_upper(c)) {
            split = here;
            ++transitions;
        }
        previous = c;
    }
    if (transitions != 1) return {};
    const std::string_view left = token.substr(0, split);
    const std::string_view right = token.substr(split);
    if (width(left) < 2 || width(right) < 2) return {};
    // Names like "McDonald" or "LaSalle": the left part must be a word of the text on its own.
    if (context.vocabulary->word_count(left) < 1) return {};
    if (context.vocabulary->word_count(right) < 1 && !is_word(right, context)) return {};
    if (is_upper(first_code_point(left)) && context.vocabulary->word_count(right) < 1) return {};
    return {std::string(left), std::string(right)};
}

// Whether any split of the token could pass the tests in split_run_together, judged from the
// document's vocabulary alone: every accepted split has a common word of the text as its first
// or last piece, or is two pieces each used at least twice. Most tokens fail this, and then
// need no dictionary lookup (nor the dictionary loaded at all).
bool could_be_split(std::string_view token, const std::vector<std::size_t>& offsets, const RepairContext& context) {
    const Vocabulary& vocabulary = *context.vocabulary;
    // The token lowered once: its parts lowered are the parts of it lowered, at the same offsets,
    // as long as lowering kept every code point's length (it does for valid UTF-8).
    const std::string lowered = to_lower(token);
    if (lowered.size() == token.size()) {
        for (std::size_t k = 1; k + 1 < offsets.size(); ++k) {
            const std::string_view head = std::string_view(lowered).substr(0, offsets[k]);
            const std::string_view tail = std::string_view(lowered).substr(offsets[k]);
            if (vocabulary.lowered_is_common(head) || vocabulary.lowered_is_common(tail)) return true;
            if (vocabulary.lowered_word_count(head) >= 2 && vocabulary.lowered_word_count(tail) >= 2) return true;
        }
        return false;
    }
    for (std::size_t k = 1; k + 1 < offsets.size(); ++k) {
        const std::string_view head = token.substr(0, offsets[k]);
        const std::string_view tail = token.substr(offsets[k]);
        if (vocabulary.is_common(head) || vocabulary.is_common(tail)) return true;  // is_common lowers
        if (vocabulary.word_count(head) >= 2 && vocabulary.word_count(tail) >= 2) return true;
    }
    return false;
}

bool has_inner_capital(std::string_view token, const std::vector<std::size_t>& offsets) {
    for (std::size_t k = 1; k + 1 < offsets.size(); ++k) {
        std::size_t at = offsets[k];
        if (is_upper(next_code_point(token, at))) return true;
    }
    return false;
}

}  // namespace

std::vector<std::string> split_run_together(std::string_view token, const RepairContext& context) {
    // Run-together words are a few words long; a very long token is something else (a URL, a
    // dump), and searching its splits costs time that grows with the square of its length.
    constexpr std::size_t longest_run_together = 48;
    if (width(token) < 4 || width(token) > longest_run_together || token.find('-') != std::string_view::npos) return {};
    if (token.find('\'') != std::string_view::npos || token.find("\u2019") != std::string_view::npos) return {};
    const std::vector<std::size_t> offsets = boundaries(token);
    const bool inner_capital = has_inner_capital(token, offsets);
    // A token the document uses again and again is the author's word (or a name), not an
    // accident; only pairs of its commonest words ("ofthe", "Itis") recur by accident.
    const int token_count = context.vocabulary->word_count(token);
    // Without an inner capital only the splits below can apply: rule them out cheaply first.
    if (!inner_capital && (token_count > 3 || !could_be_split(token, offsets, context))) return {};

    if (is_word(token, context)) return {};
    if (auto camel = split_camel_case(token, context); !camel.empty()) return camel;

    // Mixed case beyond a capital first letter is a name or an acronym.
    if (inner_capital) return {};
    if (token_count > 3) return {};
    const bool capitalised = is_upper(first_code_point(token));

    // Fewest pieces first (at most three), then the most frequent weakest piece. The pieces are
    // views into the token, and their lower-case forms views into the token lowered once (see
    // could_be_split), or lowered one by one where lowering changed a length.
    const std::size_t n = offsets.size() - 1;
    const std::string lowered_token = to_lower(token);
    const bool same_offsets = lowered_token.size() == token.size();
    std::array<std::string, 3> lowered_copies;
    std::vector<std::string> best;
    int best_weakest = 0;
    // `cuts`: the byte offsets where the pieces start, then the token's end.
    const auto consider = [&](std::span<const std::size_t> cuts) {
        const std::size_t count = cuts.size() - 1;
        std::array<std::string_view, 3> pieces;
        std::array<std::string_view, 3> lowered;
        for (std::size_t p = 0; p < count; ++p) {
            pieces[p] = token.substr(cuts[p], cuts[p + 1] - cuts[p]);
            lowered[p] = same_offsets ? std::string_view(lowered_token).substr(cuts[p], cuts[p + 1] - cuts[p])
                                      : std::string_view(lowered_copies[p] = to_lower(pieces[p]));
        }
        int weakest = std::numeric_limits<int>::max();
        int common_pieces = 0;
        for (std::size_t p = 0; p < count; ++p) {
            const std::string_view lower = lowered[p];
            if (!usable_piece(pieces[p], lower, capitalised, context)) return;
            // One-letter words stand first ("amonth"), or "a" last in a lower-case token
            // ("ofa"); a capitalised token ending in a letter is a name ("Dólokhova").
            if (p > 0 && width(lower) == 1 && (capitalised || lower != "a" || p + 1 != count)) return;
            common_pieces += context.vocabulary->lowered_is_common(lower);
            if (p == 0 && is_one_of(word_forming_prefixes, lower)) return;
            if (p + 1 == count && is_one_of(word_forming_suffixes, lower)) return;
            weakest = std::min(weakest, context.vocabulary->lowered_word_count(lower));
        }
        // Dropped spaces mostly sit next to the text's common words ("the", "was", "which"); two
        // rarer words run together are more often a closed compound ("cowhouse", "fieldglass").
        // Two content words run together need more: both long, in the dictionary and used
        // elsewhere in the text ("philosophersrepresent").
        bool strong_content_words = count == 2 && !capitalised;
        for (std::size_t p = 0; p < count; ++p)
            strong_content_words = strong_content_words && width(pieces[p]) >= 4 &&
                                   context.vocabulary->lowered_word_count(lowered[p]) >= 2 && is_word(pieces[p], context);
        if (common_pieces + 1 < static_cast<int>(count) && !strong_content_words) return;
        if (token_count > 1 && common_pieces < static_cast<int>(count)) return;
        if (best.empty() || count < best.size() || (count == best.size() && weakest > best_weakest)) {
            best.assign(pieces.begin(), pieces.begin() + static_cast<long>(count));
            best_weakest = weakest;
        }
    };
    for (std::size_t a = 1; a < n; ++a) consider(std::array<std::size_t, 3>{0, offsets[a], token.size()});
    if (best.empty()) {
        for (std::size_t a = 1; a + 1 < n; ++a)
            for (std::size_t b = a + 1; b < n; ++b)
                consider(std::array<std::size_t, 4>{0, offsets[a], offsets[b], token.size()});
    }
    return best;
}

namespace {

// "class.This": a sentence end glued to the next sentence. Returns the byte offset after the
// full stop, or npos.
std::size_t glued_sentence(std::string_view text, std::size_t dot, const RepairContext& context) {
    if (dot == 0 || dot + 2 >= text.size()) return std::string_view::npos;
    // The word before the stop: at least two letters, the last one lower case (not "G.P.").
    std::size_t start = dot;
    while (start > 0) {
        std::size_t back = start - 1;
        while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
        std::size_t probe = back;
        if (!is_letter(next_code_point(text, probe))) break;
        start = back;
    }
    const std::string_view before = text.substr(start, dot - start);
    if (width(before) < 2 || !is_lower(last_code_point(before))) return std::string_view::npos;
    // The word after: a capital then lower case letters, a word the text or dictionary knows.
    std::size_t end = dot + 1;
    while (end < text.size()) {
        std::size_t probe = end;
        if (!is_letter(next_code_point(text, probe))) break;
        end = probe;
    }
    const std::string_view after = text.substr(dot + 1, end - dot - 1);
    if (width(after) < 2 || !is_upper(first_code_point(after))) return std::string_view::npos;
    for (std::size_t k = 1; k < after.size(); ++k)
        if (after[k] >= 'A' && after[k] <= 'Z') return std::string_view::npos;
    if (end < text.size() && (text[end] == '.' || text[end] == '@' || text[end] == '/')) return std::string_view::npos;
    if (start > 0 && (text[start - 1] == '.' || text[start - 1] == '/' || text[start - 1] == '@'))
        return std::string_view::npos;
    if (context.vocabulary->word_count(after) < 2 && !is_word(after, context)) return std::string_view::npos;
    if (context.vocabulary->word_count(before) < 2 && !is_word(before, context)) return std::string_view::npos;
    return dot + 1;
}

// Hashes std::string and std::string_view alike, so the cache is searched without a copy.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// split_run_together's answer for each distinct token. The answer depends on the token, the
// document's vocabulary and the dictionary only, all fixed while the pass runs, and a novel
// repeats its words thousands of times: each is judged once.
using SplitCache = std::unordered_map<std::string, std::vector<std::string>, TextHash, std::equal_to<>>;

const std::vector<std::string>& cached_split(std::string_view word, const RepairContext& context, SplitCache& cache) {
    if (const auto found = cache.find(word); found != cache.end()) return found->second;
    return cache.emplace(std::string(word), split_run_together(word, context)).first->second;
}

// False when split_run_together is sure to leave the token alone for what is seen at a glance:
// under four bytes (so under four letters), a hyphen or an apostrophe. Most words of a text stop
// here, before the cache is searched.
bool may_be_run_together(const Token& token) { return token.end - token.begin >= 4 && !token.joined; }

// The line with its lost spaces restored, each restoration explained in `reasons`; when there are
// none (most lines) the result is empty and the line is not copied.
std::string repair_line(const std::string& text, const RepairContext& context, SplitCache& cache,
                        std::vector<Token>& tokens, std::vector<std::string>& reasons) {
    std::size_t copied = 0;
    // Glued sentences first, then run-together tokens.
    std::string glued_fixed;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '.' && text[i] != '?' && text[i] != '!') continue;
        const std::size_t at = glued_sentence(text, i, context);
        if (at == std::string_view::npos) continue;
        glued_fixed.append(text, copied, at - copied);
        glued_fixed += ' ';
        copied = at;
        reasons.push_back("a full stop glued to the next sentence");
    }
    std::string_view fixed = text;
    if (!reasons.empty()) {
        glued_fixed.append(text, copied, std::string::npos);
        fixed = glued_fixed;
    }

    std::string out;
    copied = 0;
    letter_tokens(fixed, tokens);
    for (const Token& token : tokens) {
        const std::string_view word = fixed.substr(token.begin, token.end - token.begin);
        if (!may_be_run_together(token)) continue;
        // Never touch tokens in URLs, e-mail addresses or next to digits.
        const char before = token.begin > 0 ? fixed[token.begin - 1] : ' ';
        const char after = token.end < fixed.size() ? fixed[token.end] : ' ';
        if (before == '/' || before == '@' || after == '@' || after == '/' || std::isdigit(static_cast<unsigned char>(before)) ||
            std::isdigit(static_cast<unsigned char>(after)) || before == '_' || after == '_')
            continue;
        const std::vector<std::string>& pieces = cached_split(word, context, cache);
        if (pieces.empty()) continue;
        out.append(fixed, copied, token.begin - copied);
        for (std::size_t p = 0; p < pieces.size(); ++p) {
            if (p > 0) out += ' ';
            out += pieces[p];
        }
        copied = token.end;
        // Appended, not "'" + word + "...": GCC 12 at -O3 warns falsely (-Wrestrict) on that.
        std::string reason = "'";
        reason += word;
        reason += "' is no word, but its parts are words of this text";
        reasons.push_back(std::move(reason));
    }
    if (reasons.empty()) return out;
    out.append(fixed.substr(copied));
    return out;
}

}  // namespace

void restore_lost_spaces(TextBlocks& blocks, const RepairContext& context) {
    SplitCache cache;
    std::vector<Token> tokens;  // one buffer for every line
    std::vector<std::string> reasons;
    for (TextBlock& block : blocks) {
        if (block.kind != BlockKind::paragraph && block.kind != BlockKind::block_quote) continue;
        if (is_all_caps(block.lines.front().text)) continue;
        for (Line& line : block.lines) {
            reasons.clear();
            std::string repaired = repair_line(line.text, context, cache, tokens, reasons);
            if (reasons.empty()) continue;
            std::string reason;
            for (const std::string& r : reasons) reason += (reason.empty() ? "" : "; ") + r;
            context.record(lost_spaces_pass, line.number, line.text, repaired, reason);
            line.text = std::move(repaired);
        }
    }
}

}  // namespace pamphlet::readers::repair
