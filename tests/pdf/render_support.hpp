// Pieces the PDF tests use to render pages without the layout: the font they set in and a line
// of text in it.
#pragma once

#include <filesystem>
#include <string>

#include "layout/frame.hpp"

namespace pamphlet::pdf::render_support {

inline const std::filesystem::path charis = "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf";

// A line of `text` in face 0 at 11 pt, 60 pt from the left edge, its baseline at `y` pt.
inline layout::GlyphRun text_line(double y, std::string text) {
    layout::GlyphRun glyphs;
    glyphs.face = 0;
    glyphs.size_pt = 11;
    glyphs.x_pt = 60;
    glyphs.y_pt = y;
    glyphs.text = std::move(text);
    return glyphs;
}

}  // namespace pamphlet::pdf::render_support
