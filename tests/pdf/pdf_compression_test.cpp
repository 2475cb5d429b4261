// Every stream of the PDF is deflated exactly once: libharu writes them plain and qpdf deflates
// each when it writes the final file (finish_pdf.cpp). Deflating in both made qpdf inflate and
// deflate every stream again, a fifth of a whole run.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <gtest/gtest.h>

#include <map>
#include <string>

#include <qpdf/QPDFPageDocumentHelper.hh>

#include "pdf/haru_document.hpp"
#include "pdf/impose_page_form.hpp"
#include "pdf/render_pdf.hpp"
#include "support/command.hpp"

namespace pamphlet::pdf {
namespace {

const std::filesystem::path charis = "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf";

layout::GlyphRun run(double y, std::string text) {
    layout::GlyphRun glyphs;
    glyphs.face = 0;
    glyphs.size_pt = 11;
    glyphs.x_pt = 60;
    glyphs.y_pt = y;
    glyphs.text = std::move(text);
    return glyphs;
}

std::string render_two_pages() {
    const std::string font = test_support::read_file(charis);
    std::vector<layout::Page> pages;
    for (int number = 1; number <= 2; ++number) {
        layout::Page page;
        page.width_pt = 420;
        page.height_pt = 595;
        page.label = std::to_string(number);
        page.items.assign(30, run(0, "The same words again and again, line after line"));
        for (std::size_t line = 0; line < page.items.size(); ++line)
            std::get<layout::GlyphRun>(page.items[line]).y_pt = 550 - 15 * static_cast<double>(line);
        pages.push_back(std::move(page));
    }
    return render_pdf(pages, {}, [&](layout::FaceId) { return std::string_view(font); }, {}, {});
}

TEST(PdfCompression, EveryStreamDeflatedExactlyOnce) {
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    const std::string bytes = render_two_pages();
    QPDF pdf;
    pdf.processMemoryFile("rendered", bytes.data(), bytes.size());
    std::map<std::string, int> streams_by_type;
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isStream()) continue;
        QPDFObjectHandle dictionary = object.getDict();
        // One filter, given as a name: not missing (uncompressed), not a chain of two.
        EXPECT_TRUE(dictionary.getKey("/Filter").isNameAndEquals("/FlateDecode")) << dictionary.unparse();
        const auto decoded = object.getStreamData(qpdf_dl_generalized);
        ASSERT_GT(decoded->getSize(), 2u);
        // Decoded once, the data is plain: no zlib header (0x78) left for a second inflate.
        const unsigned char* data = decoded->getBuffer();
        EXPECT_FALSE(data[0] == 0x78 && (data[0] * 256 + data[1]) % 31 == 0) << dictionary.unparse();
        QPDFObjectHandle type = dictionary.getKey("/Type");
        ++streams_by_type[type.isName() ? type.getName() : dictionary.hasKey("/Length1") ? "font" : "other"];
    }
    // The page contents, the font program and its maps, and the object streams are all there.
    EXPECT_GE(streams_by_type["/ObjStm"], 1);
    EXPECT_EQ(streams_by_type["font"], 1);
    EXPECT_GE(streams_by_type["other"], 2 + 2);  // two pages' contents, CIDToGIDMap, ToUnicode
}

TEST(PdfCompression, LibharuLeavesTheDeflatingToTheLastStep) {
    // Were libharu to deflate, qpdf would inflate and deflate every stream again: it copies only
    // streams filtered by the name /FlateDecode, and libharu writes an array.
    HaruDocument document;
    HPDF_Page page = HPDF_AddPage(document.handle());
    HPDF_Page_MoveTo(page, 10, 10);
    HPDF_Page_LineTo(page, 100, 100);
    HPDF_Page_Stroke(page);
    const std::string bytes = document.save();
    EXPECT_NE(bytes.find("100 100 l"), std::string::npos);
    EXPECT_EQ(bytes.find("FlateDecode"), std::string::npos);
}

TEST(PdfCompression, ContentStreamsAreSmallerThanTheirText) {
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    const std::string bytes = render_two_pages();
    QPDF pdf;
    pdf.processMemoryFile("rendered", bytes.data(), bytes.size());
    for (QPDFObjectHandle page : pdf.getAllPages()) {
        QPDFObjectHandle contents = page.getKey("/Contents");
        ASSERT_TRUE(contents.isStream());
        const std::size_t stored = contents.getRawStreamData()->getSize();
        const std::size_t plain = contents.getStreamData(qpdf_dl_generalized)->getSize();
        EXPECT_LT(stored * 4, plain) << "30 repeated lines deflate to far less than a quarter";
    }
}

TEST(PdfCompression, ImpositionKeepsThePagesDeflatedBytes) {
    // A page with one content stream becomes a form as it is: no copy through a data provider,
    // which qpdf would inflate and deflate again when writing the booklet.
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    const std::string bytes = render_two_pages();
    QPDF pdf;
    pdf.processMemoryFile("rendered", bytes.data(), bytes.size());
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        const QPDFObjGen contents = page.getObjectHandle().getKey("/Contents").getObjGen();
        QPDFObjectHandle form = page_as_form(page);
        EXPECT_EQ(form.getObjGen(), contents);
        EXPECT_FALSE(form.isDataModified());
        EXPECT_TRUE(form.getDict().getKey("/Subtype").isNameAndEquals("/Form"));
        EXPECT_TRUE(form.getDict().getKey("/Filter").isNameAndEquals("/FlateDecode"));
        EXPECT_TRUE(form.getDict().getKey("/BBox").isRectangle());
        EXPECT_TRUE(form.getDict().getKey("/Resources").getKey("/Font").isDictionary());
    }
}

}  // namespace
}  // namespace pamphlet::pdf
