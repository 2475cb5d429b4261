// Knuth-Plass total-fit line breaking over boxes, glue and penalties (Knuth & Plass, "Breaking
// Paragraphs into Lines", 1981), independent of fonts and text: set_paragraph builds the items,
// this finds the breaks. Extensions over the paper: optical margins (a break may let a character
// hang into the margin, which widens the line it ends or begins), box stretch/shrink (font
// expansion), a limit on consecutive hyphenated lines, ragged-right stretch, and a bounded active
// list so a pathological paragraph cannot make the search quadratic.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace pamphlet::layout::knuth_plass {

inline constexpr double infinite_penalty = 10000;  // >= forbids a break, <= -it forces one

enum class ItemKind { box, glue, penalty };

struct Item {
    ItemKind kind = ItemKind::box;
    double width = 0;    // box and glue; for a penalty, the width added when the line ends here (a hyphen)
    double stretch = 0;  // glue; for a box, how much font expansion may widen it
    double shrink = 0;
    bool infinite_stretch = false;  // glue that fills the line (end of paragraph, forced break)
    double penalty = 0;             // penalties only
    bool flagged = false;           // a hyphenated break (for the consecutive-hyphen rules)
    // Optical margins when the line breaks here: how far the last character of the line ending
    // here may hang right, and the first character of the next line hang left.
    double hang_right = 0;
    double hang_left = 0;
};

struct Parameters {
    double line_width = 300;
    double first_line_width = 300;  // the first line is shorter by the paragraph indent
    double first_hang_left = 0;     // how far the paragraph's first character may hang left
    double tolerance = 200;         // badness limit of the first pass
    double emergency_tolerance = 2000;
    double emergency_stretch = 0;   // extra stretch per line, second pass only (as TeX's \emergencystretch)
    double ragged_stretch = 0;      // extra stretch per line at its end (ragged alignments)
    double line_penalty = 10;
    double adjacent_hyphen_demerits = 10000;
    double final_hyphen_demerits = 5000;  // a hyphen ending the last-but-one line
    double fitness_demerits = 10000;      // neighbouring lines of very different tightness
    int max_consecutive_hyphens = 2;
    std::size_t max_active_nodes = 512;  // beyond this the worst nodes are dropped
    int last_pass = 3;                   // 1: only the first pass (a Result with pass 0 if it fails)
};

// The widths of one line as break_lines measures them, for setting it.
struct LineMeasure {
    double natural = 0;  // boxes, glue, the break's penalty width, minus both margin hangs
    double stretch = 0;  // glue stretch plus box expansion (no emergency or ragged stretch)
    double shrink = 0;
    bool infinite_stretch = false;
};

struct Line {
    std::size_t start = 0;  // first item set on the line (a box, or the forced penalty of an empty line)
    std::size_t end = 0;    // the break item: the line sets items [start, end) plus a penalty's width
    double hang_left = 0;   // how far its first character hangs into the left margin
    LineMeasure measure;
    double ratio = 0;       // adjustment ratio with the real stretch (no emergency or ragged stretch)
    bool overfull = false;
};

struct Result {
    std::vector<Line> lines;
    int pass = 0;  // 1: normal tolerance, 2: emergency tolerance, 3: overfull lines allowed
    std::size_t peak_active_nodes = 0;
    std::size_t overfull_lines = 0;
};

// The buffers break_lines works in (prefix sums, break nodes). A caller that breaks many
// paragraphs keeps one, so each paragraph reuses the memory the one before touched: fresh vectors
// per paragraph came back from the allocator at ever-new addresses (a different size class for
// every length) and cost a page fault per 4 KB written.
class Workspace {
public:
    Workspace();
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    struct Buffers;  // knuth_plass.cpp

private:
    friend Result break_lines(std::span<const Item> items, const Parameters& parameters, Workspace& workspace);
    std::unique_ptr<Buffers> buffers_;
};

// `items` must end with a forced break: a penalty of +infinite_penalty (no break at the fill),
// infinite-stretch glue, then a penalty of -infinite_penalty. The answer does not depend on what
// `workspace` held before.
Result break_lines(std::span<const Item> items, const Parameters& parameters, Workspace& workspace);
Result break_lines(std::span<const Item> items, const Parameters& parameters);  // with a workspace of its own

}  // namespace pamphlet::layout::knuth_plass
