// The working material of the plain-text repair passes: the input's lines (with their line
// numbers, so every repair can be reported against the input) grouped into blocks, and the
// context each pass gets (report, options, dictionary, vocabulary).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"

namespace pamphlet::readers {
class Dictionary;
}

namespace pamphlet::readers::repair {

class Vocabulary;

struct Line {
    std::string text;
    int number = 0;           // 1-based input line
    bool page_start = false;  // first line of an original page (see page_starts.cpp)
};
using Lines = std::vector<Line>;

enum class BlockKind {
    paragraph,
    section_heading,     // level 1
    subsection_heading,  // level 2
    block_quote,
    lines,        // short lines whose breaks matter (title blocks, addresses, verse)
    scene_break,  // "* * *"
    notes_heading,  // "FOOTNOTES:" and the like; consumed by the footnotes pass
};

// Lines that stood together between blank lines in the input (after repairs, one paragraph,
// heading, quote...).
struct TextBlock {
    Lines lines;
    BlockKind kind = BlockKind::paragraph;
    bool centered = false;  // every line indented far into the line: set centred
    int indent = 0;         // common leading spaces of the block's lines in the input
    int heading_level = 0;  // for headings: 1-3 once ranked; 0 takes the kind's level
};
using TextBlocks = std::vector<TextBlock>;

// What every pass may use. A pass that is disabled by name is not called at all.
struct RepairContext {
    std::string file_name;
    model::Report& report;
    const Dictionary& dictionary;
    const Vocabulary* vocabulary = nullptr;  // built after the line-level passes

    void record(std::string_view pass, int line, std::string before, std::string after,
                std::string reason) const {
        report.repairs.push_back(
            {std::string(pass), line, std::move(before), std::move(after), std::move(reason)});
    }
};

}  // namespace pamphlet::readers::repair
