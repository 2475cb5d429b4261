// Figures in print: the image at its natural size but never wider than the column or taller
// than the text block, kept on one page with its caption, moved on whole when it does not fit;
// an image that cannot be printed leaves its caption and a warning naming the file.
#include <gtest/gtest.h>

#include "layout/layout_test_support.hpp"
#include "layout/page_builder.hpp"
#include "layout/prepare.hpp"
#include "layout/typeset.hpp"
#include "model/text.hpp"
#include "support/command.hpp"
#include "support/test_images.hpp"

namespace pamphlet::layout {
namespace {

using test_support::make_png;
using test_support::PngSpec;

using testing::paragraph;

model::Block figure(const std::filesystem::path& source, std::string caption) {
    model::Figure value;
    value.source = source.string();
    value.alt = "alt: " + caption;
    value.caption = {model::Text{std::move(caption)}};
    return value;
}

std::string words(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text += (i > 0 ? " " : "") + std::string(i % 3 == 0 ? "solidarity" : "and aid");
    return text + ".";
}

struct Placed {
    std::size_t page = 0;
    ImageBox box;
};

struct Result {
    TypesetDocument pages;
    model::Report report;
    std::vector<Placed> images;
};

Result typeset_blocks(model::Blocks blocks, const Style& style = {}) {
    model::Document document;
    document.metadata.title = "Figures";
    document.blocks = std::move(blocks);
    prepare_document(document, style);
    Result result;
    result.pages = typeset(document, style, result.report);
    for (std::size_t p = 0; p < result.pages.pages.size(); ++p)
        for (const PageItem& item : result.pages.pages[p].items)
            if (const auto* box = std::get_if<ImageBox>(&item)) result.images.push_back({p, *box});
    return result;
}

// The page holding a glyph run (a word, as justified lines are set word by word) containing
// `needle`, and that run's baseline.
std::optional<std::pair<std::size_t, double>> find_text(const TypesetDocument& pages, const std::string& needle) {
    for (std::size_t p = 0; p < pages.pages.size(); ++p)
        for (const PageItem& item : pages.pages[p].items)
            if (const auto* run = std::get_if<GlyphRun>(&item); run && run->text.find(needle) != std::string::npos)
                return std::make_pair(p, run->y_pt);
    return std::nullopt;
}

bool has_warning_naming(const model::Report& report, const std::string& name) {
    for (const model::Warning& warning : report.warnings)
        if (warning.message.find(name) != std::string::npos) return true;
    return false;
}

TEST(TypesetFigure, ImageAtItsNaturalSizeCentredAboveItsCaption) {
    test_support::ScratchFolder folder;
    const auto image = folder / "small.png";
    test_support::write_file(image, make_png({200, 100, 2, 8, false, 200}));  // 72 x 36 pt
    const Style style;
    const Result result = typeset_blocks({paragraph(words(30)), figure(image, "Frontispiece"), paragraph(words(10))}, style);
    ASSERT_EQ(result.images.size(), 1U);
    const Placed& placed = result.images.front();
    EXPECT_NEAR(placed.box.width_pt, 72, 0.01);
    EXPECT_NEAR(placed.box.height_pt, 36, 0.01);
    EXPECT_EQ(placed.box.alt, "alt: Frontispiece");
    EXPECT_EQ(placed.box.image->info.width_px, 200);

    const TextBlock block = text_block(style.page, static_cast<int>(placed.page) + 1);
    EXPECT_NEAR(placed.box.x_pt + placed.box.width_pt / 2, block.left_pt + block.width_pt / 2, 0.01);
    const auto caption = find_text(result.pages, "Frontispiece");
    ASSERT_TRUE(caption);
    EXPECT_EQ(caption->first, placed.page);
    EXPECT_LT(caption->second, placed.box.y_pt);                          // below the picture
    EXPECT_GT(caption->second, placed.box.y_pt - 3 * style.font.size_pt);  // and close to it
    const auto before = find_text(result.pages, "solidarity");
    ASSERT_TRUE(before);
    EXPECT_GT(before->second, placed.box.y_pt + placed.box.height_pt);  // the text above stays above
    EXPECT_FALSE(has_warning_naming(result.report, "small.png"));
}

TEST(TypesetFigure, WideImagesShrinkToTheColumnAndTallOnesIntoTheTextBlock) {
    test_support::ScratchFolder folder;
    const auto wide = folder / "wide.png";
    const auto tall = folder / "tall.png";
    test_support::write_file(wide, make_png({3000, 300, 0, 8, false, 72}));
    test_support::write_file(tall, make_png({200, 4000, 0, 8, false, 72}));
    const Style style;
    const Result result = typeset_blocks({figure(wide, "Wide"), paragraph(words(20)), figure(tall, "Tall")}, style);
    ASSERT_EQ(result.images.size(), 2U);
    const TextBlock block = text_block(style.page, 1);

    const ImageBox& w = result.images[0].box;
    EXPECT_NEAR(w.width_pt, block.width_pt, 0.01);
    EXPECT_NEAR(w.height_pt, block.width_pt / 10, 0.01);  // proportions kept

    const Placed& t = result.images[1];
    const TextBlock tall_block = text_block(style.page, static_cast<int>(t.page) + 1);
    EXPECT_NEAR(t.box.width_pt / t.box.height_pt, 200.0 / 4000.0, 1e-6);
    EXPECT_LE(t.box.y_pt + t.box.height_pt, tall_block.top_pt + 0.01);
    const auto caption = find_text(result.pages, "Tall");
    ASSERT_TRUE(caption);
    EXPECT_EQ(caption->first, t.page);  // the caption still fits on the picture's page
    EXPECT_GE(caption->second, tall_block.bottom_pt);
    EXPECT_GT(t.box.height_pt, 0.8 * tall_block.height());  // shrunk to fit, not to a thumbnail
}

TEST(TypesetFigure, FigureThatDoesNotFitMovesWholeToTheNextPage) {
    test_support::ScratchFolder folder;
    const auto image = folder / "plate.png";
    test_support::write_file(image, make_png({600, 600, 2, 8, false, 150}));  // 288 pt: a large share of A5
    const Style style;
    // Enough text to fill most of the first body page, then the figure.
    model::Blocks blocks;
    for (int i = 0; i < 4; ++i) blocks.push_back(paragraph(words(60)));
    blocks.push_back(figure(image, "Plate"));
    blocks.push_back(paragraph(words(40)));
    const Result result = typeset_blocks(std::move(blocks), style);
    ASSERT_EQ(result.images.size(), 1U);
    const Placed& placed = result.images.front();
    const auto first_text = find_text(result.pages, "solidarity");
    ASSERT_TRUE(first_text);
    EXPECT_GT(placed.page, first_text->first);  // moved on
    const auto caption = find_text(result.pages, "Plate");
    ASSERT_TRUE(caption);
    EXPECT_EQ(caption->first, placed.page);
    const TextBlock block = text_block(style.page, static_cast<int>(placed.page) + 1);
    EXPECT_NEAR(placed.box.y_pt + placed.box.height_pt, block.top_pt, 0.5);  // it opens the page
}

TEST(TypesetFigure, UnprintableImagesLeaveTheCaptionAndAWarningNamingTheFile) {
    test_support::ScratchFolder folder;
    const auto broken = folder / "broken.png";
    const std::string png = make_png({40, 40, 2, 8, false, 0});
    test_support::write_file(broken, png.substr(0, png.size() / 2));
    const auto interlaced = folder / "interlaced.png";
    test_support::write_file(interlaced, make_png({40, 40, 2, 8, true, 0}));
    const Result result = typeset_blocks({figure(folder / "missing.png", "Firstcaption"),
                                          figure(broken, "Secondcaption"), figure(interlaced, "Thirdcaption")});
    EXPECT_TRUE(result.images.empty());
    for (const std::string name : {"missing.png", "broken.png", "interlaced.png"})
        EXPECT_TRUE(has_warning_naming(result.report, name)) << name;
    for (const std::string caption : {"Firstcaption", "Secondcaption", "Thirdcaption"})
        EXPECT_TRUE(find_text(result.pages, caption)) << caption;
}

TEST(TypesetFigure, OneImageUsedTwiceIsLoadedOnce) {
    test_support::ScratchFolder folder;
    const auto image = folder / "emblem.png";
    test_support::write_file(image, make_png({50, 50, 2, 8, false, 0}));
    const Result result = typeset_blocks({figure(image, "Once"), paragraph(words(20)), figure(image, "Twice")});
    ASSERT_EQ(result.images.size(), 2U);
    EXPECT_EQ(result.images[0].box.image.get(), result.images[1].box.image.get());
}

}  // namespace
}  // namespace pamphlet::layout
