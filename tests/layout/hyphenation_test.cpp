#include "layout/hyphenation.hpp"

#include <gtest/gtest.h>

#include <string>

#include "layout/layout_test_support.hpp"
#include "layout/shaping.hpp"

namespace pamphlet::layout {
namespace {

using testing::shared_hyphenation;

// The word with a hyphen at every point the dictionary allows.
std::string hyphenated(Hyphenation& hyphenation, const std::string& word, const std::string& language) {
    std::string out;
    std::size_t previous = 0;
    for (std::size_t point : hyphenation.points(word, language)) {
        out += word.substr(previous, point - previous) + "-";
        previous = point;
    }
    return out + word.substr(previous);
}

TEST(Hyphenation, EnglishWordsBreakAtTheirSyllables) {
    Hyphenation& hyphenation = shared_hyphenation();
    EXPECT_EQ(hyphenated(hyphenation, "hyphenation", "en"), "hy-phen-ation");
    EXPECT_EQ(hyphenated(hyphenation, "Hyphenation", "en-US"), "Hy-phen-ation");  // case does not matter
    EXPECT_EQ(hyphenated(hyphenation, "revolutionary", "en"), "rev-o-lu-tion-ary");
    EXPECT_EQ(hyphenated(hyphenation, "socialism", "en-GB"), "so-cial-ism");  // no en_GB file: falls back to en
}

TEST(Hyphenation, GermanWordsIncludingLatin1DictionaryAndUmlauts) {
    Hyphenation& hyphenation = shared_hyphenation();
    EXPECT_EQ(hyphenated(hyphenation, "Silbentrennung", "de"), "Sil-ben-tren-nung");
    EXPECT_EQ(hyphenated(hyphenation, "Silbentrennung", "de-DE"), "Sil-ben-tren-nung");
    // The German dictionary is ISO 8859-1: UTF-8 input is converted and offsets come back in UTF-8.
    std::string word = "Größenordnung";
    std::vector<std::size_t> points = hyphenation.points(word, "de");
    ASSERT_FALSE(points.empty());
    for (std::size_t point : points) {
        ASSERT_LT(point, word.size());
        EXPECT_NE(static_cast<unsigned char>(word[point]) & 0xC0, 0x80) << "point inside a UTF-8 sequence";
    }
    EXPECT_EQ(hyphenated(hyphenation, word, "de"), "Grö-ßen-ord-nung");
}

TEST(Hyphenation, KeepsTwoLettersLeftAndThreeRight) {
    Hyphenation& hyphenation = shared_hyphenation();
    for (const std::string word : {"academy", "abolition", "beautiful", "independence", "eradicated", "Arbeiterklasse"}) {
        std::size_t letters = decode_utf8(word).size();
        for (std::size_t point : hyphenation.points(word, word == "Arbeiterklasse" ? "de" : "en")) {
            std::size_t before = decode_utf8(word.substr(0, point)).size();
            EXPECT_GE(before, 2u) << word;
            EXPECT_GE(letters - before, 3u) << word;
        }
    }
    EXPECT_TRUE(hyphenation.points("the", "en").empty());
    EXPECT_TRUE(hyphenation.points("also", "en").empty());
}

TEST(Hyphenation, UnknownLanguagesHaveNoPoints) {
    Hyphenation& hyphenation = shared_hyphenation();
    EXPECT_FALSE(hyphenation.supports("xx"));
    EXPECT_FALSE(hyphenation.supports(""));
    EXPECT_TRUE(hyphenation.supports("en"));
    EXPECT_TRUE(hyphenation.supports("de-AT"));
    EXPECT_TRUE(hyphenation.points("hyphenation", "xx").empty());
    EXPECT_TRUE(hyphenation.dictionary_file("xx-YY").empty());
    EXPECT_EQ(hyphenation.dictionary_file("de-CH-1996").filename(), "hyph_de_CH.dic");
}

TEST(Hyphenation, RepeatedLookupsGiveTheSameAnswer) {
    Hyphenation& hyphenation = shared_hyphenation();
    auto first = hyphenation.points("international", "en");
    EXPECT_FALSE(first.empty());
    EXPECT_EQ(hyphenation.points("international", "en"), first);
    EXPECT_NE(hyphenation.points("international", "de"), std::vector<std::size_t>{});  // a separate cache entry
}

TEST(Hyphenation, MissingDirectoryMeansNoHyphenation) {
    Hyphenation hyphenation("/nonexistent/hyphen");
    EXPECT_FALSE(hyphenation.supports("en"));
    EXPECT_TRUE(hyphenation.points("hyphenation", "en").empty());
}

}  // namespace
}  // namespace pamphlet::layout
