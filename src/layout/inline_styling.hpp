// From model inlines to the styled spans the line setter takes: which face (regular, italic,
// bold, monospace), which size, raised note markers, small capitals, language. Emphasis inside
// italic text turns back to roman, as book typography does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/font_library.hpp"
#include "layout/line_breaking.hpp"
#include "model/document.hpp"

namespace pamphlet::layout {

// The look text starts with in a block (a heading's face and size, a note's smaller size...).
struct InlineLook {
    std::string family;
    std::string monospace_family;
    FontWeight weight = FontWeight::normal;
    FontSlant slant = FontSlant::normal;
    double size_pt = 10;
    bool small_caps = false;
    std::string language;  // empty: the paragraph's
};

// A note reference met while styling: the span that prints its marker carries `anchor`.
struct NoteAnchor {
    int anchor = -1;
    const model::NoteReference* note = nullptr;
};

// A span of an external link's text: each span of the link carries its own anchor, so the
// page can make the span clickable where the line setter put it.
struct LinkAnchor {
    int anchor = -1;
    std::string target;  // only http(s) and mailto targets are kept (see is_safe_link)
    std::size_t span = 0;  // index into StyledInlines::spans
};

// Links a printed pamphlet may carry: web and mail addresses, nothing that runs or opens files.
bool is_safe_link(std::string_view target);

struct StyledInlines {
    std::vector<StyledSpan> spans;
    std::vector<NoteAnchor> notes;
    std::vector<LinkAnchor> links;
};

// Note markers are set at this fraction of the text size, raised by `note_marker_rise`.
inline constexpr double note_marker_scale = 0.62;
inline constexpr double note_marker_rise = 0.36;

// The width of `text` set in one face and size with nominal advances (for markers, folios,
// running heads: short texts that are not worth a line breaker's attention).
double measure_text(std::string_view text, FaceId face, double size_pt, const FontLibrary& fonts);

// Styles `inlines` (whose visible_text starts at byte 0). Anchor numbers are taken from
// `next_anchor` upwards, so one counter can serve a whole document.
StyledInlines style_inlines(const model::Inlines& inlines, const InlineLook& look, FontLibrary& fonts,
                            int& next_anchor);

}  // namespace pamphlet::layout
