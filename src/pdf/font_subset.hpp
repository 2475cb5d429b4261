// True font subsetting before libharu sees a font: libharu's own "embedding" keeps every table
// and only blanks unused outlines (see shared/NOTES.md), which leaves the seed essay at 251 KB.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace pamphlet::pdf {

// A TrueType font holding only the glyphs for `characters` (plus .notdef), with glyph ids kept
// as they were: libharu maps CID = Unicode to glyph ids through the subset's cmap, so keeping the
// ids keeps that mapping trivially consistent. Layout tables (GSUB/GPOS/...) are dropped, since
// the PDF draws already-positioned text. Throws std::runtime_error when HarfBuzz cannot subset.
std::string subset_truetype_font(std::string_view font_bytes, const std::set<char32_t>& characters);

}  // namespace pamphlet::pdf
