// The text helpers every repair pass leans on (widths, case, tokens, word counts), checked against
// plain definitions on text where their fast paths (eight bytes at a time, ASCII runs, a memo of
// spellings) meet the slow ones: multi-byte letters at every offset, capitals, joiners.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/text.hpp"
#include "readers/plain_text_test_support.hpp"
#include "readers/read_document.hpp"
#include "readers/repair/utf8_text.hpp"
#include "readers/repair/vocabulary.hpp"

namespace pamphlet::readers::repair {
namespace {

using test::numbered_lines;

// Code points counted one by one: every byte that is not a continuation byte starts one.
std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        next_code_point(text, i);
        ++count;
    }
    return count;
}

TEST(RepairTextHelpers, WidthCountsCodePointsWhereverTheMultiByteLettersFall) {
    // "é" (2 bytes), "—" (3 bytes) and "😀" (4 bytes) shifted through every position of an
    // eight-byte group, in texts long enough to be counted in groups.
    for (const std::string wide : {"\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80"}) {
        for (std::size_t lead = 0; lead < 20; ++lead) {
            const std::string text = std::string(lead, 'a') + wide + "bc" + wide + std::string(lead % 7, 'z');
            EXPECT_EQ(width(text), code_points(text)) << text;
            EXPECT_EQ(width(text), lead + 1 + 2 + 1 + lead % 7) << text;
        }
    }
    EXPECT_EQ(width(""), 0u);
    EXPECT_EQ(width("\x80\x80"), 0u) << "stray continuation bytes start nothing";
}

TEST(RepairTextHelpers, LowerCaseIntoABufferMatchesTheCopy) {
    std::string buffer = "left over from an earlier, longer word";
    for (const std::string word : {"WAR", "Natásha", "ÉCOLE", "Ärger", "ПЬЕР", "already", ""}) {
        to_lower(word, buffer);
        EXPECT_EQ(buffer, to_lower(word)) << word;
    }
    to_lower("Natásha", buffer);
    EXPECT_EQ(buffer, "natásha");
    to_lower("ПЬЕР", buffer);
    EXPECT_EQ(buffer, "пьер");
    to_lower("ABC-Def", buffer);
    EXPECT_EQ(buffer, "abc-def");
}

TEST(RepairTextHelpers, TokensMarkInnerHyphensAndApostrophes) {
    const std::string text = "self-management, don’t and 'quoted' words- here";
    const std::vector<Token> tokens = letter_tokens(text);
    std::vector<std::string> words;
    std::vector<bool> joined;
    for (const Token& token : tokens) {
        words.emplace_back(text.substr(token.begin, token.end - token.begin));
        joined.push_back(token.joined);
    }
    EXPECT_EQ(words, (std::vector<std::string>{"self-management", "don’t", "and", "quoted", "words", "here"}));
    EXPECT_EQ(joined, (std::vector<bool>{true, true, false, false, false, false}));
}

TEST(RepairTextHelpers, TokensCrossFromAsciiToOtherLetters) {
    const std::string text = "Bolkónski’s Ärger, naïve—Pierre";
    std::vector<std::string> words;
    for (const Token& token : letter_tokens(text)) words.emplace_back(text.substr(token.begin, token.end - token.begin));
    EXPECT_EQ(words, (std::vector<std::string>{"Bolkónski’s", "Ärger", "naïve", "Pierre"}));
}

TEST(RepairTextHelpers, VocabularyCountsEverySpellingOfAWordAsOne) {
    // The same word in several spellings, repeated: the counts add up whatever spelling came
    // first, and hyphenated compounds still count their parts.
    const Vocabulary vocabulary(numbered_lines({"The war and the War, THE WAR.", "Natásha, NATÁSHA and natásha.",
                                                "A well-known man, well known, and well-known again."}));
    EXPECT_EQ(vocabulary.word_count("the"), 3);
    EXPECT_EQ(vocabulary.word_count("WAR"), 3);
    EXPECT_EQ(vocabulary.word_count("natásha"), 3);
    EXPECT_EQ(vocabulary.word_count("Natásha"), 3);
    EXPECT_EQ(vocabulary.word_count("well"), 3);
    EXPECT_EQ(vocabulary.word_count("known"), 3);
    EXPECT_EQ(vocabulary.compound_count("well-known"), 2);
    EXPECT_EQ(vocabulary.prefix_count("well"), 2);
    EXPECT_EQ(vocabulary.word_count("and"), 3);
}

TEST(RepairTextHelpers, InvalidBytesAreFoundWhereverTheyFall) {
    // The reader mends text the model cannot hold: a byte that starts no valid UTF-8 is found at
    // any offset of a long, otherwise printable line (which is checked eight bytes at a time).
    for (const std::string bad : {"\xFF", "\xC3", "\x80"}) {
        for (std::size_t at = 0; at < 24; ++at) {
            std::string line(40, 'x');
            line.replace(at, 1, bad);
            model::Report report;
            ReadOptions options;
            options.language = "en";
            const model::Document document = read_document(line + "\n", InputFormat::plain_text, options, report);
            const std::string text = model::visible_text(document.blocks.front());
            EXPECT_EQ(text, std::string(at, 'x') + std::string(model::replacement_character) + std::string(39 - at, 'x'))
                << "bad byte " << static_cast<int>(static_cast<unsigned char>(bad[0])) << " at " << at;
            ASSERT_FALSE(report.warnings.empty());
        }
    }
    EXPECT_TRUE(model::is_valid_model_text(std::string(100, 'x') + "\n\t" + std::string(30, '~')));
    EXPECT_FALSE(model::is_valid_model_text(std::string(100, 'x') + "\r" + std::string(30, '~')));
}

}  // namespace
}  // namespace pamphlet::readers::repair
