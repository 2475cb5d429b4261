// Named styles: the one description of a pamphlet's look that drives both the PDF layout and the
// EPUB's CSS. Loaded from styles/NAME.toml (see styles/default.toml for every key).
#pragma once

#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace pamphlet::layout {

inline constexpr double points_per_mm = 72.0 / 25.4;

struct PageGeometry {
    std::string size_name = "a5";  // as written in the style, for reports
    double width_pt = 148 * points_per_mm;
    double height_pt = 210 * points_per_mm;
    double margin_top_pt = 15 * points_per_mm;
    double margin_bottom_pt = 18 * points_per_mm;
    double margin_inner_pt = 15 * points_per_mm;  // binding side
    double margin_outer_pt = 18 * points_per_mm;
};

struct FontChoice {
    std::string family = "Charis SIL";
    double size_pt = 10.5;
    double leading = 1.3;  // line height as a multiple of the size
    std::string monospace_family = "DejaVu Sans Mono";
    // Families tried in order for characters the main family lacks (Cyrillic, Greek, symbols).
    std::vector<std::string> fallback_families = {"DejaVu Serif", "DejaVu Sans"};
};

struct ParagraphLook {
    double indent_em = 1.2;        // first-line indent of a paragraph that follows another
    double space_between_em = 0;   // vertical space between paragraphs (0: indented style)
    bool justify = true;
    bool hyphenate = true;
};

enum class FontWeight { normal, bold };
enum class FontSlant { normal, italic };

struct HeadingLook {
    double size = 1.0;  // relative to the body size
    FontWeight weight = FontWeight::bold;
    FontSlant slant = FontSlant::normal;
    bool small_caps = false;
    model::Alignment alignment = model::Alignment::left;
    double space_before_lines = 1.5;
    double space_after_lines = 0.5;
    bool new_page = false;  // start on a new page (chapter opening)
};

enum class NoteNumbering { per_document, per_section };

struct NoteLook {
    double size = 0.8;  // relative to the body size
    NoteNumbering numbering = NoteNumbering::per_document;
    double rule_length_em = 6;  // the short rule above the notes at a page foot
};

struct PageFurniture {
    bool title_page = true;
    bool table_of_contents = false;
    bool running_heads = true;
    bool page_numbers = true;
};

struct PrintOptions {
    std::string impose;        // "", "booklet", "duplex-booklet", "2up", "4up", "zine"
    std::string sheet = "a4";  // sheet size for imposition
};

struct Style {
    std::string name = "default";
    std::string description;
    PageGeometry page;
    FontChoice font;
    ParagraphLook paragraph;
    std::array<HeadingLook, 4> headings{};  // levels 1-4
    NoteLook notes;
    PageFurniture furniture;
    PrintOptions print;
    // The files the style was read from: its own, then its bases' (empty for parse_style). Not a
    // look: a batch watches them to know when a document's outputs are out of date.
    std::vector<std::string> files;
};

// A style file that cannot be used: names the file, the line and the key.
class StyleError : public std::runtime_error {
public:
    StyleError(std::string file, int line, std::string message);
    const std::string& file() const { return file_; }
    int line() const { return line_; }

private:
    std::string file_;
    int line_;
};

// The folder holding the named styles: $PAMPHLET_STYLES_DIR if set, else the source tree's.
std::filesystem::path styles_directory();

// True when load_style takes `name_or_path` as a file path (it contains '/' or ends in .toml)
// rather than the name of a style in styles_directory().
bool names_style_file(std::string_view name_or_path);

// Loads a style by name ("default", "a6-pocket") from styles_directory(), or by path when the
// argument names a file (contains '/' or ends in .toml). A style may say `base = "NAME"` to start
// from another named style. Throws StyleError on unknown names, bad keys or values; a mistake
// inside a base style is reported at the `base =` line of the style that names it, with the base's
// own file, line and message in parentheses.
Style load_style(std::string_view name_or_path);

// Parses style text (for tests and fuzzing); `origin` names it in error messages.
Style parse_style(std::string_view toml_text, std::string_view origin);

// Page sizes by name (a4, a5, a6, letter, half-letter, 6x9, legal, tabloid, a3, a7, quarter-letter)
// or "WxH" with a unit (e.g. "140x216mm", "5.5x8.5in"). Returns {width_pt, height_pt}.
// Throws std::invalid_argument for anything else.
std::pair<double, double> parse_paper_size(std::string_view text);

}  // namespace pamphlet::layout
