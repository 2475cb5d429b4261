// How the document is cut into content documents and what the navigation lists, decided once
// before anything is written so that every part (XHTML, nav, NCX, OPF) agrees on file names and
// anchors.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "epub/id_registry.hpp"
#include "model/document.hpp"

namespace pamphlet::epub {

// A heading that opens or structures a content document: a table-of-contents entry.
struct OutlineEntry {
    int level = 1;      // 1-4
    std::string label;  // plain text of the heading
    std::string file;   // content document holding it
    std::string id;     // its anchor there
};

// One XHTML file: a run of top-level blocks. A new file starts at every level-1 heading, and at
// a level-2 heading once the file holds split_text_bytes of text: reading systems load a whole
// file to show any page of it, and older ones (Adobe's RMSDK) refuse files of over 300 KB, which
// a book of a novel's length would make. Text before the first heading gets a file of its own.
struct ContentDocument {
    std::string file;  // "section-1.xhtml"
    std::size_t first_block = 0;
    std::size_t end_block = 0;  // one past the last
    std::string title;          // for <title>: its first heading's label, else the book title
    bool opens_with_heading = false;
};

inline constexpr std::size_t split_text_bytes = 100'000;

struct BookPlan {
    std::vector<ContentDocument> documents;
    std::vector<OutlineEntry> outline;  // document order; nesting follows `level`
    std::map<const model::Heading*, std::string> heading_ids;
};

// Headings directly in document.blocks make the outline; their ids are model ids (made safe and
// unique through `ids`). Headings nested in quotes or lists are not in the outline.
BookPlan plan_book(const model::Document& document, std::string_view book_title, IdRegistry& ids);

// The plain text of inlines on one line: line breaks become spaces, runs of white space one space.
std::string single_line_text(const model::Inlines& inlines);

}  // namespace pamphlet::epub
