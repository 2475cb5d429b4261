// epubcheck (the W3C's EPUB validator, Debian `epubcheck`) must accept what we write with no
// fatal error, error or warning.
#include <gtest/gtest.h>

#include "epub_test_support.hpp"

namespace pamphlet::epub::testing {
namespace {

void expect_epubcheck_clean(const std::string& epub_bytes, const std::string& name) {
    if (!std::filesystem::exists(epubcheck_jar)) GTEST_SKIP() << "epubcheck is not installed (apt-get install epubcheck)";
    const auto path = scratch_directory("epubcheck") / (name + ".epub");
    write_file(path, epub_bytes);
    const EpubcheckSummary summary = run_epubcheck(path);
    ASSERT_TRUE(summary.ran) << summary.output;
    EXPECT_EQ(summary.fatals, 0) << summary.output;
    EXPECT_EQ(summary.errors, 0) << summary.output;
    EXPECT_EQ(summary.warnings, 0) << summary.output;
}

TEST(Epubcheck, AcceptsEveryBlockAndInlineKindWithPageListAndNotes) {
    const Document document = sample_document();
    Report report;
    expect_epubcheck_clean(write_epub(document, layout::Style{}, sample_page_starts(document), {}, report), "sample");
}

TEST(Epubcheck, AcceptsEmbeddedFontsAndAFigure) {
    Document document = sample_document();
    // A real image beside the test data: the figure must be packed and listed in the manifest.
    const auto directory = scratch_directory("figure");
    const auto image = directory / "dot.svg";
    write_file(image, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>\n");
    for (Block& block : document.blocks)
        if (auto* figure = std::get_if<Figure>(&block.value)) figure->source = image.string();
    EpubOptions options;
    options.embed_fonts = true;
    Report report;
    const std::string bytes = write_epub(document, layout::Style{}, sample_page_starts(document), options, report);
    EXPECT_EQ(read_epub(bytes).files.count("EPUB/images/figure-1.svg"), 1U);
    expect_epubcheck_clean(bytes, "fonts-and-figure");
}

TEST(Epubcheck, AcceptsAUserCoverImage) {
    const auto directory = scratch_directory("cover");
    const auto cover = directory / "cover.svg";
    write_file(cover, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"900\"><rect width=\"600\" height=\"900\" fill=\"red\"/></svg>\n");
    EpubOptions options;
    options.cover_image = cover;
    Report report;
    const std::string bytes = write_epub(sample_document(), layout::Style{}, {}, options, report);
    expect_epubcheck_clean(bytes, "user-cover");
}

TEST(Epubcheck, AcceptsAnEmptyDocument) {
    Report report;
    expect_epubcheck_clean(write_epub(Document{}, layout::Style{}, {}, {}, report), "empty");
}

}  // namespace
}  // namespace pamphlet::epub::testing
