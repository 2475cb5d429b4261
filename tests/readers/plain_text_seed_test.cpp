// The seed essay (input/russian-question.txt, extracted from a PDF with its damage) read by the
// plain-text reader: the acceptance criteria of issue 3, checked on the real file.
#include <gtest/gtest.h>

#include <regex>

#include "readers/plain_text_test_support.hpp"  // first: the Markdown helpers need model::Report
#include "readers/markdown_test_helpers.hpp"
#include "model/check.hpp"
#include "readers/plain_text.hpp"

namespace pamphlet::readers {
namespace {

struct Seed {
    std::string source;
    model::Report report;
    model::Document document;
    std::vector<std::string> outline;
    std::string all_text;  // every block's text, one block per line

    Seed() {
        source = test::read_file(std::string(PAMPHLET_SOURCE_DIR) + "/input/russian-question.txt");
        document = read_plain_text(decode_source(source, "russian-question.txt", report), ReadOptions{}, report);
        outline = test::outline(document);
        for (const std::string& line : outline) all_text += line + "\n";
    }
};

const Seed& seed() {
    static const Seed instance;
    return instance;
}

TEST(SeedEssay, HasAllThirteenHeadingsAtTheRightLevel) {
    std::vector<std::string> headings;
    for (const std::string& line : seed().outline)
        if (line.starts_with("H")) headings.push_back(line);
    const std::vector<std::string> expected = {
        "H1 DEFINITIONS AND OUTLINE OF ARGUMENT",
        "H1 WHAT IS \u201COWNERSHIP OF THE MEANS OF PRODUCTION\u201D?",
        "H1 OWNERSHIP OF THE MEANS OF PRODUCTION IN THE SOVIET UNION",
        "H1 INADEQUATE ANSWERS, INADEQUATE QUESTIONS",
        "H2 The \u201Cworkers\u2019 state\u201D idea",
        "H2 The inheritance idea",
        "H1 \u201CSOVIET INC.\u201D: SOVIET STATE-CAPITALISM",
        "H1 INVESTMENT AND INPUT ALLOCATION",
        "H1 WHO DID IT? THE REVOLUTIONARY ROAD TO STATE CAPITALISM",
        "H2 Mainstream Communists",
        "H2 Trotskyists",
        "H2 Leninist counter-revolution",
        "H1 CONCLUSION",
    };
    EXPECT_EQ(headings, expected);
}

TEST(SeedEssay, NoWordStaysBrokenAtALineEnd) {
    // Every word the source breaks at a line end comes out whole: joined, or with its hyphen
    // where it is a compound (or, for "manager- for", the author's hyphen-and-space dash).
    const std::set<std::string> compounds = {"self-managing", "one-year", "anarcho-syndicalist", "state-capitalism",
                                             "anti-working"};
    const std::regex broken(R"(([A-Za-z]+)-\n ?([A-Za-z]+))");
    const std::string& source = seed().source;
    int checked = 0;
    for (std::sregex_iterator it(source.begin(), source.end(), broken), end; it != end; ++it) {
        const std::string left = (*it)[1].str();
        const std::string right = (*it)[2].str();
        const std::string compound = left + "-" + right;
        std::string expected = compounds.contains(compound) ? compound : left + right;
        if (left == "manager") expected = "manager- for";
        EXPECT_NE(seed().all_text.find(expected), std::string::npos) << "missing: " << expected;
        EXPECT_EQ(seed().all_text.find(left + "- " + right + " "), left == "manager" ? seed().all_text.find(expected)
                                                                                    : std::string::npos);
        ++checked;
    }
    EXPECT_EQ(checked, 37);
}

TEST(SeedEssay, JoinsTheTwoParagraphsSplitByPageBreaks) {
    const std::string& text = seed().all_text;
    EXPECT_NE(text.find("P Hence, all of the features of class\u2013based ownership of the means of production were present "
                        "in the Soviet Union. An obvious"),
              std::string::npos);
    EXPECT_NE(text.find("P That is consistent with Marxism \u2013 but what Marxist accepts it? On the contrary, comrades try "
                        "and manoeuvre through"),
              std::string::npos);
}

TEST(SeedEssay, SplitsRunTogetherWords) {
    const std::string& text = seed().all_text;
    for (const char* damaged : {"themeans", "Myargumentwill", "theWest", "RedArmy", "class.This", "amonth", "theymake",
                                "inWestern", "themasses", "Revolutionwhich", "socialism.The"})
        EXPECT_EQ(text.find(damaged), std::string::npos) << damaged;
    for (const char* repaired : {"the means of production.", "P My argument will be", "in the West", "the Red Army",
                                 "class. This self-government", "R301 a month", "they make a fetish"})
        EXPECT_NE(text.find(repaired), std::string::npos) << repaired;
    // Real words and names are left alone.
    for (const char* kept : {"may bested be", "Shoprite", "Sovnarkom", "Maximoff", "equalled", "G.P. Maximoff"})
        EXPECT_NE(text.find(kept), std::string::npos) << kept;
}

TEST(SeedEssay, TheLeninQuotationIsTheOnlyBlockQuote) {
    std::vector<std::string> quotes;
    for (const std::string& line : seed().outline)
        if (line.starts_with("Q ")) quotes.push_back(line);
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_TRUE(quotes[0].starts_with("Q \u201CThe revolution demands in the interest of socialism that the masses"));
    EXPECT_TRUE(quotes[0].ends_with("(\u201CImmediate Tasks \u2026\u201D)"));
}

TEST(SeedEssay, NoOtherParagraphIsBroken) {
    // Every paragraph starts a sentence and ends one; the glued paragraph ends are split.
    int paragraphs = 0;
    for (const std::string& line : seed().outline) {
        if (!line.starts_with("P ")) continue;
        ++paragraphs;
        const std::string text = line.substr(2);
        bool ends_properly = false;
        for (const char* end : {".", "?", "!", ")", ":", ".\u201D", "!\u201D"}) ends_properly = ends_properly || text.ends_with(end);
        EXPECT_TRUE(ends_properly) << "ends mid-sentence: " << text.substr(0, 80);
        EXPECT_TRUE(std::regex_search(text, std::regex(R"(^(\(|\u201C)?[A-Z])"))) << "starts mid-sentence: " << text.substr(0, 80);
    }
    for (const char* start : {"P Hence, all of the features", "P There are two common arguments", "P What is here but the very kernel",
                              "P That is consistent with Marxism", "P This line of argument raises"})
        EXPECT_NE(seed().all_text.find(std::string("\n") + start), std::string::npos) << start;
    // Counted by hand: 80 blank-line blocks, less 12 heading blocks and the quotation; plus four
    // paragraph ends glued without a blank line (a fifth glued a heading); less two page splits.
    EXPECT_EQ(paragraphs, 69);
}

TEST(SeedEssay, PassesTheModelCheckAndRecordsItsRepairs) {
    EXPECT_TRUE(model::check(seed().document).empty());
    std::set<std::string> passes;
    for (const model::Repair& repair : seed().report.repairs) {
        passes.insert(repair.pass);
        EXPECT_GT(repair.line, 0);
        EXPECT_FALSE(repair.reason.empty());
    }
    for (const char* pass : {"page-starts", "split-paragraphs", "join-paragraphs", "dehyphenate", "lost-spaces"})
        EXPECT_TRUE(passes.contains(pass)) << pass;
}

TEST(SeedEssay, DisabledPassesChangeNothing) {
    model::Report report;
    ReadOptions options;
    options.disabled_repairs = {"dehyphenate", "lost-spaces"};
    const model::Document document = read_plain_text(decode_source(seed().source, "seed", report), options, report);
    for (const model::Repair& repair : report.repairs) {
        EXPECT_NE(repair.pass, "dehyphenate");
        EXPECT_NE(repair.pass, "lost-spaces");
    }
    std::string text;
    for (const std::string& line : test::outline(document)) text += line + "\n";
    EXPECT_NE(text.find("produc- tion"), std::string::npos);
    EXPECT_NE(text.find("themeans"), std::string::npos);
}

}  // namespace
}  // namespace pamphlet::readers
