// The fonts a set of pages uses: which characters each face draws, and for each font file the
// subset embedded in the PDF with what the content streams and the font dictionaries need
// (glyphs, widths, descriptor metrics).
//
// The fonts are written by pamphlet (write_fonts in qpdf_fixups.hpp), not by libharu: libharu
// 2.3 re-reads the subset from a file and rewrites it table by table, builds its CIDToGIDMap and
// widths by probing every code point, and writes a wrong ToUnicode CMap and font descriptor
// (NOTES.md). That was a fifth of the PDF backend's work for a pamphlet.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "layout/font_facts.hpp"
#include "layout/font_subset.hpp"
#include "layout/frame.hpp"

namespace pamphlet::pdf {

// Whether a code point can be drawn: the fonts are Identity-H with two-byte CIDs equal to the
// code points, so only the Basic Multilingual Plane, and control characters have no glyph to
// draw. Inline: it runs for every character of a book, twice.
inline bool is_drawable(char32_t character) {
    return character >= 0x20 && character != 0x7F && !(character >= 0x80 && character < 0xA0) &&
           character < 0x10000 && !(character >= 0xD800 && character < 0xE000);
}

// Appends the drawable code points of a run's UTF-8 text to `codes` (a malformed byte reads as
// U+FFFD, as layout::decode_utf8 has it). Decodes in place: no vector per run.
void append_drawable_codes(std::string_view text, std::u32string& codes);

std::map<layout::FaceId, std::set<char32_t>> characters_by_face(const std::vector<layout::Page>& pages);

// Each face's font: its file and, where the caller holds them, its bytes (see FontSource).
using FaceSource = std::function<layout::FontSource(layout::FaceId)>;

// One embedded font: a Type0 font with CID = Unicode code point (Identity-H).
struct PdfFont {
    std::string resource;   // the page resource name content streams select it by ("F1")
    std::string base_font;  // the subset's PostScript name with its tag ("ABCDEF+CharisSIL")
    std::string program;    // the subset TrueType file, embedded as FontFile2
    layout::FontFacts facts;
    std::set<char32_t> characters;  // the CIDs drawn
    // Indexed by CID, up to the largest drawn: the glyph in `program` (the CIDToGIDMap) and the
    // width in thousandths of an em (the /W array; the content streams position by the same).
    std::vector<std::uint16_t> glyph_of_cid;
    std::vector<std::int32_t> width_of_cid;
};

struct DocumentFonts {
    std::vector<PdfFont> fonts;
    std::map<layout::FaceId, std::size_t> font_of_face;  // index into `fonts`
};

// Subsets every face to the characters it draws (with `subsetter`) and describes each subset.
// Faces backed by the same font file share one font.
DocumentFonts prepare_fonts(const std::map<layout::FaceId, std::set<char32_t>>& characters,
                            const FaceSource& face_source, layout::FontSubsetter& subsetter);

}  // namespace pamphlet::pdf
