// Figures through the real binary, as a user runs it: Markdown and Muse images printed in the
// PDF on the page of their caption at their pixel size, an image taller than the page scaled
// into the text block, missing and broken images named in a warning with their caption kept,
// the same images packed in an EPUB that epubcheck accepts, and byte-identical reruns.
#include <gtest/gtest.h>

#include <sstream>

#include "support/command.hpp"
#include "support/test_images.hpp"

using namespace pamphlet::test_support;

namespace {

// Runs pamphlet inside `folder`, where the document and its images are (image paths are
// relative to the document).
CommandResult convert_in(const ScratchFolder& folder, const std::string& arguments) {
    return run_command("cd " + quote_for_shell(folder.path().string()) + " && SOURCE_DATE_EPOCH=1700000000 " +
                       quote_for_shell(PAMPHLET_BINARY) + " " + arguments);
}

struct ListedImage {
    int page = 0;
    std::string type;
    int width = 0;
    int height = 0;
    double x_ppi = 0;
};

std::vector<ListedImage> list_images(const std::filesystem::path& pdf) {
    std::istringstream lines(run_command("pdfimages -list " + quote_for_shell(pdf.string())).out);
    std::vector<ListedImage> images;
    std::string line;
    for (int index = 0; std::getline(lines, line); ++index) {
        if (index < 2) continue;
        std::istringstream row(line);
        ListedImage image;
        int number = 0, components = 0, bits = 0, object = 0, generation = 0;
        std::string colour, encoding, interpolate;
        row >> image.page >> number >> image.type >> image.width >> image.height >> colour >> components >> bits >>
            encoding >> interpolate >> object >> generation >> image.x_ppi;
        if (row && image.type == "image") images.push_back(image);
    }
    return images;
}

}  // namespace

TEST(Figures, MarkdownImagesArePrintedOnTheirCaptionsPage) {
    ScratchFolder folder;
    write_file(folder / "press.png", make_png({300, 200, 2, 8, false, 150}));  // 144 x 96 pt
    write_file(folder / "column.png", make_png({100, 2400, 0, 8, false, 72}));  // far taller than A5
    std::string broken = make_png({50, 50, 2, 8, false, 0});
    broken.resize(broken.size() - 30);
    write_file(folder / "broken.png", broken);
    write_file(folder / "notes.md",
               "---\ntitle: Plates\n---\n\nThe press, as it stood in the cellar.\n\n"
               "![Pressroom](press.png)\n\nAnd the column.\n\n![Columnplate](column.png)\n\n"
               "![Lostplate](missing.png)\n\n![Brokenplate](broken.png)\n\nThe end.\n");

    const auto result = convert_in(folder, "notes.md -o notes.pdf");
    ASSERT_EQ(result.exit_status, 0) << result.err;
    EXPECT_NE(result.err.find("missing.png"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("broken.png"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("press.png"), std::string::npos) << result.err;

    const auto pdf = folder / "notes.pdf";
    const auto check = run_command("qpdf --check " + quote_for_shell(pdf.string()));
    EXPECT_EQ(check.exit_status, 0) << check.out;
    const std::vector<ListedImage> images = list_images(pdf);
    ASSERT_EQ(images.size(), 2U);
    EXPECT_EQ(images[0].width, 300);
    EXPECT_EQ(images[0].height, 200);
    EXPECT_NEAR(images[0].x_ppi, 150, 1);  // its own resolution: not enlarged
    EXPECT_NE(pdf_page_text(pdf, images[0].page).find("Pressroom"), std::string::npos);
    EXPECT_EQ(images[1].width, 100);
    EXPECT_EQ(images[1].height, 2400);
    EXPECT_GT(images[1].x_ppi, 72 * 1.2);  // shrunk to fit the text block
    EXPECT_NE(pdf_page_text(pdf, images[1].page).find("Columnplate"), std::string::npos);

    const std::string text = pdf_text(pdf);
    EXPECT_NE(text.find("Lostplate"), std::string::npos);
    EXPECT_NE(text.find("Brokenplate"), std::string::npos);

    const std::string first = read_file(pdf);
    ASSERT_EQ(convert_in(folder, "notes.md -o notes.pdf").exit_status, 0);
    EXPECT_EQ(read_file(pdf), first) << "not byte-identical on rerun";
}

TEST(Figures, MuseImagesArePrintedToo) {
    ScratchFolder folder;
    write_file(folder / "plate.png", make_png({120, 90, 6, 8, false, 0}));
    write_file(folder / "essay.muse", "#title Plates\n\nSome text.\n\n[[plate.png][Museplate]]\n\nMore text.\n");
    const auto result = convert_in(folder, "essay.muse -o essay.pdf");
    ASSERT_EQ(result.exit_status, 0) << result.err;
    const std::vector<ListedImage> images = list_images(folder / "essay.pdf");
    ASSERT_EQ(images.size(), 1U);
    EXPECT_EQ(images[0].width, 120);
    EXPECT_NE(pdf_page_text(folder / "essay.pdf", images[0].page).find("Museplate"), std::string::npos);
}

TEST(Figures, TheEpubPacksTheSameImagesAndPassesEpubcheck) {
    ScratchFolder folder;
    write_file(folder / "press.png", make_png({300, 200, 2, 8, false, 150}));
    write_file(folder / "notes.md", "# Plates\n\nText.\n\n![Pressroom](press.png)\n\nAgain:\n\n![Pressroom again](press.png)\n\n"
                                    "![Lostplate](missing.png)\n");
    const auto result = convert_in(folder, "notes.md -o notes.epub");
    ASSERT_EQ(result.exit_status, 0) << result.err;
    const std::string listing = read_file(folder / "notes.epub");  // zip entry names are stored as they are
    EXPECT_NE(listing.find("EPUB/images/figure-1.png"), std::string::npos);
    EXPECT_EQ(listing.find("EPUB/images/figure-2"), std::string::npos) << "the same picture packed twice";
    if (!std::filesystem::exists(epubcheck_jar)) GTEST_SKIP() << "epubcheck is not installed";
    const auto check = run_command("java -jar " + std::string(epubcheck_jar) + " " +
                                   quote_for_shell((folder / "notes.epub").string()) + " 2>&1");
    EXPECT_NE(check.out.find("0 fatals / 0 errors / 0 warnings"), std::string::npos) << check.out;
}

// A GIF figure goes into the EPUB as it is but cannot be printed: the warning about the PDF
// comes only from conversions that make a PDF.
TEST(Figures, PrintWarningsOnlyWhenAPdfIsMade) {
    ScratchFolder folder;
    // A 1x1 GIF: header, two-colour table, one image of one pixel, trailer.
    const unsigned char gif[] = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0,
                                 ',', 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 'D', 1, 0, ';'};
    write_file(folder / "anim.gif", std::string(reinterpret_cast<const char*>(gif), sizeof gif));
    write_file(folder / "essay.md", "# Essay\n\nText before.\n\n![A moving picture](anim.gif)\n\nText after.\n");
    const auto epub_only = convert_in(folder, "essay.md -o essay.epub");
    ASSERT_EQ(epub_only.exit_status, 0) << epub_only.err;
    EXPECT_EQ(epub_only.err.find("anim.gif"), std::string::npos) << epub_only.err;
    const auto pdf = convert_in(folder, "essay.md -o essay.pdf");
    ASSERT_EQ(pdf.exit_status, 0) << pdf.err;
    EXPECT_NE(pdf.err.find("figure 'anim.gif'"), std::string::npos) << pdf.err;
    EXPECT_NE(pdf.err.find("the PDF shows its caption instead"), std::string::npos) << pdf.err;
}
