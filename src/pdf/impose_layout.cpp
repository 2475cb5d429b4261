#include "pdf/impose_layout.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <string>

#include "layout/style.hpp"

namespace pamphlet::pdf::imposition {

namespace {

int round_up(int value, int multiple) { return (value + multiple - 1) / multiple * multiple; }

int parse_positive(std::string_view digits, std::string_view whole) {
    int value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size() || value <= 0 || value > 100000)
        throw std::invalid_argument("bad signature '" + std::string(whole) +
                                    "' (use a page count such as 16, or a range such as 12-32)");
    return value;
}

// Folding order of one signature of `size` pages starting at `first` in the padded sequence:
// sheet k from the outside carries, front: last-2k | first+2k; back: first+2k+1 | last-2k-1.
void add_booklet_signature(SignatureLayout& layout, const std::vector<int>& sequence, int first,
                           int size, int first_sheet, bool turn_backs, double thickness_mm) {
    for (int k = 0; k < size / 4; ++k) {
        // Pages move toward the fold in the middle: the left page right, the right page left.
        const double creep = k * thickness_mm * layout::points_per_mm;
        const auto at = [&](int offset) { return sequence[static_cast<std::size_t>(first + offset)]; };
        SheetSide front{first_sheet + k, false, false, {}};
        front.placements = {{at(size - 1 - 2 * k), 0, 0, false, creep},
                            {at(2 * k), 1, 0, false, -creep}};
        SheetSide back{first_sheet + k, true, turn_backs, {}};
        back.placements = {{at(2 * k + 1), 0, 0, false, creep},
                           {at(size - 2 - 2 * k), 1, 0, false, -creep}};
        layout.sides.push_back(std::move(front));
        layout.sides.push_back(std::move(back));
    }
}

void layout_booklet(SignatureLayout& layout, const LayoutOptions& options, bool turn_backs) {
    layout.signature_pages = choose_signature_size(layout.pages, options.signature_range);
    const auto sequence =
        padded_sequence(layout.pages, layout.signature_pages, options.keep_back_cover);
    layout.padded_pages = static_cast<int>(sequence.size());
    layout.signatures = layout.padded_pages / layout.signature_pages;
    const int sheets_per_signature = layout.signature_pages / 4;
    for (int s = 0; s < layout.signatures; ++s)
        add_booklet_signature(layout, sequence, s * layout.signature_pages, layout.signature_pages,
                              s * sheets_per_signature, turn_backs, options.paper_thickness_mm);
    layout.sheets = layout.signatures * sheets_per_signature;
}

// Two consecutive pages on each side; sides alternate front and back of the sheets.
void layout_two_up(SignatureLayout& layout, const LayoutOptions& options) {
    const auto sequence = padded_sequence(layout.pages, 2, options.keep_back_cover);
    layout.padded_pages = static_cast<int>(sequence.size());
    const int sides = layout.padded_pages / 2;
    for (int i = 0; i < sides; ++i)
        layout.sides.push_back({i / 2, i % 2 == 1, false,
                                {{sequence[2 * static_cast<std::size_t>(i)], 0, 0, false, 0},
                                 {sequence[2 * static_cast<std::size_t>(i) + 1], 1, 0, false, 0}}});
    layout.sheets = (sides + 1) / 2;
}

// Cut and stack: the printed pile is cut into four piles (top-left, top-right, bottom-left,
// bottom-right), which laid on each other in that order read straight through. Pile q holds
// pages q·2S … q·2S+2S-1 for S sheets; sheet k carries page 2k of each pile on the front and
// 2k+1 on the back. Backs are mirrored left-right, as a long-edge duplex print turns them.
void layout_four_up(SignatureLayout& layout, const LayoutOptions& options) {
    const auto sequence = padded_sequence(layout.pages, 8, options.keep_back_cover);
    layout.padded_pages = static_cast<int>(sequence.size());
    const int sheets = layout.padded_pages / 8;
    for (int k = 0; k < sheets; ++k) {
        SheetSide front{k, false, false, {}};
        SheetSide back{k, true, false, {}};
        for (int pile = 0; pile < 4; ++pile) {
            const int column = pile % 2;
            const int row = pile / 2;
            const auto page = [&](int offset) {
                return sequence[static_cast<std::size_t>(pile * 2 * sheets + 2 * k + offset)];
            };
            front.placements.push_back({page(0), column, row, false, 0});
            back.placements.push_back({page(1), 1 - column, row, false, 0});
        }
        // Reading order within a side: top row left to right, then the bottom row.
        std::sort(back.placements.begin(), back.placements.end(), [](const Placement& a, const Placement& b) {
            return std::pair(a.row, a.column) < std::pair(b.row, b.column);
        });
        layout.sides.push_back(std::move(front));
        layout.sides.push_back(std::move(back));
    }
    layout.sheets = sheets;
}

// The classic one-sheet mini zine, 4 × 2 cells on one side. Bottom row: 6 7 8 1; top row, upside
// down: 5 4 3 2. Fold along the long middle, cut the middle half of that fold, fold and push
// into a booklet. More than 8 pages make several zines, one per sheet.
void layout_zine(SignatureLayout& layout, const LayoutOptions& options) {
    const auto sequence = padded_sequence(layout.pages, 8, options.keep_back_cover);
    layout.padded_pages = static_cast<int>(sequence.size());
    layout.signature_pages = 8;
    layout.signatures = layout.padded_pages / 8;
    constexpr int top_row[4] = {5, 4, 3, 2};
    constexpr int bottom_row[4] = {6, 7, 8, 1};
    for (int z = 0; z < layout.signatures; ++z) {
        SheetSide side{z, false, false, {}};
        const auto page = [&](int folio) { return sequence[static_cast<std::size_t>(8 * z + folio - 1)]; };
        for (int column = 0; column < 4; ++column)
            side.placements.push_back({page(top_row[column]), column, 0, true, 0});
        for (int column = 0; column < 4; ++column)
            side.placements.push_back({page(bottom_row[column]), column, 1, false, 0});
        layout.sides.push_back(std::move(side));
    }
    layout.sheets = layout.signatures;
}

}  // namespace

Schema parse_schema(std::string_view name) {
    for (Schema schema : {Schema::booklet, Schema::duplex_booklet, Schema::two_up, Schema::four_up,
                          Schema::zine})
        if (schema_name(schema) == name) return schema;
    throw std::invalid_argument("unknown imposition '" + std::string(name) +
                                "' (use booklet, duplex-booklet, 2up, 4up or zine)");
}

std::string_view schema_name(Schema schema) {
    switch (schema) {
        case Schema::booklet: return "booklet";
        case Schema::duplex_booklet: return "duplex-booklet";
        case Schema::two_up: return "2up";
        case Schema::four_up: return "4up";
        case Schema::zine: return "zine";
    }
    return "booklet";
}

std::pair<int, int> parse_signature(std::string_view text) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) {
        const int size = parse_positive(text, text);
        if (size % 4 != 0)
            throw std::invalid_argument("signature " + std::string(text) +
                                        " is not a multiple of 4 (a folded sheet carries 4 pages)");
        return {size, size};
    }
    const int low = parse_positive(text.substr(0, dash), text);
    const int high = parse_positive(text.substr(dash + 1), text);
    if (low > high || round_up(low, 4) > high)
        throw std::invalid_argument("signature range " + std::string(text) +
                                    " holds no multiple of 4 (a folded sheet carries 4 pages)");
    return {low, high};
}

int choose_signature_size(int pages, std::optional<std::pair<int, int>> range) {
    const int whole = round_up(std::max(pages, 1), 4);
    if (!range) return whole;
    int best = 0;
    int best_blanks = 0;
    for (int size = round_up(range->first, 4); size <= range->second; size += 4) {
        const int effective = std::min(size, whole);
        const int blanks = round_up(pages, effective) - pages;
        if (best == 0 || blanks < best_blanks || (blanks == best_blanks && effective > best)) {
            best = effective;
            best_blanks = blanks;
        }
    }
    if (best == 0)
        throw std::invalid_argument("signature range holds no multiple of 4");
    return best;
}

std::vector<int> padded_sequence(int pages, int multiple, bool keep_back_cover) {
    const int padded = round_up(std::max(pages, 1), multiple);
    std::vector<int> sequence;
    sequence.reserve(static_cast<std::size_t>(padded));
    // A one-page document has no separate back cover to keep.
    const bool cover = keep_back_cover && pages >= 2;
    const int body = cover ? pages - 1 : pages;
    for (int page = 0; page < body; ++page) sequence.push_back(page);
    sequence.resize(static_cast<std::size_t>(padded - (cover ? 1 : 0)), blank_page);
    if (cover) sequence.push_back(pages - 1);
    return sequence;
}

SignatureLayout layout_pages(Schema schema, int pages, const LayoutOptions& options) {
    if (pages < 1) throw std::invalid_argument("nothing to impose: the PDF has no pages");
    if (options.paper_thickness_mm < 0 || options.paper_thickness_mm > 5)
        throw std::invalid_argument("paper thickness must be between 0 and 5 mm");
    SignatureLayout layout;
    layout.schema = schema;
    layout.pages = pages;
    switch (schema) {
        case Schema::booklet:
        case Schema::duplex_booklet:
            layout_booklet(layout, options, schema == Schema::duplex_booklet);
            break;
        case Schema::two_up: layout_two_up(layout, options); break;
        case Schema::four_up:
            layout.rows = 2;
            layout_four_up(layout, options);
            break;
        case Schema::zine:
            layout.columns = 4;
            layout.rows = 2;
            layout_zine(layout, options);
            break;
    }
    if (schema != Schema::booklet && schema != Schema::duplex_booklet && schema != Schema::zine)
        layout.signature_pages = layout.padded_pages;
    layout.blank_pages = layout.padded_pages - pages;
    return layout;
}

double spine_width_mm(int padded_pages, double paper_thickness_mm) {
    return (padded_pages + 1) / 2 * paper_thickness_mm;
}

}  // namespace pamphlet::pdf::imposition
