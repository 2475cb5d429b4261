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
#include "render_support.hpp"
#include "support/command.hpp"

namespace pamphlet::pdf {
namespace {

using render_support::charis;

using render_support::text_line;

std::string render_lines(const std::vector<std::string>& lines) {
    const std::string font = test_support::read_file(charis);
    layout::Page page;
    page.width_pt = 420;
    page.height_pt = 595;
    page.label = "1";
    for (std::size_t line = 0; line < lines.size(); ++line)
        page.items.push_back(text_line(550 - 15 * static_cast<double>(line), lines[line]));
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

TEST(CidToGidMap, ShortMapAgreesWithLibharusFullOne) {
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    // The same characters drawn twice: alone (the short map), and with U+FFFF added, for which
    // the font falls back to libharu's UTF-8 encoding and its map of every code point. Each
    // character drawn must find the same glyph in both.
    const std::vector<std::string> text = {"Grand \xE2\x80\x94 \xD0\x96", "letters \xC3\xA9 \xEF\xAC\x81"};
    std::vector<std::string> with_ffff = text;
    with_ffff.push_back("\xEF\xBF\xBF");
    const std::string short_map = cid_to_gid_map(render_lines(text));
    const std::string full_map = cid_to_gid_map(render_lines(with_ffff));
    ASSERT_EQ(short_map.size(), 2u * (0xFB01 + 1));
    ASSERT_EQ(full_map.size(), 2u * 0xFFFF);
    for (char32_t code : {U'G', U'r', U' ', U'\u2014', U'\u0416', U'\u00E9', U'\uFB01'}) {
        EXPECT_NE(glyph_of(short_map, code), 0u);
        EXPECT_EQ(glyph_of(short_map, code), glyph_of(full_map, code)) << static_cast<unsigned>(code);
    }
}

TEST(CidToGidMap, AFontDrawingUFFFFKeepsLibharusFullMap) {
    if (!std::filesystem::exists(charis)) GTEST_SKIP() << "Charis SIL not installed";
    // No code above U+FFFF to end the map with: libharu's UTF-8 encoding, all 65,535 entries.
    const std::string map = cid_to_gid_map(render_lines({"Grand \xE2\x80\x94", "\xEF\xBF\xBF"}));
    EXPECT_EQ(map.size(), 2u * 0xFFFF);
    EXPECT_NE(glyph_of(map, U'G'), 0u);
    EXPECT_NE(glyph_of(map, 0x2014), 0u);
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
