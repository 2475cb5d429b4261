// The fonts a set of pages uses: which characters each face draws (for subsetting and for
// checking the Unicode maps), and the libharu font loaded for each face.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "layout/font_subset.hpp"
#include "layout/frame.hpp"
#include "pdf/haru_document.hpp"

namespace pamphlet::pdf {

// Whether a code point can be drawn: libharu's UTF-8 path writes two-byte CIDs, so only the
// Basic Multilingual Plane, and control characters have no glyph to draw.
bool is_drawable(char32_t character);

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
