#include "pdf/impose_marks.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace pamphlet::pdf::imposition {

namespace {

constexpr double millimetre = layout::points_per_mm;
constexpr double shortest_mark_pt = 3 * millimetre;
constexpr double longest_mark_pt = 6 * millimetre;

double mark_length(const SheetGeometry& geometry) {
    return std::min(longest_mark_pt, geometry.margin_pt() - bleed_pt - 0.5 * millimetre);
}

void line(std::string& out, double x1, double y1, double x2, double y2) {
    out += pdf_number(x1) + ' ' + pdf_number(y1) + " m " + pdf_number(x2) + ' ' + pdf_number(y2) +
           " l S\n";
}

// Ticks above and below the block at x, or left and right of it at y.
void vertical_ticks(std::string& out, const SheetGeometry& g, double x, double length) {
    const double top = g.block.y + g.block.height;
    line(out, x, top + bleed_pt, x, top + bleed_pt + length);
    line(out, x, g.block.y - bleed_pt, x, g.block.y - bleed_pt - length);
}
void horizontal_ticks(std::string& out, const SheetGeometry& g, double y, double length) {
    const double right = g.block.x + g.block.width;
    line(out, right + bleed_pt, y, right + bleed_pt + length, y);
    line(out, g.block.x - bleed_pt, y, g.block.x - bleed_pt - length, y);
}

// PDF string literal in a standard font: printable ASCII kept, each other character one '?'.
std::string ascii_literal(std::string_view text) {
    std::string out = "(";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x80) {
            while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;
            out += '?';
        } else if (byte < 0x20 || byte == 0x7F) {
            out += ' ';
        } else {
            if (byte == '(' || byte == ')' || byte == '\\') out += '\\';
            out += static_cast<char>(byte);
        }
    }
    return out + ")";
}

}  // namespace

std::string pdf_number(double value) {
    if (std::abs(value) < 0.00005) value = 0;  // no "-0"
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 4);
    std::string text(buffer, error == std::errc() ? end : buffer);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    return text;
}

bool room_for_marks(const SheetGeometry& geometry) {
    return geometry.margin_pt() >= bleed_pt + shortest_mark_pt + 0.5 * millimetre;
}

std::string crop_marks(const SheetGeometry& g, Schema schema) {
    const double length = mark_length(g);
    std::string out = "q 0 G 0.25 w [] 0 d\n";
    const double right = g.block.x + g.block.width;
    const double top = g.block.y + g.block.height;
    for (double x : {g.block.x, right}) vertical_ticks(out, g, x, length);
    for (double y : {g.block.y, top}) horizontal_ticks(out, g, y, length);
    // Between the cells: booklets fold there, the n-up schemas are cut there.
    const bool folds = schema == Schema::booklet || schema == Schema::duplex_booklet ||
                       schema == Schema::zine;
    if (folds) out += "[2 2] 0 d\n";
    for (int column = 1; column < g.columns; ++column)
        vertical_ticks(out, g, g.block.x + column * g.cell_width_pt, length);
    for (int row = 1; row < g.rows; ++row)
        horizontal_ticks(out, g, g.block.y + row * g.cell_height_pt, length);
    return out + "Q\n";
}

std::string zine_guides(const SheetGeometry& g) {
    std::string out = "q 0.6 G 0.3 w [3 3] 0 d\n";
    const double right = g.block.x + g.block.width;
    const double top = g.block.y + g.block.height;
    const double middle = g.block.y + g.block.height / 2;
    for (int column = 1; column < g.columns; ++column) {
        const double x = g.block.x + column * g.cell_width_pt;
        line(out, x, g.block.y, x, top);
    }
    line(out, g.block.x, middle, g.block.x + g.cell_width_pt, middle);
    line(out, right - g.cell_width_pt, middle, right, middle);
    // The cut: through the two middle cells of the long fold.
    out += "0 G 0.5 w [] 0 d\n";
    line(out, g.block.x + g.cell_width_pt, middle, right - g.cell_width_pt, middle);
    return out + "Q\n";
}

std::string job_line(const SheetGeometry& g, std::string_view title, int sheet, int sheets,
                     bool back) {
    std::string text;
    if (!title.empty()) text = std::string(title) + " - ";
    text += "sheet " + std::to_string(sheet) + " of " + std::to_string(sheets) +
            (back ? ", back" : ", front");
    const double font_size = 6;
    // Under the block, right of the bottom-left crop mark, clear of the bleed.
    const double x = g.block.x + 2 * millimetre;
    const double y = g.block.y - bleed_pt - font_size - 1;
    return "q BT 0 g /JobFont " + pdf_number(font_size) + " Tf " + pdf_number(x) + ' ' +
           pdf_number(y) + " Td " + ascii_literal(text) + " Tj ET Q\n";
}

}  // namespace pamphlet::pdf::imposition
