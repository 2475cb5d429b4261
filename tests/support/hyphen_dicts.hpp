// What the hyphenation loader and image tests share: the installed pattern files, a state-by-state
// comparison of two libhyphen dictionaries, one hyphenation call's complete answer, and a large
// list of words to ask (the corpus, the Hunspell stems, awkward cases).
#pragma once

#include <hyphen.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace pamphlet::test_support {

// A small pattern file with everything the format has: a comment, two levels, options, NOHYPHEN
// lists, non-standard patterns, a repeated pattern, a blank line, an over-long line.
inline const std::string every_feature_patterns =
    "UTF-8\n"
    "% a comment\n"
    "LEFTHYPHENMIN 1\n"
    "RIGHTHYPHENMIN 1\n"
    "COMPOUNDLEFTHYPHENMIN 2\n"
    "COMPOUNDRIGHTHYPHENMIN 2\n"
    "NOHYPHEN -,'\n"
    "1-1\n"
    "NEXTLEVEL\n"
    "NOHYPHEN x\n"
    "a1b\n"
    ".ab2c\n"
    "ff1f/ff=f,2,2\n"
    ".schif1fahrt/schiff=fahrt,5,1\n"
    "ő1ő/őx=ő,1,2\n"
    "c1k/k=k\n"
    "a1b\n"
    "\n"
    "2b.\n"
    "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz1zzzzzzzzzzzzz\n";

inline std::vector<std::filesystem::path> installed_pattern_files() {
    std::set<std::filesystem::path> files;  // symlinked variants resolve to one file
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/share/hyphen", error)) {
        std::string name = entry.path().filename().string();
        if (name.starts_with("hyph_") && name.ends_with(".dic")) files.insert(std::filesystem::canonical(entry.path()));
    }
    return {files.begin(), files.end()};
}

inline std::string file_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline bool same_string(const char* a, const char* b) {
    if (a == nullptr || b == nullptr) return a == b;
    return std::strcmp(a, b) == 0;
}

// The NOHYPHEN list: nohyphenl + 1 NUL-separated entries.
inline std::vector<std::string> nohyphen_entries(const HyphenDict& dict) {
    std::vector<std::string> out;
    if (dict.nohyphen == nullptr) return out;
    const char* entry = dict.nohyphen;
    for (int i = 0; i <= dict.nohyphenl; ++i) {
        out.emplace_back(entry);
        entry += out.back().size() + 1;
    }
    return out;
}

// How much of two dictionaries must agree. libhyphen leaves the replacement positions unset on
// states without a replacement, so against libhyphen only what it sets is compared; two of our
// own dictionaries (parsed and from an image) must agree in every field.
enum class Agreement { what_libhyphen_sets, every_field };

inline void expect_same_level(const HyphenDict& ours, const HyphenDict& theirs, const std::string& where,
                              Agreement agreement = Agreement::what_libhyphen_sets) {
    SCOPED_TRACE(where);
    const bool every_field = agreement == Agreement::every_field;
    EXPECT_EQ(ours.lhmin, theirs.lhmin);
    EXPECT_EQ(ours.rhmin, theirs.rhmin);
    EXPECT_EQ(ours.clhmin, theirs.clhmin);
    EXPECT_EQ(ours.crhmin, theirs.crhmin);
    EXPECT_EQ(ours.nohyphenl, theirs.nohyphenl);
    EXPECT_EQ(nohyphen_entries(ours), nohyphen_entries(theirs));
    EXPECT_STREQ(ours.cset, theirs.cset);
    if (every_field) {
        EXPECT_EQ(ours.nohyphen == nullptr, theirs.nohyphen == nullptr);
        EXPECT_EQ(std::memcmp(ours.cset, theirs.cset, sizeof ours.cset), 0);
    }
    EXPECT_EQ(ours.utf8, theirs.utf8);
    ASSERT_EQ(ours.num_states, theirs.num_states);
    int differing = 0;
    for (int i = 0; i < ours.num_states && differing < 5; ++i) {
        const HyphenState& a = ours.states[i];
        const HyphenState& b = theirs.states[i];
        bool same = same_string(a.match, b.match) && same_string(a.repl, b.repl) &&
                    a.fallback_state == b.fallback_state && a.num_trans == b.num_trans;
        if (same && (a.repl != nullptr || every_field)) same = a.replindex == b.replindex && a.replcut == b.replcut;
        if (same && every_field) same = (a.trans == nullptr) == (b.trans == nullptr);
        for (int t = 0; same && t < a.num_trans; ++t)
            same = a.trans[t].ch == b.trans[t].ch && a.trans[t].new_state == b.trans[t].new_state;
        if (!same) {
            ADD_FAILURE() << "state " << i << " differs";
            ++differing;
        }
    }
    ASSERT_EQ(ours.nextlevel == nullptr, theirs.nextlevel == nullptr);
    if (ours.nextlevel != nullptr)
        expect_same_level(*ours.nextlevel, *theirs.nextlevel, where + " next level", agreement);
}

// One hyphenation call's complete answer.
struct Answer {
    int result = 0;
    std::string hyphens;
    std::vector<std::string> rep;  // "\x01null" for no entry
    std::vector<int> pos;
    std::vector<int> cut;
    bool operator==(const Answer&) const = default;
};

inline void PrintTo(const Answer& answer, std::ostream* out) {
    *out << "result " << answer.result << ", hyphens \"" << answer.hyphens << "\"";
    for (std::size_t i = 0; i < answer.rep.size(); ++i)
        if (answer.rep[i] != "\x01null")
            *out << ", at " << i << " \"" << answer.rep[i] << "\" " << answer.pos[i] << "," << answer.cut[i];
}

inline Answer hyphenate(HyphenDict* dict, const std::string& word, bool with_minima) {
    const int size = static_cast<int>(word.size());
    std::string hyphens(word.size() + 5, 'x');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    Answer answer;
    answer.result = with_minima ? hnj_hyphen_hyphenate3(dict, word.c_str(), size, hyphens.data(), nullptr, &rep,
                                                        &pos, &cut, 2, 3, 2, 3)
                                : hnj_hyphen_hyphenate2(dict, word.c_str(), size, hyphens.data(), nullptr, &rep,
                                                        &pos, &cut);
    answer.hyphens = hyphens;
    if (rep != nullptr) {
        for (int i = 0; i < size; ++i) {
            answer.rep.emplace_back(rep[i] != nullptr ? rep[i] : "\x01null");
            std::free(rep[i]);
            answer.pos.push_back(pos[i]);
            answer.cut.push_back(cut[i]);
        }
    }
    std::free(rep);
    std::free(pos);
    std::free(cut);
    return answer;
}

inline void add_tokens(std::set<std::string>& words, const std::string& text) {
    std::string token;
    std::string letters;
    auto flush = [&] {
        if (!token.empty()) words.insert(token);  // with its punctuation, digits, hyphens
        token.clear();
    };
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (std::isspace(byte) != 0) {
            flush();
        } else {
            token.push_back(c);
        }
        if (std::isalpha(byte) != 0 || byte >= 0x80) {
            letters.push_back(c);
        } else if (!letters.empty()) {
            words.insert(letters);
            letters.clear();
        }
    }
    flush();
    if (!letters.empty()) words.insert(letters);
}

// Every word the comparisons run: UTF-8, both as written and in lower case (ASCII).
inline std::vector<std::string> word_list() {
    std::set<std::string> words;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/work/shared/corpus", error)) {
        auto extension = entry.path().extension();
        if (extension == ".txt" || extension == ".md") add_tokens(words, file_text(entry.path()));
    }
    for (const char* stems : {"/usr/share/hunspell/de_DE.dic", "/usr/share/hunspell/en_US.dic"}) {
        std::ifstream in(stems);
        std::string line;
        std::getline(in, line);  // the count
        while (std::getline(in, line)) words.insert(line.substr(0, line.find('/')));
    }
    for (const char* tricky : {"a", "I", "ab", "Öl", "don't", "l'homme", "rock'n'roll", "well-known",
                               "Mutter-Kind-Kur", "Schiffahrt", "Zucker", "Bettuch", "backen", "Wachstube",
                               "R2D2", "1848", "COVID-19", "Äpfel", "ÄRGERLICH", "Straße", "naïve", "coöperate",
                               "it’s", "Berlin–Moskau", "-", "--", "'", ".", "x.y", "hyphen-", "-ation"})
        words.insert(tricky);
    words.insert(std::string(101, 'a'));
    words.insert(std::string(150, 'x') + "tion");
    std::string long_word;
    while (long_word.size() < 300) long_word += "Donaudampfschifffahrtsgesellschaft";
    words.insert(long_word);
    std::vector<std::string> out;
    for (const std::string& word : words) {
        out.push_back(word);
        std::string lower = word;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower != word) out.push_back(lower);
    }
    return out;
}

// UTF-8 to ISO 8859-1 for the Latin-1 dictionaries (German); false when a character does not fit.
inline bool to_latin1(const std::string& utf8, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte < 0x80) {
            out.push_back(static_cast<char>(byte));
        } else if ((byte == 0xC2 || byte == 0xC3) && i + 1 < utf8.size()) {
            out.push_back(static_cast<char>(((byte & 0x03) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F)));
        } else {
            return false;
        }
    }
    return true;
}

// Hyphenates every word of `words` that the dictionaries' encoding can hold with both, with and
// without the minima, and expects identical answers; returns how many words were compared and
// adds the break points found to `breaks`.
inline std::size_t expect_same_answers(HyphenDict* ours, HyphenDict* theirs, const std::vector<std::string>& words,
                                       std::size_t& breaks) {
    std::string encoded;
    std::size_t compared = 0;
    for (const std::string& word : words) {
        if (ours->utf8 != 0) {
            encoded = word;
        } else if (!to_latin1(word, encoded)) {
            continue;
        }
        for (bool with_minima : {false, true}) {
            Answer a = hyphenate(ours, encoded, with_minima);
            Answer b = hyphenate(theirs, encoded, with_minima);
            EXPECT_EQ(a, b) << "word \"" << word << "\"" << (with_minima ? " with minima" : "");
            if (a != b) return compared;
            breaks += static_cast<std::size_t>(
                std::count_if(a.hyphens.begin(), a.hyphens.begin() + static_cast<std::ptrdiff_t>(encoded.size()),
                              [](char c) { return c >= '0' && c <= '9' && (c - '0') % 2 == 1; }));
        }
        ++compared;
    }
    return compared;
}

}  // namespace pamphlet::test_support
