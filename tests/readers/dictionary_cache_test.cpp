// Spelling dictionaries: loaded lazily, once per run (a Dictionaries store shared by the run's
// documents), and the plain-text reader takes the language it is told instead of guessing.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "readers/dictionary.hpp"
#include "readers/plain_text.hpp"
#include "readers/read_document.hpp"

namespace pamphlet::readers {
namespace {

// Words broken at line ends ("produc-" / "tion"): the dehyphenation pass asks the dictionary.
const std::string broken_words =
    "The associations of producers organised the distri-\n"
    "bution of goods without any central administra-\n"
    "tion, and the neighbourhoods kept their own accoun-\n"
    "ting in common books open to everybody.\n";

TEST(Dictionaries, NothingIsLoadedBeforeTheFirstQuestion) {
    Dictionaries store;
    const Dictionary english("en", store);
    ASSERT_TRUE(english.available()) << "hunspell-en-us missing";
    EXPECT_EQ(english.name(), "en_US");
    EXPECT_EQ(store.files_loaded(), 0u);
    EXPECT_TRUE(english.knows("production"));
    EXPECT_FALSE(english.knows("prodcution"));
    EXPECT_TRUE(english.knows("labour"));  // British spellings through their American forms
    EXPECT_EQ(store.files_loaded(), 1u);
}

TEST(Dictionaries, DocumentsOfOneRunShareOneLoad) {
    Dictionaries store;
    const Dictionary first("en", store);
    const Dictionary second("en-US", store);
    EXPECT_TRUE(first.knows("cooperative"));
    EXPECT_TRUE(second.knows("cooperative"));
    EXPECT_TRUE(second.loaded());
    EXPECT_EQ(store.files_loaded(), 1u);
}

TEST(Dictionaries, AnswersAreTheSameFromManyThreads) {
    Dictionaries store;
    const std::vector<std::string> words = {"association", "bution", "administration", "xqzvw", "neighbour"};
    std::vector<bool> expected;
    {
        const Dictionary alone("en");
        for (const std::string& word : words) expected.push_back(alone.knows(word));
    }
    std::vector<std::vector<bool>> got(4);
    {
        std::vector<std::jthread> threads;
        for (std::size_t t = 0; t < got.size(); ++t)
            threads.emplace_back([&, t] {
                const Dictionary own("en", store);
                for (int round = 0; round < 50; ++round)
                    for (const std::string& word : words) got[t].push_back(own.knows(word));
            });
    }
    for (const auto& answers : got)
        for (std::size_t i = 0; i < answers.size(); ++i) EXPECT_EQ(answers[i], expected[i % words.size()]);
    EXPECT_EQ(store.files_loaded(), 1u);
}

TEST(Dictionaries, ALanguageWithoutDictionaryLoadsNothing) {
    Dictionaries store;
    const Dictionary none("xx", store);
    EXPECT_FALSE(none.available());
    EXPECT_FALSE(none.knows("word"));
    EXPECT_EQ(store.files_loaded(), 0u);
}

TEST(PlainTextRun, TwoDocumentsLoadTheDictionaryOnceAndReadAsAlone) {
    Dictionaries store;
    ReadOptions shared;
    shared.dictionaries = &store;
    model::Report report_alone, report_shared;
    const model::Document alone = read_plain_text(broken_words, ReadOptions{}, report_alone);
    const model::Document first = read_plain_text(broken_words, shared, report_shared);
    const model::Document second = read_plain_text(broken_words, shared, report_shared);
    EXPECT_EQ(store.files_loaded(), 1u);
    ASSERT_FALSE(report_alone.repairs.empty());  // the line-end breaks were repaired
    ASSERT_EQ(report_shared.repairs.size(), 2 * report_alone.repairs.size());
    for (std::size_t i = 0; i < report_alone.repairs.size(); ++i) {
        EXPECT_EQ(report_shared.repairs[i].after, report_alone.repairs[i].after);
        EXPECT_EQ(report_shared.repairs[i + report_alone.repairs.size()].after, report_alone.repairs[i].after);
    }
    EXPECT_EQ(first.blocks.size(), alone.blocks.size());
    EXPECT_EQ(second.blocks.size(), alone.blocks.size());
}

TEST(PlainTextRun, ATextThatRaisesNoQuestionLoadsNoDictionary) {
    Dictionaries store;
    ReadOptions options;
    options.dictionaries = &store;
    model::Report report;
    read_plain_text("The cat sat on the mat.\n\nA dog ran to it.\n", options, report);
    EXPECT_EQ(store.files_loaded(), 0u);
    EXPECT_TRUE(report.repairs.empty());
}

TEST(PlainTextLanguage, TheLanguageGivenWinsOverTheGuess) {
    const std::string german = "Die Arbeiter und die Bauern sind nicht frei, und der Staat ist der Feind.\n";
    model::Report report;
    EXPECT_EQ(read_plain_text(german, ReadOptions{}, report).metadata.language, "de");  // the guess
    ReadOptions told;
    told.language = "en-GB";
    EXPECT_EQ(read_plain_text(german, told, report).metadata.language, "en-GB");
}

}  // namespace
}  // namespace pamphlet::readers
