// The fonts pamphlet writes into its PDFs (page_fonts.hpp, write_fonts): each drawn character
// finds its own glyph in the embedded subset through the CIDToGIDMap, the widths are the
// subset's advances, the descriptor states the font's own metrics, and subset names are tagged,
// distinct and stable.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "layout/font_facts.hpp"
#include "model/text.hpp"
#include "pdf/render_pdf.hpp"
#include "pdf_validators.hpp"
#include "render_support.hpp"
#include "support/command.hpp"

namespace pamphlet::pdf {
namespace {

using render_support::text_line;

const std::filesystem::path charis_italic = "/usr/share/fonts/truetype/charis/CharisSIL-Italic.ttf";
const std::filesystem::path dejavu_mono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

bool fonts_installed() {
    return std::filesystem::exists(render_support::charis) && std::filesystem::exists(charis_italic) &&
           std::filesystem::exists(dejavu_mono);
}

// One page, a line per entry of `lines`, each in the face given with it (0 Charis, 1 Charis
// Italic, 2 DejaVu Sans Mono).
std::string render_lines(const std::vector<std::pair<layout::FaceId, std::string>>& lines) {
    const std::vector<std::string> files = {test_support::read_file(render_support::charis),
                                            test_support::read_file(charis_italic),
                                            test_support::read_file(dejavu_mono)};
    layout::Page page{420, 595, "1", {}};
    for (std::size_t line = 0; line < lines.size(); ++line) {
        layout::GlyphRun run = text_line(550 - 15 * static_cast<double>(line), lines[line].second);
        run.face = lines[line].first;
        page.items.push_back(run);
    }
    return render_pdf({page}, {}, [&](layout::FaceId face) { return std::string_view(files.at(face)); }, {}, {});
}

std::set<char32_t> characters_of(const std::string& text) {
    std::set<char32_t> characters;
    for (std::size_t at = 0; at < text.size();) {
        char32_t code = 0;
        at += model::decode_utf8(text, at, code);
        characters.insert(code);
    }
    return characters;
}

std::string stream_bytes(QPDFObjectHandle stream) {
    const auto data = stream.getStreamData(qpdf_dl_generalized);
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// What a reader sees of one Type0 font.
struct WrittenFont {
    std::string base_font;
    std::string descendant_base_font;
    std::string descriptor_name;
    std::string map;       // the CIDToGIDMap's bytes
    std::string program;   // FontFile2's bytes
    long long length1 = -1;
    std::map<char32_t, long long> widths;  // from /W
    mutable QPDFObjectHandle descriptor;  // qpdf's getters are not const
};

std::vector<WrittenFont> written_fonts(QPDF& pdf) {
    std::vector<WrittenFont> fonts;
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isDictionary() || !object.getKey("/Subtype").isNameAndEquals("/Type0")) continue;
        WrittenFont font;
        font.base_font = object.getKey("/BaseFont").getName();
        QPDFObjectHandle descendant = object.getKey("/DescendantFonts").getArrayItem(0);
        font.descendant_base_font = descendant.getKey("/BaseFont").getName();
        font.map = stream_bytes(descendant.getKey("/CIDToGIDMap"));
        font.descriptor = descendant.getKey("/FontDescriptor");
        font.descriptor_name = font.descriptor.getKey("/FontName").getName();
        QPDFObjectHandle program = font.descriptor.getKey("/FontFile2");
        font.program = stream_bytes(program);
        font.length1 = program.getDict().getKey("/Length1").getIntValue();
        QPDFObjectHandle w = descendant.getKey("/W");
        for (int i = 0; i + 1 < w.getArrayNItems(); i += 2) {
            auto cid = static_cast<char32_t>(w.getArrayItem(i).getIntValue());
            QPDFObjectHandle run = w.getArrayItem(i + 1);
            for (int k = 0; k < run.getArrayNItems(); ++k) font.widths[cid++] = run.getArrayItem(k).getIntValue();
        }
        fonts.push_back(std::move(font));
    }
    return fonts;
}

unsigned glyph_of(const std::string& map, char32_t cid) {
    if (2 * static_cast<std::size_t>(cid) + 1 >= map.size()) return 0;  // beyond the end: GID 0
    return static_cast<unsigned char>(map[2 * cid]) * 256u + static_cast<unsigned char>(map[2 * cid + 1]);
}

TEST(EmbeddedFonts, EveryDrawnCharacterFindsItsGlyphAndAdvanceInTheSubset) {
    if (!fonts_installed()) GTEST_SKIP() << "Charis SIL or DejaVu not installed";
    const std::string text = "Plain words, digits 0123456789 \xD0\x96\xD0\xB8\xD0\xB7\xD0\xBD\xD1\x8C a dash \xE2\x80\x94 "
                             "and \xC3\xA9t\xC3\xA9 \xEF\xAC\x81";
    const std::string bytes = render_lines({{0, text}});
    QPDF pdf;
    pdf.processMemoryFile("rendered", bytes.data(), bytes.size());
    const auto fonts = written_fonts(pdf);
    ASSERT_EQ(fonts.size(), 1u);
    const WrittenFont& font = fonts[0];
    const std::set<char32_t> drawn = characters_of(text);
    EXPECT_EQ(font.map.size(), 2 * (static_cast<std::size_t>(*drawn.rbegin()) + 1));  // stops at the largest
    EXPECT_EQ(font.length1, static_cast<long long>(font.program.size()));
    // The embedded program, read on its own, has the glyph the map names for each character,
    // and the width /W states is its advance in thousandths of an em.
    const layout::FontFacts facts = layout::read_font_facts(font.program, drawn);
    std::set<unsigned> glyphs;
    for (const char32_t code : drawn) {
        const unsigned glyph = glyph_of(font.map, code);
        EXPECT_NE(glyph, 0u) << "U+" << std::hex << static_cast<unsigned>(code);
        EXPECT_EQ(glyph, facts.glyphs.at(code).id);
        EXPECT_EQ(font.widths.at(code), std::lround(1000.0 * facts.glyphs.at(code).advance / facts.units_per_em));
        glyphs.insert(glyph);
    }
    EXPECT_EQ(glyphs.size(), drawn.size());  // each character its own glyph
    EXPECT_EQ(font.widths.size(), drawn.size());
    // A subset: a few dozen glyphs, not the face's thousands (composite parts may add some).
    const layout::FontFacts whole = layout::read_font_facts(test_support::read_file(render_support::charis), {});
    EXPECT_LT(facts.glyphs.size() + 1, 200u);
    EXPECT_LT(font.program.size(), test_support::read_file(render_support::charis).size() / 10);
    EXPECT_EQ(facts.units_per_em, whole.units_per_em);
}

TEST(EmbeddedFonts, DescriptorsStateEachFontsOwnMetrics) {
    if (!fonts_installed()) GTEST_SKIP() << "Charis SIL or DejaVu not installed";
    const std::string bytes = render_lines({{0, "Upright Hx"}, {1, "Italic Hx"}, {2, "Mono Hx"}});
    QPDF pdf;
    pdf.processMemoryFile("rendered", bytes.data(), bytes.size());
    const auto fonts = written_fonts(pdf);
    ASSERT_EQ(fonts.size(), 3u);
    std::map<std::string, const WrittenFont*> by_name;
    for (const WrittenFont& font : fonts) by_name[font.base_font.substr(font.base_font.find('+') + 1)] = &font;
    ASSERT_EQ(by_name.size(), 3u);
    const WrittenFont& upright = *by_name.at("CharisSIL");
    const WrittenFont& italic = *by_name.at("CharisSIL-Italic");
    const WrittenFont& mono = *by_name.at("DejaVuSansMono");
    // Flags: Nonsymbolic (32), Italic (64), FixedPitch (1).
    EXPECT_EQ(upright.descriptor.getKey("/Flags").getIntValue(), 32);
    EXPECT_EQ(italic.descriptor.getKey("/Flags").getIntValue(), 32 + 64);
    EXPECT_EQ(mono.descriptor.getKey("/Flags").getIntValue(), 32 + 1);
    EXPECT_EQ(upright.descriptor.getKey("/ItalicAngle").getNumericValue(), 0);
    EXPECT_EQ(italic.descriptor.getKey("/ItalicAngle").getNumericValue(), -11);  // Charis Italic's post table
    // Charis's OS/2 table: typographic ascender 2450, descender -900, cap height 1374, x-height
    // 987, in 2048 units per em.
    const auto thousandths = [](int units) { return std::lround(1000.0 * units / 2048); };
    for (const WrittenFont* charis : {&upright, &italic}) {
        EXPECT_EQ(charis->descriptor.getKey("/Ascent").getIntValue(), thousandths(2450));
        EXPECT_EQ(charis->descriptor.getKey("/Descent").getIntValue(), thousandths(-900));
        EXPECT_EQ(charis->descriptor.getKey("/CapHeight").getIntValue(), thousandths(1374));
        EXPECT_EQ(charis->descriptor.getKey("/XHeight").getIntValue(), thousandths(987));
        EXPECT_GT(charis->descriptor.getKey("/StemV").getIntValue(), 0);
    }
    // The bounding box is the embedded program's own (its head table), scaled.
    for (const WrittenFont& font : fonts) {
        const layout::FontFacts facts = layout::read_font_facts(font.program, {});
        QPDFObjectHandle box = font.descriptor.getKey("/FontBBox");
        ASSERT_EQ(box.getArrayNItems(), 4);
        const std::int32_t edges[] = {facts.x_min, facts.y_min, facts.x_max, facts.y_max};
        for (int i = 0; i < 4; ++i)
            EXPECT_EQ(box.getArrayItem(i).getIntValue(), std::lround(1000.0 * edges[i] / facts.units_per_em));
        EXPECT_LT(box.getArrayItem(0).getIntValue(), box.getArrayItem(2).getIntValue());
    }
}

TEST(EmbeddedFonts, SubsetNamesAreTaggedDistinctAndStable) {
    if (!fonts_installed()) GTEST_SKIP() << "Charis SIL or DejaVu not installed";
    const auto names = [](const std::string& bytes) {
        QPDF pdf;
        pdf.processMemoryFile("rendered", bytes.data(), bytes.size());
        std::vector<std::string> out;
        for (const WrittenFont& font : written_fonts(pdf)) {
            EXPECT_EQ(font.descendant_base_font, font.base_font);
            EXPECT_EQ(font.descriptor_name, font.base_font);
            out.push_back(font.base_font);
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    const std::vector<std::pair<layout::FaceId, std::string>> lines = {{0, "one text"}, {1, "in two faces"}};
    const std::vector<std::string> first = names(render_lines(lines));
    ASSERT_EQ(first.size(), 2u);
    const std::regex tagged("/[A-Z]{6}\\+[A-Za-z0-9-]+");
    for (const std::string& name : first) EXPECT_TRUE(std::regex_match(name, tagged)) << name;
    EXPECT_NE(first[0].substr(0, 7), first[1].substr(0, 7));
    EXPECT_EQ(names(render_lines(lines)), first);  // the same input, the same tags
    // Other characters make another subset, under another tag.
    const std::vector<std::string> other = names(render_lines({{0, "other words"}, {1, "in two faces"}}));
    EXPECT_NE(other, first);
}

TEST(EmbeddedFonts, TextComesBackOutWithoutWarnings) {
    if (!fonts_installed()) GTEST_SKIP() << "Charis SIL or DejaVu not installed";
    test_support::ScratchFolder folder;
    const std::string text = "Grand \xE2\x80\x94 \xD0\x96izn \xEF\xAC\x81n (a\\b)";
    const auto path = testing::write_pdf_file(folder, render_lines({{0, text}, {2, "mono 0O1l"}}), "fonts");
    const auto extracted = test_support::run_command("pdftotext " + path.string() + " -");
    EXPECT_NE(extracted.out.find(text), std::string::npos) << extracted.out;
    EXPECT_NE(extracted.out.find("mono 0O1l"), std::string::npos) << extracted.out;
    EXPECT_EQ(extracted.err, "");
    EXPECT_EQ(test_support::run_command("qpdf --check " + path.string()).exit_status, 0);
    const auto rows = testing::pdffonts_rows(path);
    ASSERT_EQ(rows.size(), 2u);
    for (const std::string& row : rows) EXPECT_TRUE(testing::embedded_subset_unicode(row)) << row;
}

}  // namespace
}  // namespace pamphlet::pdf
