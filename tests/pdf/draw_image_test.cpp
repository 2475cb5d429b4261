// Images in the PDF: every variant the layout accepts comes out as an image XObject of its own
// pixel size on the page of its caption, the caption is text and the alt text is not, a picture
// used on two pages is embedded once, and the file stays valid and deterministic.
#include <gtest/gtest.h>

#include <sstream>

#include "layout/prepare.hpp"
#include "layout/typeset.hpp"
#include "pdf/draw_page.hpp"
#include "pdf/pdf_validators.hpp"
#include "pdf/write_pdf.hpp"
#include "support/test_images.hpp"

namespace pamphlet::pdf {
namespace {

using test_support::make_png;
using test_support::PngSpec;
using testing::run_command;

// One row of `pdfimages -list`.
struct ListedImage {
    int page = 0;
    std::string type;  // image, smask
    int width = 0;
    int height = 0;
    std::string colour;
    int bits = 0;
    int object = 0;
};

std::vector<ListedImage> list_images(const std::filesystem::path& pdf) {
    std::istringstream lines(run_command("pdfimages -list " + pdf.string()).out);
    std::vector<ListedImage> images;
    std::string line;
    for (int index = 0; std::getline(lines, line); ++index) {
        if (index < 2) continue;  // header and rule
        std::istringstream row(line);
        ListedImage image;
        int number = 0, components = 0;
        std::string encoding, interpolate;
        row >> image.page >> number >> image.type >> image.width >> image.height >> image.colour >> components >>
            image.bits >> encoding >> interpolate >> image.object;
        if (row) images.push_back(image);
    }
    return images;
}

model::Block figure(const std::filesystem::path& source, std::string caption, std::string alt) {
    model::Figure value;
    value.source = source.string();
    value.alt = std::move(alt);
    value.caption = {model::Text{std::move(caption)}};
    return value;
}

std::string print_pdf(model::Document document) {
    const layout::Style style;
    model::Report report;
    document.metadata.title = "Plates";
    layout::prepare_document(document, style);
    const layout::TypesetDocument pages = layout::typeset(document, style, report);
    return write_pdf(pages, document.metadata, {});
}

std::string fixture(const std::string& name) { return std::string(PAMPHLET_TEST_DATA_DIR) + "/images/" + name; }

TEST(PdfImages, EveryPrintableVariantIsEmbeddedAtItsPixelSizeOnItsCaptionsPage) {
    test_support::ScratchFolder folder;
    struct Variant {
        std::string caption;
        std::filesystem::path path;
        int width, height;
        std::string colour;
    };
    std::vector<Variant> variants;
    const std::vector<std::pair<std::string, PngSpec>> pngs = {
        {"RGBplate", {61, 37, 2, 8, false, 0}},  {"Greyplate", {52, 31, 0, 8, false, 0}},
        {"Bitplate", {48, 33, 0, 1, false, 0}},  {"Alphaplate", {47, 29, 6, 8, false, 0}},
        {"Greyalphaplate", {43, 41, 4, 8, false, 0}}, {"Paletteplate", {39, 35, 3, 8, false, 0}}};
    for (const auto& [caption, spec] : pngs) {
        const auto path = folder / (caption + ".png");
        test_support::write_file(path, make_png(spec));
        const std::string colour = spec.colour_type == 3 ? "index" : (spec.colour_type == 0 || spec.colour_type == 4) ? "gray" : "rgb";
        variants.push_back({caption, path, spec.width, spec.height, colour});
    }
    variants.push_back({"Greyjpeg", fixture("gray-72dpi.jpg"), 48, 32, "gray"});
    variants.push_back({"Progressivejpeg", fixture("rgb-progressive.jpg"), 64, 40, "rgb"});
    variants.push_back({"Cmykjpeg", fixture("cmyk.jpg"), 40, 40, "cmyk"});

    model::Document document;
    for (const Variant& variant : variants) {
        document.blocks.push_back(model::Paragraph{{model::Text{"Some running text before the plate."}}});
        document.blocks.push_back(figure(variant.path, variant.caption, "Unprinted description of " + variant.caption));
    }
    const std::string bytes = print_pdf(document);
    EXPECT_EQ(bytes, print_pdf(document)) << "not deterministic";
    const auto pdf = testing::write_pdf_file(folder, bytes, "plates");

    const auto check = run_command("qpdf --check " + pdf.string());
    EXPECT_EQ(check.exit_status, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;

    std::vector<ListedImage> images;
    for (const ListedImage& image : list_images(pdf))
        if (image.type == "image") images.push_back(image);
    ASSERT_EQ(images.size(), variants.size());
    const std::string all_text = run_command("pdftotext " + pdf.string() + " -").out;
    EXPECT_EQ(all_text.find("Unprinted description"), std::string::npos);  // alt text is not printed
    for (std::size_t i = 0; i < variants.size(); ++i) {
        SCOPED_TRACE(variants[i].caption);
        EXPECT_EQ(images[i].width, variants[i].width);
        EXPECT_EQ(images[i].height, variants[i].height);
        EXPECT_EQ(images[i].colour, variants[i].colour);
        EXPECT_EQ(images[i].bits, variants[i].caption == "Bitplate" ? 1 : 8);
        const std::string page = std::to_string(images[i].page);
        const std::string text = run_command("pdftotext -f " + page + " -l " + page + " " + pdf.string() + " -").out;
        EXPECT_NE(text.find(variants[i].caption), std::string::npos) << "caption not on the image's page " << page;
    }
    // The alpha channels become soft masks.
    int masks = 0;
    for (const ListedImage& image : list_images(pdf)) masks += image.type == "smask";
    EXPECT_EQ(masks, 2);
}

TEST(PdfImages, ImageDrawnOnTwoPagesIsEmbeddedOnce) {
    test_support::ScratchFolder folder;
    auto image = std::make_shared<layout::ImageData>();
    image->bytes = make_png({30, 20, 2, 8, false, 0});
    ASSERT_EQ(layout::read_image_info(image->bytes, "emblem.png", image->info), "");
    layout::Page frame{300, 400, "1", {layout::ImageBox{image, 50, 50, 60, 40, "emblem"}}};

    HaruDocument document;
    ImageCache cache;
    draw_page(document, frame, {}, cache);
    frame.label = "2";
    draw_page(document, frame, {}, cache);
    const auto pdf = testing::write_pdf_file(folder, document.save(), "twice");

    const std::vector<ListedImage> images = list_images(pdf);
    ASSERT_EQ(images.size(), 2U);
    EXPECT_EQ(images[0].page, 1);
    EXPECT_EQ(images[1].page, 2);
    EXPECT_EQ(images[0].object, images[1].object);
    EXPECT_EQ(run_command("qpdf --check " + pdf.string()).exit_status, 0);
}

TEST(PdfImages, ImageCacheRefusesWhatLibharuMishandles) {
    layout::ImageData interlaced;
    interlaced.bytes = make_png({30, 20, 2, 8, true, 0});
    ASSERT_EQ(layout::read_image_info(interlaced.bytes, "x.png", interlaced.info), "");
    HaruDocument document;
    ImageCache cache;
    EXPECT_EQ(cache.get(document, interlaced), nullptr);
    EXPECT_NO_THROW(document.check("after a refused image"));
}

}  // namespace
}  // namespace pamphlet::pdf
