// Every stream of the PDF is deflated exactly once: libharu writes them plain, finish_pdf deflates
// each with libdeflate (deflate_streams.hpp) and qpdf writes those bytes as they are. Deflating in
// two places made qpdf inflate and deflate every stream again, a fifth of a whole run.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <gtest/gtest.h>

#include <map>
#include <string>

#include <qpdf/QPDFPageDocumentHelper.hh>

#include "pdf/deflate_streams.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/impose_page_form.hpp"
#include "pdf/render_pdf.hpp"
#include "render_support.hpp"
#include "support/command.hpp"

namespace pamphlet::pdf {
namespace {

using render_support::charis;

using render_support::text_line;

std::string render_two_pages() {
    const std::string font = test_support::read_file(charis);
    std::vector<layout::Page> pages;
    for (int number = 1; number <= 2; ++number) {
        layout::Page page;
        page.width_pt = 420;
        page.height_pt = 595;
        page.label = std::to_string(number);
        page.items.assign(30, text_line(0, "The same words again and again, line after line"));
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

// Inflates zlib data the way a PDF reader does: through qpdf's /FlateDecode.
std::string inflate(std::string_view packed) {
    QPDF pdf;
    pdf.emptyPDF();
    QPDFObjectHandle stream = QPDFObjectHandle::newStream(&pdf);
    stream.replaceStreamData(std::string(packed), QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
    const auto data = stream.getStreamData(qpdf_dl_generalized);
    return {reinterpret_cast<const char*>(data->getBuffer()), data->getSize()};
}

TEST(PdfCompression, StreamCompressorWritesZlibThatInflatesToTheInput) {
    std::string text;
    for (int line = 0; line < 500; ++line) text += "BT /F1 11 Tf 60 " + std::to_string(550 - line) + " Td <0041> Tj ET\n";
    StreamCompressor compressor(pdf_stream_compression_level());
    const std::string packed(compressor.zlib(text));
    EXPECT_LT(packed.size() * 4, text.size());
    EXPECT_EQ(packed[0], '\x78');  // a zlib header, what /FlateDecode expects
    EXPECT_EQ(inflate(packed), text);
    // Reusing the compressor (and its buffer) gives the same bytes: output stays deterministic.
    EXPECT_EQ(std::string(compressor.zlib("short")), std::string(StreamCompressor(pdf_stream_compression_level()).zlib("short")));
    EXPECT_EQ(std::string(compressor.zlib(text)), packed);
    EXPECT_EQ(inflate(compressor.zlib("")), "");
}

TEST(PdfCompression, FinishedStreamsAreTheCompressorsBytes) {
    // qpdf copies what deflate_plain_streams made: it neither deflates the plain data itself nor
    // inflates and deflates again (each stored stream is exactly StreamCompressor's output).
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    const std::string bytes = render_two_pages();
    QPDF pdf;
    pdf.processMemoryFile("rendered", bytes.data(), bytes.size());
    StreamCompressor compressor(pdf_stream_compression_level());
    int checked = 0;
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isStream() || object.getDict().getKey("/Type").isNameAndEquals("/ObjStm") ||
            object.getDict().getKey("/Type").isNameAndEquals("/XRef"))
            continue;
        const auto stored = object.getRawStreamData();
        const auto plain = object.getStreamData(qpdf_dl_generalized);
        EXPECT_EQ(std::string_view(reinterpret_cast<const char*>(stored->getBuffer()), stored->getSize()),
                  compressor.zlib({reinterpret_cast<const char*>(plain->getBuffer()), plain->getSize()}))
            << object.getDict().unparse();
        ++checked;
    }
    EXPECT_GE(checked, 5);  // two pages, font program, CIDToGIDMap, ToUnicode
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
