// ToUnicode CMaps: libharu writes an invalid one (`begincidrange <0000> <FFFF> 0`, see
// shared/NOTES.md), so text extraction relies on readers' fallbacks. With libharu's UTF-8
// encoding the CIDs *are* the Unicode code points, so a correct map sends each CID to itself.
#pragma once

#include <set>
#include <string>

namespace pamphlet::pdf {

// A ToUnicode CMap program mapping each of `codes` (two-byte CIDs) to the same code point, with
// consecutive codes folded into bfrange entries (never across a high-byte boundary, which the
// CMap format forbids) and at most 100 entries per block.
std::string identity_to_unicode_cmap(const std::set<char32_t>& codes);

}  // namespace pamphlet::pdf
