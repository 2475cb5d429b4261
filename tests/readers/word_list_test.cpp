// The build-time word list gives hunspell's own answers without loading hunspell: the same
// answer for every word of a large sample, no hunspell load for the seed essay, and hunspell
// again when the list is missing or older than the dictionary.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "readers/dictionary.hpp"
#include "readers/plain_text.hpp"
#include "readers/word_list.hpp"
#include "support/command.hpp"

namespace pamphlet::readers {
namespace {

namespace fs = std::filesystem;
using test_support::read_file;
using test_support::ScratchFolder;

const fs::path hunspell_folder = "/usr/share/hunspell";

std::unique_ptr<const WordList> english_list() {
    return WordList::open(built_word_lists() / "en_US.words", hunspell_folder / "en_US.aff", hunspell_folder / "en_US.dic");
}

// Runs of letters (any non-ASCII byte counts as one), apostrophes and hyphens.
void add_tokens(const std::string& text, std::set<std::string>& words) {
    std::string word;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalpha(byte) || byte >= 0x80 || c == '\'' || c == '-') {
            word.push_back(c);
        } else if (!word.empty()) {
            words.insert(word);
            word.clear();
        }
    }
    if (!word.empty()) words.insert(word);
}

std::string ascii_lower(std::string word) {
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return word;
}
std::string ascii_upper(std::string word) {
    for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return word;
}
std::string initcap(std::string word) {
    word = ascii_lower(word);
    if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    return word;
}
std::string curly(std::string word) {
    std::string out;
    for (const char c : word) out += c == '\'' ? std::string("\xE2\x80\x99") : std::string(1, c);
    return out;
}

// Every distinct token of the corpus texts and of /usr/share/dict/american-english, their
// capitalisations, glued and hyphenated neighbours, curly apostrophes and stray hyphens.
std::vector<std::string> sample_words() {
    std::set<std::string> tokens;
    for (const auto& entry : fs::directory_iterator(std::string(PAMPHLET_SHARED_DIR) + "/corpus"))
        add_tokens(read_file(entry.path()), tokens);
    std::ifstream dictionary("/usr/share/dict/american-english");
    for (std::string line; std::getline(dictionary, line);) tokens.insert(line);
    std::set<std::string> sample;
    std::string previous = "the";
    for (const std::string& token : tokens) {
        for (const std::string& form : {token, ascii_lower(token), ascii_upper(token), initcap(token)}) {
            sample.insert(form);
            if (form.find('\'') != std::string::npos) sample.insert(curly(form));
        }
        sample.insert(previous + ascii_lower(token));
        sample.insert(previous + "-" + token);
        sample.insert(ascii_upper(previous + "-" + token));
        sample.insert(initcap(previous + "-" + token));
        sample.insert("-" + token);
        sample.insert(token + "-");
        sample.insert(previous + "--" + token);
        previous = ascii_lower(token);
    }
    for (const char* odd : {"-", "--", "a-b-c-d-e-f-g-h-i-j-k", "well-to-do", "WELL-TO-DO", "self-self-"})
        sample.insert(odd);
    return {sample.begin(), sample.end()};
}

TEST(WordList, AnswersAsHunspellForEveryWordItDecides) {
    const std::unique_ptr<const WordList> list = english_list();
    ASSERT_NE(list, nullptr) << "the build made no usable en_US word list";
    Dictionaries hunspell_only(hunspell_folder, "");
    const std::vector<std::string> sample = sample_words();
#ifdef PAMPHLET_SANITIZED
    // Under ASan hunspell's answers for a million words take minutes, and memory errors need no
    // more than a spread of words to show: every 16th. The normal suite compares them all.
    constexpr std::size_t stride = 16;
#else
    constexpr std::size_t stride = 1;
#endif
    std::size_t decided = 0, accepted = 0, differ = 0, asked = 0;
    for (std::size_t index = 0; index < sample.size(); index += stride) {
        const std::string& word = sample[index];
        ++asked;
        const std::optional<bool> answer = list->spell(word);
        if (!answer) continue;
        ++decided;
        const bool expected = hunspell_only.spell("en_US", word);
        accepted += expected ? 1 : 0;
        if (*answer != expected && ++differ <= 20)
            ADD_FAILURE() << "'" << word << "': list says " << *answer << ", hunspell " << expected;
    }
    EXPECT_EQ(differ, 0u);
    EXPECT_EQ(hunspell_only.hunspell_loaded(), 1u);
    std::cout << asked << " words, " << decided << " decided by the list, " << accepted << " of them accepted\n";
    // Nearly every word is decided (the rest have digits, dots or rare letters); a list that
    // decided little would not spare the run its hunspell load.
    EXPECT_GT(decided, asked * 95 / 100);
    EXPECT_GT(accepted, decided / 10);
}

TEST(WordList, LeavesToHunspellWhatItCannotDecide) {
    const std::unique_ptr<const WordList> list = english_list();
    ASSERT_NE(list, nullptr);
    // digits, dots, spaces, a dotted capital I, the Kelvin sign (it lowers to "k")
    for (const char* word : {"1st", "22nd", "3.5", "etc.", "a b", "\xC4\xB0stanbul", "\xE2\x84\xAA" "elvin"})
        EXPECT_FALSE(list->spell(word).has_value()) << word;
    EXPECT_EQ(list->spell("production"), true);
    EXPECT_EQ(list->spell("PRODUCTION\xE2\x80\x99S"), true);  // ICONV: ’ as '
    EXPECT_EQ(list->spell("prodcution"), false);
}

TEST(WordList, TheSeedEssayLoadsNoHunspell) {
    Dictionaries store;
    ReadOptions options;
    options.dictionaries = &store;
    model::Report report;
    read_plain_text(read_file(std::string(PAMPHLET_SOURCE_DIR) + "/input/russian-question.txt"), options, report);
    EXPECT_EQ(store.files_loaded(), 1u);  // the word list
    EXPECT_EQ(store.hunspell_loaded(), 0u);
    EXPECT_FALSE(report.repairs.empty());  // it did ask questions
}

// A list whose dictionary files differ from those it was made from (here: copies, so their
// modification time differs) or that is missing is not used: hunspell answers.
TEST(WordList, AStaleOrMissingListFallsBackToHunspell) {
    ScratchFolder scratch;
    const fs::path folder = scratch.path() / "hunspell";
    const fs::path lists = scratch.path() / "lists";
    fs::create_directories(folder);
    fs::create_directories(lists);
    fs::copy_file(hunspell_folder / "en_US.aff", folder / "en_US.aff");
    fs::copy_file(hunspell_folder / "en_US.dic", folder / "en_US.dic");
    EXPECT_EQ(WordList::open(built_word_lists() / "en_US.words", folder / "en_US.aff", folder / "en_US.dic"), nullptr);
    {
        Dictionaries missing(folder, lists);
        const Dictionary english("en", missing);
        EXPECT_TRUE(english.knows("production"));
        EXPECT_FALSE(english.knows("prodcution"));
        EXPECT_EQ(missing.hunspell_loaded(), 1u);
    }
    fs::copy_file(built_word_lists() / "en_US.words", lists / "en_US.words");
    {
        Dictionaries stale(folder, lists);
        const Dictionary english("en", stale);
        EXPECT_TRUE(english.knows("production"));
        EXPECT_EQ(stale.hunspell_loaded(), 1u);
    }
    {
        Dictionaries current(hunspell_folder, lists);  // the same list beside the files it was made from
        const Dictionary english("en", current);
        EXPECT_TRUE(english.knows("production"));
        EXPECT_EQ(current.hunspell_loaded(), 0u);
    }
}

TEST(WordList, ARefusedDictionaryIsAskedOfHunspell) {
    if (!fs::exists(hunspell_folder / "de_DE.aff")) GTEST_SKIP() << "hunspell-de-de missing";
    EXPECT_EQ(WordList::open(built_word_lists() / "de_DE.words", hunspell_folder / "de_DE.aff", hunspell_folder / "de_DE.dic"),
              nullptr);
    Dictionaries store;
    const Dictionary german("de", store);
    EXPECT_TRUE(german.knows("Arbeiterbewegung"));  // a compound: only hunspell knows it
    EXPECT_EQ(store.hunspell_loaded(), 1u);
}

}  // namespace
}  // namespace pamphlet::readers
