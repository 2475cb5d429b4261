// The input limits (docs/limits.md): the size limit and the nesting estimate that stops markup
// too deep for the readers and backends to walk.
#include <gtest/gtest.h>

#include <string>

#include "model/diagnostics.hpp"
#include "readers/input_limits.hpp"

using namespace pamphlet::readers;

namespace {

std::string repeat(std::string_view piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += piece;
    return out;
}

int depth(std::string_view text, InputFormat format = InputFormat::markdown) {
    return estimate_nesting_depth(text, format).depth;
}

}  // namespace

TEST(InputSize, AtTheLimitPassesAndOneByteOverIsRefusedWithTheSizes) {
    EXPECT_NO_THROW(check_input_size(max_input_bytes, "big.txt"));
    try {
        check_input_size(50 * 1024 * 1024, "big.txt");
        FAIL() << "50 MB passed";
    } catch (const pamphlet::model::InputError& error) {
        EXPECT_EQ(error.file(), "big.txt");
        EXPECT_EQ(error.line(), 0);
        EXPECT_NE(std::string(error.what()).find("50.0 MB"), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("16.0 MB"), std::string::npos) << error.what();
    }
    EXPECT_THROW(check_input_size(max_input_bytes + 1, "big.txt"), pamphlet::model::InputError);
}

TEST(NestingEstimate, CountsEachKindOfMarkdownNesting) {
    EXPECT_EQ(depth("Just a paragraph.\n"), 0);
    EXPECT_EQ(depth("> > > three quotes\n"), 3);
    EXPECT_EQ(depth(">>>>>five\n"), 5);
    EXPECT_EQ(depth("- - - three lists\n"), 3);
    EXPECT_EQ(depth("1. 2) - mixed\n"), 3);
    EXPECT_EQ(depth("- item\n    - nested by indentation\n"), 2);
    EXPECT_EQ(depth("*one* and _two_\n"), 1);
    EXPECT_EQ(depth("**strong**\n"), 2);  // a run counts its length: the factor-of-two overcount
    EXPECT_EQ(depth("*a *b *c d* e* f*\n"), 3);
    EXPECT_EQ(depth("[a [b [c]]]\n"), 3);
}

TEST(NestingEstimate, IgnoresWhatIsNotNesting) {
    EXPECT_EQ(depth("snake_case_names and 2*3*4 and * * * spaced\n"), 0);
    EXPECT_EQ(depth("a `***code***` span\n"), 0);
    EXPECT_EQ(depth("```\n" + repeat("> ", 500) + "\n```\n"), 0);  // fenced code is text
    EXPECT_EQ(depth("closing only* and** here***\n"), 0);
    EXPECT_EQ(depth("\\*escaped \\*stars\n"), 0);
    EXPECT_EQ(depth(repeat("> ", 500), InputFormat::plain_text), 0);  // plain text has no markup
}

TEST(NestingEstimate, EmphasisIsOpenUntilTheParagraphEnds) {
    EXPECT_EQ(depth("*a\n*b\n*c\n"), 3);
    EXPECT_EQ(depth("*a\n\n*b\n\n*c\n"), 1);
}

TEST(NestingEstimate, ReportsTheLineOfTheDeepestNesting) {
    const NestingEstimate estimate = estimate_nesting_depth("# Title\n\n> one\n\n> > > three\n\n> two\n", InputFormat::markdown);
    EXPECT_EQ(estimate.depth, 3);
    EXPECT_EQ(estimate.line, 5);
}

TEST(NestingEstimate, CountsMuseTagsAcrossLinesAndInsideOne) {
    EXPECT_EQ(depth("<quote>\n<quote>\ntext\n</quote>\n</quote>\n", InputFormat::muse), 2);
    EXPECT_EQ(depth(repeat("<em>", 7) + "x" + repeat("</em>", 7) + "\n", InputFormat::muse), 7);
    EXPECT_EQ(depth("<example>\n" + repeat("<quote>", 500) + "\n</example>\n", InputFormat::muse), 0);
    EXPECT_EQ(depth(" - a list\n", InputFormat::muse), 1);
}

TEST(InputLimits, TenThousandLevelsAreRefusedNamingFileAndLine) {
    for (const std::string& deep : {repeat(">", 10000) + " q\n", repeat("- ", 10000) + "item\n",
                                    repeat("*", 10000) + "x" + repeat("*", 10000) + "\n"}) {
        try {
            check_input_limits("Intro.\n\n" + deep, InputFormat::markdown, "deep.md");
            FAIL() << "accepted " << deep.substr(0, 20);
        } catch (const pamphlet::model::InputError& error) {
            EXPECT_EQ(error.file(), "deep.md");
            EXPECT_EQ(error.line(), 3);
            EXPECT_NE(std::string(error.what()).find("limit of 100"), std::string::npos) << error.what();
        }
    }
}

TEST(InputLimits, AtTheDepthLimitPassesAndOneMoreIsRefused) {
    EXPECT_NO_THROW(check_input_limits(repeat("> ", max_nesting_depth) + "x\n", InputFormat::markdown, "a.md"));
    EXPECT_THROW(check_input_limits(repeat("> ", max_nesting_depth + 1) + "x\n", InputFormat::markdown, "a.md"),
                 pamphlet::model::InputError);
}

TEST(InputLimits, EmptyAndWhitespaceOnlyTextsAreRefusedAsEmpty) {
    for (const std::string& empty : {std::string(), std::string(" \n\t\n  \r\n")}) {
        try {
            check_input_limits(empty, InputFormat::plain_text, "empty.txt");
            FAIL() << "accepted an empty text";
        } catch (const pamphlet::model::InputError& error) {
            EXPECT_EQ(error.file(), "empty.txt");
            EXPECT_NE(std::string(error.what()).find("empty"), std::string::npos) << error.what();
        }
    }
    EXPECT_NO_THROW(check_input_limits("\n\n  x\n", InputFormat::plain_text, "tiny.txt"));
}
