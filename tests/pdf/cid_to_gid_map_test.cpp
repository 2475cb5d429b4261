// Each font's CIDToGIDMap stops after the largest character the document draws with it
// (drawn_characters_encoder.hpp): with its UTF-8 encoding libharu writes 65,536 entries per font,
// mostly 0. Every drawn character must still find its own glyph there.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "model/text.hpp"
#include "pdf/render_pdf.hpp"
#include "pdf_validators.hpp"
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

std::string render_lines(const std::vector<std::string>& lines) {
    const std::string font = test_support::read_file(charis);
    layout::Page page;
    page.width_pt = 420;
    page.height_pt = 595;
    page.label = "1";
    for (std::size_t line = 0; line < lines.size(); ++line)
        page.items.push_back(run(550 - 15 * static_cast<double>(line), lines[line]));
    return render_pdf({page}, {}, [&](layout::FaceId) { return std::string_view(font); }, {}, {});
}

// The decoded CIDToGIDMap of the document's one Type0 font.
std::string cid_to_gid_map(const std::string& bytes) {
    QPDF pdf;
    pdf.processMemoryFile("rendered", bytes.data(), bytes.size());
    std::string map;
    int fonts = 0;
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isDictionary() || !object.getKey("/Subtype").isNameAndEquals("/Type0")) continue;
        ++fonts;
        QPDFObjectHandle stream = object.getKey("/DescendantFonts").getArrayItem(0).getKey("/CIDToGIDMap");
        if (!stream.isStream()) continue;
        const auto data = stream.getStreamData(qpdf_dl_generalized);
        map.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    }
    EXPECT_EQ(fonts, 1);
    return map;
}

unsigned glyph_of(const std::string& map, char32_t cid) {
    if (2 * static_cast<std::size_t>(cid) + 1 >= map.size()) return 0;  // beyond the end: GID 0
    return static_cast<unsigned char>(map[2 * cid]) * 256u + static_cast<unsigned char>(map[2 * cid + 1]);
}

TEST(CidToGidMap, StopsAfterTheLargestDrawnCharacterAndMapsEveryDrawnOne) {
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    const std::vector<std::string> lines = {"Plain words, digits 0123456789", "\xD0\x96\xD0\xB8\xD0\xB7\xD0\xBD\xD1\x8C",
                                            "a dash \xE2\x80\x94 and \xC3\xA9t\xC3\xA9"};
    const std::string map = cid_to_gid_map(render_lines(lines));
    std::set<char32_t> drawn;
    for (const std::string& line : lines)
        for (std::size_t at = 0; at < line.size();) {
            char32_t code = 0;
            at += model::decode_utf8(line, at, code);
            drawn.insert(code);
        }
    const char32_t largest = *drawn.rbegin();
    ASSERT_EQ(largest, U'\u2014');
    EXPECT_EQ(map.size(), 2 * (static_cast<std::size_t>(largest) + 1));  // not 2 x 65,536
    std::set<unsigned> glyphs;
    for (char32_t code : drawn) {
        const unsigned glyph = glyph_of(map, code);
        EXPECT_NE(glyph, 0u) << "U+" << std::hex << static_cast<unsigned>(code);
        glyphs.insert(glyph);
    }
    EXPECT_EQ(glyphs.size(), drawn.size());  // each character its own glyph
}

TEST(CidToGidMap, TrimmedMapDrawsTheSameAsTheFullOne) {
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    // The same glyphs drawn twice: once with the largest character last on the page, once with a
    // far larger one added on a line of its own (so the map runs much further). Each shared
    // character must map to the same glyph in both.
    const std::vector<std::string> text = {"Grand \xE2\x80\x94 \xD0\x96", "letters \xC3\xA9"};
    std::vector<std::string> longer = text;
    longer.push_back("\xEF\xAC\x81");  // U+FB01, the fi ligature
    const std::string short_map = cid_to_gid_map(render_lines(text));
    const std::string long_map = cid_to_gid_map(render_lines(longer));
    ASSERT_EQ(short_map.size(), 2u * (0x2014 + 1));
    ASSERT_EQ(long_map.size(), 2u * (0xFB01 + 1));
    EXPECT_EQ(long_map.substr(0, short_map.size()), short_map);
    EXPECT_NE(glyph_of(long_map, 0xFB01), 0u);
}

TEST(CidToGidMap, TextComesBackOut) {
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    test_support::ScratchFolder folder;
    const auto path = testing::write_pdf_file(folder, render_lines({"Grand \xE2\x80\x94 \xD0\x96izn"}), "trimmed");
    EXPECT_NE(test_support::run_command("pdftotext " + path.string() + " -").out.find("Grand \xE2\x80\x94 \xD0\x96izn"),
              std::string::npos);
    EXPECT_EQ(test_support::run_command("qpdf --check " + path.string()).exit_status, 0);
}

}  // namespace
}  // namespace pamphlet::pdf
