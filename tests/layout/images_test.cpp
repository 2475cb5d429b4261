// The figure image loader: type told by the bytes, size and resolution from the header, broken
// files refused with a reason, each file read once per library.
#include "layout/images.hpp"

#include <gtest/gtest.h>

#include "support/command.hpp"
#include "support/test_images.hpp"

namespace pamphlet::layout {
namespace {

using test_support::make_png;
using test_support::PngSpec;

std::string fixture(const std::string& name) {
    return test_support::read_file(std::string(PAMPHLET_TEST_DATA_DIR) + "/images/" + name);
}

ImageInfo info_of(const std::string& bytes, std::string& problem, const std::string& name = "x") {
    ImageInfo info;
    problem = read_image_info(bytes, name, info);
    return info;
}

TEST(ImageInfo, ReadsPngSizeDepthAndResolution) {
    std::string problem;
    const ImageInfo info = info_of(make_png({321, 123, 2, 8, false, 300}), problem);
    EXPECT_EQ(problem, "");
    EXPECT_EQ(info.format, ImageFormat::png);
    EXPECT_EQ(info.width_px, 321);
    EXPECT_EQ(info.height_px, 123);
    EXPECT_NEAR(info.dpi_x, 300, 0.05);
    EXPECT_NEAR(natural_width_pt(info), 321 * 72.0 / 300, 0.01);
    EXPECT_FALSE(info.has_alpha);
    EXPECT_EQ(print_problem(info), "");
}

TEST(ImageInfo, PngWithoutResolutionPrintsAtTheDefault) {
    std::string problem;
    const ImageInfo info = info_of(make_png({150, 75, 0, 8, false, 0}), problem);
    EXPECT_EQ(problem, "");
    EXPECT_EQ(info.dpi_x, 0);
    EXPECT_EQ(info.components, 1);
    EXPECT_DOUBLE_EQ(natural_width_pt(info), 150 * 72.0 / default_image_dpi);
    EXPECT_DOUBLE_EQ(natural_height_pt(info), 75 * 72.0 / default_image_dpi);
}

TEST(ImageInfo, PngVariantsLibharuCannotPrintAreRefusedForPrintOnly) {
    std::string problem;
    const ImageInfo alpha = info_of(make_png({20, 20, 6, 8, false, 0}), problem);
    EXPECT_EQ(problem, "");
    EXPECT_TRUE(alpha.has_alpha);
    EXPECT_EQ(print_problem(alpha), "");  // libharu writes an SMask

    const ImageInfo interlaced = info_of(make_png({20, 20, 2, 8, true, 0}), problem);
    EXPECT_EQ(problem, "");
    EXPECT_TRUE(interlaced.interlaced);
    EXPECT_NE(print_problem(interlaced).find("interlaced"), std::string::npos);

    const ImageInfo deep = info_of(make_png({20, 20, 0, 16, false, 0}), problem);
    EXPECT_EQ(problem, "");
    EXPECT_NE(print_problem(deep).find("16-bit"), std::string::npos);

    // Sub-byte samples print only when every row fills whole bytes.
    EXPECT_EQ(print_problem(info_of(make_png({48, 20, 0, 1, false, 0}), problem)), "");
    EXPECT_EQ(print_problem(info_of(make_png({46, 20, 3, 4, false, 0}), problem)), "");
    EXPECT_NE(print_problem(info_of(make_png({45, 20, 0, 1, false, 0}), problem)).find("1-bit"), std::string::npos);
    EXPECT_NE(print_problem(info_of(make_png({45, 20, 3, 2, false, 0}), problem)).find("2-bit"), std::string::npos);
}

TEST(ImageInfo, BrokenPngsAreRefusedWithAReason) {
    const std::string png = make_png({40, 30, 2, 8, false, 0});
    std::string problem;
    info_of(png.substr(0, png.size() / 2), problem);
    EXPECT_NE(problem.find("truncated"), std::string::npos) << problem;
    info_of(png.substr(0, png.size() - 12), problem);  // IEND missing
    EXPECT_NE(problem.find("truncated"), std::string::npos) << problem;
    info_of(png.substr(0, 20), problem);
    EXPECT_NE(problem.find("truncated"), std::string::npos) << problem;

    std::string damaged = png;
    damaged[png.size() / 2] = static_cast<char>(damaged[png.size() / 2] ^ 0x55);  // inside IDAT
    info_of(damaged, problem);
    EXPECT_NE(problem.find("damaged"), std::string::npos) << problem;

    info_of("", problem);
    EXPECT_NE(problem.find("empty"), std::string::npos);
    info_of("just some text, named photo.png", problem, "photo.png");
    EXPECT_NE(problem.find("not a PNG"), std::string::npos);
}

TEST(ImageInfo, ReadsJpegHeaders) {
    std::string problem;
    const ImageInfo grey = info_of(fixture("gray-72dpi.jpg"), problem);
    EXPECT_EQ(problem, "");
    EXPECT_EQ(grey.format, ImageFormat::jpeg);
    EXPECT_EQ(grey.width_px, 48);
    EXPECT_EQ(grey.height_px, 32);
    EXPECT_EQ(grey.components, 1);
    EXPECT_DOUBLE_EQ(grey.dpi_x, 72);
    EXPECT_DOUBLE_EQ(natural_width_pt(grey), 48);
    EXPECT_EQ(print_problem(grey), "");

    const ImageInfo progressive = info_of(fixture("rgb-progressive.jpg"), problem);
    EXPECT_EQ(problem, "");
    EXPECT_TRUE(progressive.progressive);
    EXPECT_EQ(progressive.width_px, 64);
    EXPECT_EQ(progressive.height_px, 40);
    EXPECT_EQ(print_problem(progressive), "");

    const ImageInfo cmyk = info_of(fixture("cmyk.jpg"), problem);
    EXPECT_EQ(problem, "");
    EXPECT_EQ(cmyk.components, 4);
    EXPECT_TRUE(cmyk.adobe_marker);
    EXPECT_EQ(print_problem(cmyk), "");
}

TEST(ImageInfo, TruncatedJpegIsRefused) {
    const std::string jpeg = fixture("rgb-progressive.jpg");
    std::string problem;
    for (std::size_t keep : {jpeg.size() - 2, jpeg.size() / 2, std::size_t{100}, std::size_t{3}}) {
        info_of(jpeg.substr(0, keep), problem);
        EXPECT_NE(problem.find("truncated"), std::string::npos) << keep << ": " << problem;
    }
}

TEST(ImageInfo, GifAndSvgAreForTheEpubOnly) {
    std::string gif("GIF89a\x0A\x00\x05\x00\x00\x00\x00", 13);
    gif += std::string("\x2C\x00\x00\x00\x00\x0A\x00\x05\x00\x00\x02\x02\x04\x01\x00;", 16);
    std::string problem;
    const ImageInfo info = info_of(gif, problem);
    EXPECT_EQ(problem, "");
    EXPECT_EQ(info.format, ImageFormat::gif);
    EXPECT_EQ(info.width_px, 10);
    EXPECT_EQ(info.height_px, 5);
    EXPECT_NE(print_problem(info).find("GIF"), std::string::npos);

    const ImageInfo svg = info_of("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", problem, "dot.svg");
    EXPECT_EQ(problem, "");
    EXPECT_EQ(svg.format, ImageFormat::svg);
    EXPECT_NE(print_problem(svg).find("SVG"), std::string::npos);
}

TEST(ImageLibrary, LoadsEachSourceOnceAndExplainsMissingFiles) {
    test_support::ScratchFolder folder;
    test_support::write_file(folder / "plate.png", make_png({30, 20, 2, 8, false, 0}));
    ImageLibrary library(folder.path());
    const LoadedImage& first = library.load("plate.png");
    ASSERT_TRUE(first.image) << first.problem;
    EXPECT_EQ(first.image->path, folder / "plate.png");
    EXPECT_EQ(library.load("plate.png").image.get(), first.image.get());

    const LoadedImage& missing = library.load("absent.png");
    EXPECT_FALSE(missing.image);
    EXPECT_NE(missing.problem.find("not found"), std::string::npos);
}

}  // namespace
}  // namespace pamphlet::layout
