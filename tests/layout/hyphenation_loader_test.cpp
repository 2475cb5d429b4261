// Our pattern loader must build exactly the dictionary libhyphen's hnj_hyphen_load builds: every
// installed pattern file is loaded both ways, compared state by state, and then asked to hyphenate
// a large word list (the corpus, the Hunspell stems, awkward cases) with identical answers.
#include "layout/hyphenation_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <ostream>
#include <set>
#include <unistd.h>
#include <string>
#include <vector>

namespace pamphlet::layout {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> installed_pattern_files() {
    std::set<fs::path> files;  // symlinked variants resolve to one file
    std::error_code error;
    for (const auto& entry : fs::directory_iterator("/usr/share/hyphen", error)) {
        std::string name = entry.path().filename().string();
        if (name.starts_with("hyph_") && name.ends_with(".dic")) files.insert(fs::canonical(entry.path()));
    }
    return {files.begin(), files.end()};
}

std::string file_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool same_string(const char* a, const char* b) {
    if (a == nullptr || b == nullptr) return a == b;
    return std::strcmp(a, b) == 0;
}

// The NOHYPHEN list: nohyphenl + 1 NUL-separated entries.
std::vector<std::string> nohyphen_entries(const HyphenDict& dict) {
    std::vector<std::string> out;
    if (dict.nohyphen == nullptr) return out;
    const char* entry = dict.nohyphen;
    for (int i = 0; i <= dict.nohyphenl; ++i) {
        out.emplace_back(entry);
        entry += out.back().size() + 1;
    }
    return out;
}

void expect_same_level(const HyphenDict& ours, const HyphenDict& theirs, const std::string& where) {
    SCOPED_TRACE(where);
    EXPECT_EQ(ours.lhmin, theirs.lhmin);
    EXPECT_EQ(ours.rhmin, theirs.rhmin);
    EXPECT_EQ(ours.clhmin, theirs.clhmin);
    EXPECT_EQ(ours.crhmin, theirs.crhmin);
    EXPECT_EQ(ours.nohyphenl, theirs.nohyphenl);
    EXPECT_EQ(nohyphen_entries(ours), nohyphen_entries(theirs));
    EXPECT_STREQ(ours.cset, theirs.cset);
    EXPECT_EQ(ours.utf8, theirs.utf8);
    ASSERT_EQ(ours.num_states, theirs.num_states);
    int differing = 0;
    for (int i = 0; i < ours.num_states && differing < 5; ++i) {
        const HyphenState& a = ours.states[i];
        const HyphenState& b = theirs.states[i];
        bool same = same_string(a.match, b.match) && same_string(a.repl, b.repl) &&
                    a.fallback_state == b.fallback_state && a.num_trans == b.num_trans;
        // libhyphen leaves the replacement positions unset on states without a replacement.
        if (same && a.repl != nullptr) same = a.replindex == b.replindex && a.replcut == b.replcut;
        for (int t = 0; same && t < a.num_trans; ++t)
            same = a.trans[t].ch == b.trans[t].ch && a.trans[t].new_state == b.trans[t].new_state;
        if (!same) {
            ADD_FAILURE() << "state " << i << " differs";
            ++differing;
        }
    }
    ASSERT_EQ(ours.nextlevel == nullptr, theirs.nextlevel == nullptr);
    if (ours.nextlevel != nullptr) expect_same_level(*ours.nextlevel, *theirs.nextlevel, where + " next level");
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

void PrintTo(const Answer& answer, std::ostream* out) {
    *out << "result " << answer.result << ", hyphens \"" << answer.hyphens << "\"";
    for (std::size_t i = 0; i < answer.rep.size(); ++i)
        if (answer.rep[i] != "\x01null")
            *out << ", at " << i << " \"" << answer.rep[i] << "\" " << answer.pos[i] << "," << answer.cut[i];
}

Answer hyphenate(HyphenDict* dict, const std::string& word, bool with_minima) {
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

void add_tokens(std::set<std::string>& words, const std::string& text) {
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

// Every word the comparison runs: UTF-8, both as written and in lower case (ASCII).
std::vector<std::string> word_list() {
    std::set<std::string> words;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator("/work/shared/corpus", error)) {
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
bool to_latin1(const std::string& utf8, std::string& out) {
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

TEST(HyphenationLoader, BuildsLibhyphensDictionaryForEveryInstalledFile) {
    const std::vector<fs::path> files = installed_pattern_files();
    if (files.empty()) GTEST_SKIP() << "no pattern files in /usr/share/hyphen";
    const std::vector<std::string> words = word_list();
    ASSERT_GT(words.size(), 10000u);
    for (const fs::path& file : files) {
        SCOPED_TRACE(file.string());
        HyphenDictHandle ours = load_hyphen_dict(file);
        HyphenDictHandle theirs(hnj_hyphen_load(file.c_str()));
        ASSERT_TRUE(ours);
        ASSERT_TRUE(theirs);
        expect_same_level(*ours, *theirs, "first level");
        ASSERT_FALSE(HasFailure());

        std::string encoded;
        std::size_t compared = 0;
        std::size_t breaks = 0;
        for (const std::string& word : words) {
            if (ours->utf8 != 0) {
                encoded = word;
            } else if (!to_latin1(word, encoded)) {
                continue;
            }
            for (bool with_minima : {false, true}) {
                Answer a = hyphenate(ours.get(), encoded, with_minima);
                Answer b = hyphenate(theirs.get(), encoded, with_minima);
                ASSERT_EQ(a, b) << "word \"" << word << "\"" << (with_minima ? " with minima" : "");
                breaks += static_cast<std::size_t>(std::count_if(
                    a.hyphens.begin(), a.hyphens.begin() + static_cast<std::ptrdiff_t>(encoded.size()),
                    [](char c) { return c >= '0' && c <= '9' && (c - '0') % 2 == 1; }));
            }
            ++compared;
        }
        RecordProperty(file.filename().string() + "_words", static_cast<int>(compared));
        // The comparison means something only if the words were hyphenated at all.
        EXPECT_GT(compared, 10000u);
        EXPECT_GT(breaks, compared);
    }
}

TEST(HyphenationLoader, ReadsOptionsNextLevelAndNonStandardPatterns) {
    // A small file with everything the format has, compared with libhyphen reading the same file.
    const std::string text =
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
    const fs::path file = fs::temp_directory_path() / ("pamphlet-hyph-" + std::to_string(::getpid()) + ".dic");
    {
        std::ofstream out(file, std::ios::binary);
        out << text;
    }
    HyphenDictHandle ours = parse_hyphen_dict(text);
    HyphenDictHandle theirs(hnj_hyphen_load(file.c_str()));
    fs::remove(file);
    ASSERT_TRUE(ours);
    ASSERT_TRUE(theirs);
    expect_same_level(*ours, *theirs, "first level");
    ASSERT_NE(ours->nextlevel, nullptr);
    EXPECT_EQ(ours->lhmin, 1);
    for (const std::string word : {"schiffahrt", "affft", "abc", "őőő", "ackack", "a-b", "zzzzzzzzzzzz"}) {
        EXPECT_EQ(hyphenate(ours.get(), word, false), hyphenate(theirs.get(), word, false)) << word;
    }
}

TEST(HyphenationLoader, OneLevelFileGetsTheImplicitFirstLevel) {
    const std::string text = "ISO8859-1\r\nLEFTHYPHENMIN 3\r\na1b\r\n";
    HyphenDictHandle ours = parse_hyphen_dict(text);
    ASSERT_TRUE(ours);
    ASSERT_NE(ours->nextlevel, nullptr);
    EXPECT_STREQ(ours->cset, "ISO8859-1");
    EXPECT_EQ(ours->utf8, 0);
    EXPECT_EQ(ours->lhmin, 3);
    EXPECT_EQ(ours->clhmin, 3);
    EXPECT_EQ(ours->crhmin, 3);
    EXPECT_EQ(nohyphen_entries(*ours), (std::vector<std::string>{"'", "-"}));
}

TEST(HyphenationLoader, MissingFileGivesNull) {
    EXPECT_FALSE(load_hyphen_dict("/nonexistent/hyph_xx.dic"));
}

}  // namespace
}  // namespace pamphlet::layout
