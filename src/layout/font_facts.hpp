// What a backend must say about a font program it embeds: the glyph and advance of each
// character it draws, and the font-wide metrics a PDF font descriptor declares (ascent, cap
// height, bounding box, italic angle...). Read with HarfBuzz from the font's own tables, so the
// numbers describe exactly the file that is embedded (a subset has its own glyph ids).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace pamphlet::layout {

struct FontGlyph {
    std::uint32_t id = 0;       // 0: the font has no glyph for the character (.notdef)
    std::int32_t advance = 0;   // horizontal advance, in font units
};

struct FontFacts {
    int units_per_em = 1000;
    std::string postscript_name;  // name ID 6; may be empty
    // Font units, y up. Ascender and descender are the typographic ones (OS/2, else hhea).
    std::int32_t ascender = 0;
    std::int32_t descender = 0;
    std::int32_t cap_height = 0;  // OS/2's; the ascender when the font gives none
    std::int32_t x_height = 0;    // OS/2's; 0 when the font gives none
    std::int32_t x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // the head table's bounding box
    double italic_angle = 0;  // degrees, counter-clockwise from the vertical (negative leans right)
    bool italic = false;      // OS/2 fsSelection or head macStyle says so
    int weight = 400;         // OS/2 usWeightClass
    bool fixed_pitch = false;
    std::map<char32_t, FontGlyph> glyphs;  // one per character asked about
};

// Reads `font_bytes` (a TrueType or OpenType file) and looks up each of `characters`. Throws
// std::runtime_error when the bytes are not a font HarfBuzz can read.
FontFacts read_font_facts(std::string_view font_bytes, const std::set<char32_t>& characters);

}  // namespace pamphlet::layout
