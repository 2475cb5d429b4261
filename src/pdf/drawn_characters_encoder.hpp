// A libharu encoding that knows only the characters a font draws, so that libharu builds the
// font's CIDToGIDMap and widths for those alone.
//
// With libharu's "UTF-8" encoding every Type0 font gets a CIDToGIDMap of all 65,536 code points:
// libharu looks up a glyph for each, measures each and copies the map twice (17 M instructions
// for the seed's two fonts), and the 128 KB map is then parsed, scanned and deflated. Given a CMap
// encoding instead, libharu visits only the codes the encoding maps and stops the map at the
// largest. The CIDs stay the code points (the same identity as "UTF-8", content streams written
// by ContentStream are unchanged), and so do the font's /Encoding (/Identity-H) and its
// CIDSystemInfo; a CID beyond the end of the map is never drawn.
#pragma once

#include <set>
#include <string>

#include "pdf/haru_document.hpp"

namespace pamphlet::pdf {

// Registers in `document` an encoding named `name` mapping each of `characters` (Basic
// Multilingual Plane code points) to itself as CID, and returns true; returns false, registering
// nothing, when the set is empty or holds U+FFFF (libharu's map stops one short of the largest
// code it is given, so a code above the largest drawn one must exist). Throws on libharu errors.
bool register_drawn_characters_encoder(HaruDocument& document, const std::string& name,
                                       const std::set<char32_t>& characters);

}  // namespace pamphlet::pdf
