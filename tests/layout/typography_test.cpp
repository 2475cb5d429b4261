#include <gtest/gtest.h>

#include "layout/prepare.hpp"
#include "layout/typography.hpp"

using namespace pamphlet;

TEST(Typography, EnglishQuotesDashesEllipsis) {
    EXPECT_EQ(layout::normalize_typography("\"Self-management\" means -- that's it...", "en"),
              "\u201CSelf-management\u201D means \u2013 that\u2019s it\u2026");
    EXPECT_EQ(layout::normalize_typography("'quoted' and (\"inner\")", "en"),
              "\u2018quoted\u2019 and (\u201Cinner\u201D)");
    EXPECT_EQ(layout::normalize_typography("a---b", "en-GB"), "a\u2014b");
}

TEST(Typography, GermanAndFrenchQuotes) {
    EXPECT_EQ(layout::normalize_typography("\"Proletarier\"", "de"), "\u201EProletarier\u201C");
    EXPECT_EQ(layout::normalize_typography("\"Oui\" ? Non !", "fr"),
              "\u00AB\u202FOui\u202F\u00BB\u202F? Non\u202F!");
}

TEST(Typography, QuoteDirectionFollowsTextAcrossInlines) {
    model::Document document;
    document.metadata.language = "en";
    document.blocks.push_back(model::Paragraph{{model::Text{"He said "}, model::Emphasis{{model::Text{"\"no"}}},
                                                model::Text{"\" twice."}}});
    document.blocks.push_back(model::Paragraph{{model::Text{"x"}, model::Code{"\"raw\""}}});
    layout::normalize_typography(document);
    const auto& first = std::get<model::Paragraph>(document.blocks[0].value).content;
    EXPECT_EQ(std::get<model::Text>(std::get<model::Emphasis>(first[1].value).children[0].value).text, "\u201Cno");
    EXPECT_EQ(std::get<model::Text>(first[2].value).text, "\u201D twice.");
    const auto& second = std::get<model::Paragraph>(document.blocks[1].value).content;
    EXPECT_EQ(std::get<model::Code>(second[1].value).text, "\"raw\"");  // code is left alone
}

TEST(Typography, LanguageSpanSwitchesQuoteStyle) {
    model::Document document;
    document.metadata.language = "en";
    document.blocks.push_back(model::Paragraph{{model::LanguageSpan{"de", {model::Text{"\"Ja\""}}}}});
    layout::normalize_typography(document);
    const auto& span = std::get<model::LanguageSpan>(std::get<model::Paragraph>(document.blocks[0].value).content[0].value);
    EXPECT_EQ(std::get<model::Text>(span.children[0].value).text, "\u201EJa\u201C");
}

TEST(Prepare, HeadingIdsFollowTheOutline) {
    model::Document document;
    document.blocks.push_back(model::Heading{1, {model::Text{"A"}}, ""});
    document.blocks.push_back(model::Heading{2, {model::Text{"A.1"}}, ""});
    document.blocks.push_back(model::Heading{2, {model::Text{"A.2"}}, ""});
    document.blocks.push_back(model::Heading{1, {model::Text{"B"}}, "custom"});
    document.blocks.push_back(model::Heading{2, {model::Text{"B.1"}}, ""});
    layout::assign_heading_ids(document);
    std::vector<std::string> ids;
    for (const auto& block : document.blocks) ids.push_back(std::get<model::Heading>(block.value).id);
    EXPECT_EQ(ids, (std::vector<std::string>{"s1", "s1-1", "s1-2", "custom", "s2-1"}));
}
