// The pages before the text: the title page (title, subtitle, authors) and the table of
// contents, whose page numbers are filled in once the body has been paginated.
#pragma once

#include <string>
#include <vector>

#include "layout/page_builder.hpp"
#include "layout/typeset_galley.hpp"
#include "model/document.hpp"

namespace pamphlet::layout {

Page title_page(const model::Metadata& metadata, const TypesetEnvironment& environment, const TextBlock& block);

// The back of the title page: the document's note on itself (Muse #notes, a description), its
// source, date and rights at the foot of the text block; blank when it states none of them.
Page title_verso(const model::Metadata& metadata, const TypesetEnvironment& environment, const TextBlock& block);

// The contents as a galley of its own (so it paginates like text): a heading line, then one
// entry per heading of level 1 and 2, each a link to its heading.
struct TableOfContents {
    Galley galley;
    std::vector<std::size_t> entry_line;  // per entry: the line that gets the page number
    std::vector<std::size_t> heading;     // per entry: index into the headings it was made from
};

TableOfContents build_contents(const std::vector<HeadingEntry>& headings, const TypesetEnvironment& environment);

// Right-aligns `folios[entry]` on each entry's last line.
void fill_contents_page_numbers(TableOfContents& contents, const std::vector<std::string>& folios,
                                const TypesetEnvironment& environment);

}  // namespace pamphlet::layout
