// Our pattern loader must build exactly the dictionary libhyphen's hnj_hyphen_load builds: every
// installed pattern file is loaded both ways, compared state by state, and then asked to hyphenate
// a large word list (the corpus, the Hunspell stems, awkward cases) with identical answers.
#include "layout/hyphenation_loader.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "support/hyphen_dicts.hpp"

namespace pamphlet::layout {
namespace {

namespace fs = std::filesystem;
using namespace test_support;

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

        std::size_t breaks = 0;
        const std::size_t compared = expect_same_answers(ours.get(), theirs.get(), words, breaks);
        ASSERT_FALSE(HasFailure());
        RecordProperty(file.filename().string() + "_words", static_cast<int>(compared));
        // The comparison means something only if the words were hyphenated at all.
        EXPECT_GT(compared, 10000u);
        EXPECT_GT(breaks, compared);
    }
}

TEST(HyphenationLoader, ReadsOptionsNextLevelAndNonStandardPatterns) {
    // A small file with everything the format has, compared with libhyphen reading the same file.
    const std::string& text = test_support::every_feature_patterns;
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
