// Numbers in styles must be real numbers in range: TOML allows `nan` and `inf`, and a comparison
// with NaN is always false, so a range check written as "below min or above max" lets NaN through
// (the style fuzzer found a NaN margin that way) and the page geometry becomes NaN.
#include <gtest/gtest.h>

#include <string>

#include "layout/style.hpp"

using namespace pamphlet::layout;

namespace {

void expect_refused(const std::string& toml, const std::string& key) {
    try {
        (void)parse_style(toml, "fuzzed.toml");
        ADD_FAILURE() << "accepted: " << toml;
    } catch (const StyleError& error) {
        EXPECT_EQ(error.file(), "fuzzed.toml");
        EXPECT_EQ(error.line(), 2) << error.what();
        EXPECT_NE(std::string(error.what()).find(key), std::string::npos) << error.what();
    }
}

}  // namespace

TEST(StyleNumbers, NotANumberIsRefusedForEveryKindOfNumber) {
    expect_refused("[page]\nmargin_bottom_mm = nan\n", "margin_bottom_mm");
    expect_refused("[page]\nmargin_top_mm = -nan\n", "margin_top_mm");
    expect_refused("[font]\nsize_pt = nan\n", "size_pt");
    expect_refused("[font]\nleading = inf\n", "leading");
    expect_refused("[paragraph]\nindent_em = -inf\n", "indent_em");
}

TEST(StyleNumbers, PaperSizesMustBeFinitePositiveNumbers) {
    EXPECT_THROW(parse_paper_size("nanxnanmm"), std::invalid_argument);
    EXPECT_THROW(parse_paper_size("100xinfmm"), std::invalid_argument);
    EXPECT_THROW(parse_paper_size("0x100mm"), std::invalid_argument);
    const auto [width, height] = parse_paper_size("100x200mm");
    EXPECT_NEAR(width, 100 * 72 / 25.4, 1e-9);
    EXPECT_NEAR(height, 200 * 72 / 25.4, 1e-9);
}
