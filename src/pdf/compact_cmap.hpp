// A TrueType font's character map rewritten for libharu's benefit. libharu builds each font's
// CIDToGIDMap by looking up all 65,536 BMP code points, each with a linear scan over the cmap's
// segments; a subset's cmap has a segment per run of consecutive characters (~25 for an English
// text), so that scan was ~8 M instructions per font. The compact map says the same thing with a
// handful of segments (one per cluster of characters, gaps inside a cluster mapped to glyph 0).
// The PDF's reader never sees the difference: a CIDFontType2 with a CIDToGIDMap ignores the
// embedded cmap, and the CIDToGIDMap libharu derives from it is unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pamphlet::pdf {

// The (code point, glyph id) pairs of the font's Windows Unicode BMP subtable (platform 3,
// encoding 1, format 4), glyph 0 left out, by code point. Empty when there is none or the font
// is malformed.
std::vector<std::pair<char32_t, std::uint16_t>> unicode_bmp_cmap(std::string_view font);

// The font with its cmap table replaced by one (3,1) format-4 subtable holding the same mapping
// in few segments, table checksums and head.checkSumAdjustment recomputed. Returns the font
// unchanged when it has no such subtable, is malformed, or the compact table would not fit.
std::string with_compact_cmap(std::string font);

}  // namespace pamphlet::pdf
