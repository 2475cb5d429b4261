// Muse tables: cells separated by "|" (body), "||" (header) or "|||" (footer) between spaces, and
// an optional "|+ caption +|" line. As in Text::Amuse, the widest separator in a row decides its
// kind, wherever it stands. The model has no footer part, so footer rows are set after the body
// rows, in their source order, which is where Text::Amuse's print output puts them too.
#include <algorithm>

#include "readers/muse_blocks.hpp"
#include "readers/muse_lines.hpp"

namespace pamphlet::readers {

using namespace muse_lines;

namespace {

struct Row {
    std::size_t pipes = 1;  // the widest separator: 1 body, 2 header, 3 footer
    std::vector<std::string_view> cells;
};

Row split_row(std::string_view line) {
    Row row;
    const std::string_view text = trim(line);
    std::size_t cell_start = 0;
    for (std::size_t at = 1; at < text.size(); ++at) {
        if (text[at] != '|' || (text[at - 1] != ' ' && text[at - 1] != '\t')) continue;
        std::size_t end = at;
        while (end < text.size() && text[end] == '|') ++end;
        if (end - at > 3 || (end < text.size() && text[end] != ' ' && text[end] != '\t')) continue;
        row.pipes = std::max(row.pipes, end - at);
        row.cells.push_back(trim(text.substr(cell_start, at - cell_start)));
        cell_start = end;
        at = end - 1;
    }
    row.cells.push_back(trim(text.substr(cell_start)));
    return row;
}

}  // namespace

std::size_t MuseBlockParser::table(Region region, std::size_t i, model::Blocks& out) {
    const model::SourcePosition where = at(i);
    model::Table table;
    std::vector<std::vector<model::Inlines>> footer;
    std::size_t columns = 0;
    for (; i < region.end && is_table_line(lines_[i]); ++i) {
        const std::string_view text = trim(lines_[i]);
        if (text.substr(0, 2) == "|+") {
            table.caption = inlines(trim(text.substr(2, text.size() - 4)), i);
            continue;
        }
        const Row row = split_row(text);
        std::vector<model::Inlines> cells;
        for (std::string_view cell : row.cells) cells.push_back(inlines(cell, i));
        columns = std::max(columns, cells.size());
        if (row.pipes == 2) table.header_rows.push_back(std::move(cells));
        else if (row.pipes == 3) footer.push_back(std::move(cells));
        else table.body_rows.push_back(std::move(cells));
    }
    for (auto& row : footer) table.body_rows.push_back(std::move(row));
    for (auto* rows : {&table.header_rows, &table.body_rows})
        for (auto& row : *rows) row.resize(columns);
    table.column_alignment.assign(columns, model::Alignment::left);
    if (columns > 0) out.emplace_back(std::move(table), where);
    return i;
}

}  // namespace pamphlet::readers
