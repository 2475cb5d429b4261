// The fonts a set of pages uses: which characters each face draws (for subsetting and for
// checking the Unicode maps), and the libharu font loaded for each face.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "layout/font_subset.hpp"
#include "layout/frame.hpp"
#include "pdf/haru_document.hpp"

namespace pamphlet::pdf {

// Whether a code point can be drawn: libharu's UTF-8 path writes two-byte CIDs, so only the
// Basic Multilingual Plane, and control characters have no glyph to draw. Inline: it runs for
// every character of a book, twice.
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
using FontHandles = std::map<layout::FaceId, HPDF_Font>;

// Subsets every face to the characters it draws (with `subsetter`, glyph ids kept) and loads it
// into `document`. The subset files are written to `scratch`, which must outlive
// document.save(): libharu reads the glyph data from the file again when it writes the font.
FontHandles load_subset_fonts(HaruDocument& document, const std::map<layout::FaceId, std::set<char32_t>>& characters,
                              const FaceSource& face_source, layout::FontSubsetter& subsetter,
                              const std::filesystem::path& scratch);

}  // namespace pamphlet::pdf
