// Imposition as pure arithmetic: which source page goes into which cell of which side of which
// sheet, turned or not, shifted by how much for creep. No PDF here, so every schema's page order
// can be tested with plain integers (see tests/pdf/impose_layout_test.cpp); impose.cpp draws it.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace pamphlet::pdf::imposition {

enum class Schema { booklet, duplex_booklet, two_up, four_up, zine };

// "booklet", "duplex-booklet", "2up", "4up", "zine"; throws std::invalid_argument otherwise.
Schema parse_schema(std::string_view name);
std::string_view schema_name(Schema schema);

// A cell holding no source page (padding to whole sheets or signatures).
inline constexpr int blank_page = -1;

// One source page on one side of a sheet. Cells count from the top-left corner of the side as
// the printer draws it (before any turn of the whole side).
struct Placement {
    int page = blank_page;     // 0-based index into the source pages, or blank_page
    int column = 0;            // 0 = left
    int row = 0;               // 0 = top
    bool upside_down = false;  // turned 180° inside its cell (the zine's top row)
    // Horizontal shift in points, in the side's upright frame, toward the fold (creep). Positive
    // moves right. Zero except for the inner sheets of a folded booklet with a paper thickness.
    double creep_pt = 0;
};

struct SheetSide {
    int sheet = 0;        // 0-based sheet number, counting through all signatures
    bool back = false;
    bool turned = false;  // the whole side turned 180° (duplex-booklet backs)
    std::vector<Placement> placements;  // every cell, blanks included, in reading order
};

// The complete plan for one document: what the drawing code places and what the report says.
struct SignatureLayout {
    Schema schema = Schema::booklet;
    int columns = 2;
    int rows = 1;
    int pages = 0;            // source pages
    int padded_pages = 0;     // pages including the blanks added
    int blank_pages = 0;
    int signature_pages = 0;  // pages in one folded signature (booklets); padded_pages otherwise
    int signatures = 1;
    int sheets = 0;
    std::vector<SheetSide> sides;  // in printing order: sheet 1 front, sheet 1 back, ...
};

struct LayoutOptions {
    // Booklet signature size in pages, or a range to choose from (see choose_signature_size).
    std::optional<std::pair<int, int>> signature_range;
    // Keep the last source page as the back cover, with the padding blanks before it.
    bool keep_back_cover = false;
    // Creep: the pages of the k-th sheet from the outside of a signature move k × this toward
    // the spine, so that after folding and trimming the outer margins line up.
    double paper_thickness_mm = 0;
};

// "16" -> {16, 16}; "12-32" -> {12, 32}. A single size must be a multiple of 4; a range must
// contain one. Throws std::invalid_argument with a message for the user.
std::pair<int, int> parse_signature(std::string_view text);

// The signature size (a multiple of 4) for `pages` pages: without a range, one signature holding
// everything; with a range, the size in it that leaves the fewest blank pages when every
// signature has that size, the largest such size on a tie (fewer signatures to sew or staple). A
// size larger than the whole document is cut down to the document rounded up to 4.
int choose_signature_size(int pages, std::optional<std::pair<int, int>> range);

// The source pages in folding order with blanks inserted: padded to a multiple of `multiple`,
// the blanks at the end, or just before the last page when keep_back_cover is set.
std::vector<int> padded_sequence(int pages, int multiple, bool keep_back_cover);

// The whole plan. Throws std::invalid_argument when pages < 1 or the range has no multiple of 4.
SignatureLayout layout_pages(Schema schema, int pages, const LayoutOptions& options);

// Spine width of the bound result: one paper thickness per leaf (two pages).
double spine_width_mm(int padded_pages, double paper_thickness_mm);

}  // namespace pamphlet::pdf::imposition
