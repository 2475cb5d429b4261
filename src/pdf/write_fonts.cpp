#include <qpdf/QPDFObjectHandle.hh>

#include <cmath>
#include <string>

#include "pdf/qpdf_fixups.hpp"
#include "pdf/to_unicode_cmap.hpp"

namespace pamphlet::pdf {
namespace {

// Font units in the thousandths of an em that PDF font metrics are given in.
QPDFObjectHandle scaled(std::int32_t font_units, const layout::FontFacts& facts) {
    return QPDFObjectHandle::newInteger(std::lround(1000.0 * font_units / facts.units_per_em));
}

// The descriptor's flags (ISO 32000-1, table 123): every font here sets text in a standard Latin
// character set or more (Nonsymbolic), and says whether it is fixed-pitch or italic.
int descriptor_flags(const layout::FontFacts& facts) {
    constexpr int fixed_pitch = 1 << 0;
    constexpr int nonsymbolic = 1 << 5;
    constexpr int italic = 1 << 6;
    int flags = nonsymbolic;
    if (facts.fixed_pitch) flags |= fixed_pitch;
    if (facts.italic || facts.italic_angle != 0) flags |= italic;
    return flags;
}

// The dominant vertical stem width, which no TrueType table states: the usual estimate from the
// weight class (about 88 for a regular face, 166 for a bold one). Viewers use it only when they
// must substitute the font.
int stem_width(const layout::FontFacts& facts) {
    const double weight = facts.weight > 0 ? facts.weight : 400;
    return static_cast<int>(std::lround(50.0 + (weight / 65.0) * (weight / 65.0)));
}

QPDFObjectHandle font_descriptor(QPDF& pdf, const PdfFont& font) {
    const layout::FontFacts& facts = font.facts;
    QPDFObjectHandle program = pdf.newStream(font.program);
    program.getDict().replaceKey("/Length1", QPDFObjectHandle::newInteger(static_cast<long long>(font.program.size())));

    QPDFObjectHandle descriptor = QPDFObjectHandle::newDictionary();
    descriptor.replaceKey("/Type", QPDFObjectHandle::newName("/FontDescriptor"));
    descriptor.replaceKey("/FontName", QPDFObjectHandle::newName("/" + font.base_font));
    descriptor.replaceKey("/Flags", QPDFObjectHandle::newInteger(descriptor_flags(facts)));
    QPDFObjectHandle box = QPDFObjectHandle::newArray();
    for (const std::int32_t edge : {facts.x_min, facts.y_min, facts.x_max, facts.y_max}) box.appendItem(scaled(edge, facts));
    descriptor.replaceKey("/FontBBox", box);
    descriptor.replaceKey("/ItalicAngle", QPDFObjectHandle::newReal(facts.italic_angle, 2, true));
    descriptor.replaceKey("/Ascent", scaled(facts.ascender, facts));
    descriptor.replaceKey("/Descent", scaled(facts.descender, facts));
    descriptor.replaceKey("/CapHeight", scaled(facts.cap_height, facts));
    if (facts.x_height > 0) descriptor.replaceKey("/XHeight", scaled(facts.x_height, facts));
    descriptor.replaceKey("/StemV", QPDFObjectHandle::newInteger(stem_width(facts)));
    descriptor.replaceKey("/FontFile2", program);
    return pdf.makeIndirectObject(descriptor);
}

// `[first [w w w] first [w] ...]`: one entry per run of consecutive drawn CIDs.
QPDFObjectHandle widths(const PdfFont& font) {
    QPDFObjectHandle array = QPDFObjectHandle::newArray();
    QPDFObjectHandle run;
    char32_t next = 0;
    for (const char32_t cid : font.characters) {
        if (run.isInitialized() && cid == next) {
            run.appendItem(QPDFObjectHandle::newInteger(font.width_of_cid[cid]));
        } else {
            if (run.isInitialized()) array.appendItem(run);
            array.appendItem(QPDFObjectHandle::newInteger(cid));
            run = QPDFObjectHandle::newArray();
            run.appendItem(QPDFObjectHandle::newInteger(font.width_of_cid[cid]));
        }
        next = cid + 1;
    }
    if (run.isInitialized()) array.appendItem(run);
    return array;
}

// The glyph of each CID, two bytes big-endian, up to the largest CID drawn.
std::string cid_to_gid_map(const PdfFont& font) {
    std::string map(2 * font.glyph_of_cid.size(), '\0');
    for (std::size_t cid = 0; cid < font.glyph_of_cid.size(); ++cid) {
        map[2 * cid] = static_cast<char>(font.glyph_of_cid[cid] >> 8);
        map[2 * cid + 1] = static_cast<char>(font.glyph_of_cid[cid] & 0xFF);
    }
    return map;
}

QPDFObjectHandle type0_font(QPDF& pdf, const PdfFont& font) {
    QPDFObjectHandle system = QPDFObjectHandle::newDictionary();
    system.replaceKey("/Registry", QPDFObjectHandle::newString("Adobe"));
    system.replaceKey("/Ordering", QPDFObjectHandle::newString("Identity"));
    system.replaceKey("/Supplement", QPDFObjectHandle::newInteger(0));

    QPDFObjectHandle descendant = QPDFObjectHandle::newDictionary();
    descendant.replaceKey("/Type", QPDFObjectHandle::newName("/Font"));
    descendant.replaceKey("/Subtype", QPDFObjectHandle::newName("/CIDFontType2"));
    descendant.replaceKey("/BaseFont", QPDFObjectHandle::newName("/" + font.base_font));
    descendant.replaceKey("/CIDSystemInfo", system);
    descendant.replaceKey("/FontDescriptor", font_descriptor(pdf, font));
    descendant.replaceKey("/W", widths(font));
    descendant.replaceKey("/CIDToGIDMap", pdf.newStream(cid_to_gid_map(font)));
    QPDFObjectHandle descendants = QPDFObjectHandle::newArray();
    descendants.appendItem(pdf.makeIndirectObject(descendant));

    QPDFObjectHandle type0 = QPDFObjectHandle::newDictionary();
    type0.replaceKey("/Type", QPDFObjectHandle::newName("/Font"));
    type0.replaceKey("/Subtype", QPDFObjectHandle::newName("/Type0"));
    type0.replaceKey("/BaseFont", QPDFObjectHandle::newName("/" + font.base_font));
    type0.replaceKey("/Encoding", QPDFObjectHandle::newName("/Identity-H"));
    type0.replaceKey("/DescendantFonts", descendants);
    // CID = Unicode code point: the text extracts as drawn.
    type0.replaceKey("/ToUnicode", pdf.newStream(identity_to_unicode_cmap(font.characters)));
    return pdf.makeIndirectObject(type0);
}

}  // namespace

void write_fonts(QPDF& pdf, const DocumentFonts& fonts) {
    if (fonts.fonts.empty()) return;
    // One dictionary of every font, shared by all pages: a page that does not use a font only
    // lists it (a few bytes, once), and imposition copies the fonts once.
    QPDFObjectHandle by_name = QPDFObjectHandle::newDictionary();
    for (const PdfFont& font : fonts.fonts) by_name.replaceKey("/" + font.resource, type0_font(pdf, font));
    by_name = pdf.makeIndirectObject(by_name);
    for (QPDFObjectHandle page : pdf.getAllPages()) {
        QPDFObjectHandle resources = page.getKey("/Resources");
        if (!resources.isDictionary()) {
            resources = QPDFObjectHandle::newDictionary();
            page.replaceKey("/Resources", resources);
        }
        resources.replaceKey("/Font", by_name);
    }
}

}  // namespace pamphlet::pdf
