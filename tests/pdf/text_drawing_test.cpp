// Text drawn by writing the content-stream operators directly (content_stream.hpp): the
// operators come out exactly as formatted, the glyphs are still embedded and visible, the text
// extracts, and an image used on two pages of a rendered document is embedded once.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>
#include <sstream>

#include "layout/images.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/page_fonts.hpp"
#include "pdf/pdf_validators.hpp"
#include "pdf/render_pdf.hpp"
#include "render_support.hpp"
#include "support/test_images.hpp"

namespace pamphlet::pdf {
namespace {

using testing::run_command;

TEST(ContentStream, WritesMovesArraysAndCidsInOrder) {
    HaruDocument document;
    HPDF_Page page = HPDF_AddPage(document.handle());  // HaruDocument writes streams uncompressed
    ContentStream content(page);
    content.begin_text();
    content.select_font("F1", 10500);
    content.set_horizontal_scaling(95500);
    content.move_text(1250, -1403);
    content.open_array();
    content.show_in_array(U"A\u0436\u2014");
    content.adjust_in_array(-333);
    content.show_in_array(U"b");
    content.close_array();
    content.select_font("F2", 8400);
    content.set_horizontal_scaling(100000);
    content.move_text(-7, 300);
    content.open_array();
    content.show_in_array(U"z");
    content.close_array();
    content.end_text();
    content.flush();                // before every libharu call that writes to the page...
    HPDF_Page_MoveTo(page, 1, 2);   // ...so libharu's own operators land in order after ours
    content.flush();
    content.flush();  // nothing new: adds nothing
    const std::string bytes = content.release();
    EXPECT_TRUE(content.release().empty());  // released: starts empty again
    // Literal strings, two bytes per CID: 0041 0436 2014, 0062, 007A.
    const std::string expected = std::string("BT\n/F1 10.5 Tf\n95.5 Tz\n12.5 -14.03 Td\n[(") + '\0' + "A\x04" "6 \x14)-333(" +
                                 '\0' + "b)]TJ\n/F2 8.4 Tf\n100 Tz\n-0.07 3 Td\n[(" + '\0' + "z)]TJ\nET\n1 2 m\n";
    EXPECT_EQ(bytes, expected);
    // Taken out of libharu's stream: the page it writes has none of it.
    HPDF_Page_LineTo(page, 3, 4);
    content.flush();
    EXPECT_EQ(content.release(), "3 4 l\n");
    EXPECT_EQ(document.save().find("TJ"), std::string::npos);
}

TEST(ContentStream, NumbersTakeTheirShortestForm) {
    HaruDocument document;
    ContentStream content(HPDF_AddPage(document.handle()));
    content.select_font("F3", 12000);   // whole points: no decimals
    content.select_font("F3", 7035);    // trailing zeros dropped
    content.select_font("F3", 9001);    // inner zeros kept
    content.set_horizontal_scaling(-250);  // negative, below one
    EXPECT_EQ(content.release(), "/F3 12 Tf\n/F3 7.035 Tf\n/F3 9.001 Tf\n-0.25 Tz\n");
}

TEST(ContentStream, EscapesDelimitersBackslashAndCarriageReturn) {
    HaruDocument document;
    HPDF_Page page = HPDF_AddPage(document.handle());
    ContentStream content(page);
    content.open_array();
    // ( ) \ as low bytes, CR (U+040D) and LF (U+040A) as low bytes, ( and ) as high bytes.
    content.show_in_array(U"()\\\u040D\u040A\u2829\u2928");
    content.close_array();
    const std::string bytes = content.release();
    const std::string expected = std::string("[(") + '\0' + "\\(" + '\0' + "\\)" + '\0' + "\\\\" +
                                 "\x04\\r" "\x04\n" "\\(\\)" "\\)\\(" ")]TJ\n";
    EXPECT_EQ(bytes, expected);
}

TEST(ContentStream, RoundsExactlyAsLlround) {
    const double values[] = {0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 0.49999999999999994, -0.49999999999999994,
                             4503599627370495.5, -4503599627370495.5, 12345.675 * 100, -0.07 * 100, 1e15 + 0.5};
    for (const double value : values) EXPECT_EQ(round_half_away(value), std::llround(value)) << value;
    for (int step = -100000; step <= 100000; ++step) {
        const double value = step * 0.01 + 0.005;  // near every halfway case of hundredths
        ASSERT_EQ(round_half_away(value * 100.0), std::llround(value * 100.0)) << value;
    }
}

TEST(ContentStream, DrawableCodesSkipControlsAndMendBadBytes) {
    std::u32string codes;
    append_drawable_codes("a\tb\xC3\xA6\xFF\x7F\u0085\U0001F600\u2014", codes);
    EXPECT_EQ(codes, U"ab\u00E6\uFFFD\u2014");  // tab, DEL, C1 control and astral dropped
}

TEST(ContentStream, CharactersByFaceFlagsEveryDrawableCharacterPerFace) {
    layout::GlyphRun latin;
    latin.face = 0;
    latin.text = "Ab\tA \xC3\xA6z\x7F";  // tab and DEL are not drawn; ASCII after non-ASCII counts
    layout::GlyphRun other = latin;
    other.face = 2;
    other.text = "\xFF\xD0\x96!\U0001F600";  // a bad byte reads as U+FFFD; astral is not drawn
    layout::Page page;
    page.items = {latin, other};
    const auto faces = characters_by_face({page, page});
    ASSERT_EQ(faces.size(), 2u);
    EXPECT_EQ(faces.at(0), (std::set<char32_t>{U' ', U'A', U'b', U'z', 0xE6}));
    EXPECT_EQ(faces.at(2), (std::set<char32_t>{U'!', 0x416, 0xFFFD}));
}

// The darkest grey level of a page rendered at 36 dpi (0 black, 255 white).
int darkest_pixel(const std::filesystem::path& pdf, int page) {
    const std::string number = std::to_string(page);
    const std::string pgm =
        run_command("pdftoppm -r 36 -gray -f " + number + " -l " + number + " " + pdf.string()).out;
    // Header: P5, width height, maxval, each followed by one whitespace byte.
    std::istringstream header(pgm);
    std::string magic;
    int width = 0, height = 0, maxval = 0;
    header >> magic >> width >> height >> maxval;
    if (magic != "P5" || width <= 0 || height <= 0) return -1;
    const auto pixels = static_cast<std::size_t>(header.tellg()) + 1;
    int darkest = 255;
    for (std::size_t i = pixels; i < pgm.size(); ++i) darkest = std::min(darkest, static_cast<int>(static_cast<unsigned char>(pgm[i])));
    return darkest;
}

layout::GlyphRun run(double x, double y, std::string text) {
    layout::GlyphRun glyphs;
    glyphs.face = 0;
    glyphs.size_pt = 40;
    glyphs.x_pt = x;
    glyphs.y_pt = y;
    glyphs.text = std::move(text);
    return glyphs;
}

layout::FontSource charis_for_every_face(layout::FaceId) {
    layout::FontSource source;
    source.file = render_support::charis;
    return source;
}

TEST(TextDrawing, GlyphsAreEmbeddedVisibleAndExtractable) {
    // libharu embeds only the outlines it measured; the text is no longer measured while
    // drawing, so a blank page here means the glyphs were left out of the font.
    test_support::ScratchFolder folder;
    layout::Page first{300, 200, "1", {run(20, 100, "HOW"), run(150, 100, "\u0416\u00e6\u2014")}};
    layout::Page second{300, 200, "2", {run(20, 100, "MMM")}};
    const auto pdf = testing::write_pdf_file(folder, render_pdf({first, second}, {}, charis_for_every_face, {}, {}), "text");
    EXPECT_LT(darkest_pixel(pdf, 1), 64);
    EXPECT_LT(darkest_pixel(pdf, 2), 64);
    const auto text = run_command("pdftotext " + pdf.string() + " -");
    EXPECT_NE(text.out.find("HOW \u0416\u00e6\u2014"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("MMM"), std::string::npos) << text.out;
    EXPECT_EQ(text.err, "");
    EXPECT_EQ(run_command("qpdf --check " + pdf.string()).exit_status, 0);
}

TEST(TextDrawing, TextWithEscapedBytesExtractsUnchanged) {
    // Parentheses, backslashes and code points whose bytes are CR or LF (U+040D, U+040A) survive
    // the literal strings: a wrong escape would shift or drop characters in the extracted text.
    test_support::ScratchFolder folder;
    const std::string words = "(a\\b) \u040D\u040A\u040D (x)";
    layout::Page page{400, 200, "1", {run(10, 100, words)}};
    const auto pdf = testing::write_pdf_file(folder, render_pdf({page}, {}, charis_for_every_face, {}, {}), "escapes");
    const auto text = run_command("pdftotext " + pdf.string() + " -");
    EXPECT_NE(text.out.find(words), std::string::npos) << text.out;
    EXPECT_EQ(text.err, "");
    EXPECT_EQ(run_command("qpdf --check " + pdf.string()).exit_status, 0);
}

TEST(TextDrawing, ImageOnTwoRenderedPagesIsEmbeddedOnce) {
    test_support::ScratchFolder folder;
    auto image = std::make_shared<layout::ImageData>();
    image->bytes = test_support::make_png({30, 20, 2, 8, false, 0});
    ASSERT_EQ(layout::read_image_info(image->bytes, "emblem.png", image->info), "");
    const layout::Page first{300, 400, "1", {layout::ImageBox{image, 50, 50, 60, 40, "emblem"}}};
    layout::Page second = first;
    second.label = "2";
    const auto pdf = testing::write_pdf_file(folder, render_pdf({first, second}, {}, charis_for_every_face, {}, {}), "twice");
    // `pdfimages -list`: two header lines, then one row per placement; column 11 is the object.
    std::istringstream rows(run_command("pdfimages -list " + pdf.string()).out);
    std::string line;
    std::vector<std::string> objects;
    for (int index = 0; std::getline(rows, line); ++index) {
        if (index < 2) continue;
        std::istringstream row(line);
        std::string column;
        for (int c = 0; c < 11 && row >> column; ++c) {}
        objects.push_back(column);
    }
    ASSERT_EQ(objects.size(), 2U);
    EXPECT_EQ(objects[0], objects[1]);
}

}  // namespace
}  // namespace pamphlet::pdf
