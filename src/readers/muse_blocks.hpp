// Muse block structure: paragraphs (indentation makes quotes, centred and right-aligned ones),
// headings, <quote> <verse> <center> <right> <example> <comment> and <[lang]> regions, "> "
// verse, lists, "|" tables, "* * * * *" scene breaks, footnote definitions, images.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/document.hpp"
#include "readers/muse_inlines.hpp"

namespace pamphlet::readers {

struct MuseNoteDefinition {
    model::Blocks body;
    int line = 0;
    int uses = 0;
};

struct MuseNoteDefinitions {
    std::map<std::string, MuseNoteDefinition> primary;    // by label: "[1] ..." -> "1"
    std::map<std::string, MuseNoteDefinition> secondary;  // "{1} ..." -> "1"
};

// The labels of every footnote definition (a line starting "[N] " or "{N} " outside <example>
// and <comment>), which the inline parser needs before it can tell a reference from "[1]" text.
MuseNoteLabels find_muse_note_labels(const std::vector<std::string_view>& lines, std::size_t first_line);

class MuseBlockParser {
public:
    MuseBlockParser(const std::vector<std::string_view>& lines, const MuseNoteLabels& labels, std::string file_name,
                    model::Report& report);

    // Parses lines [first, lines.size()); footnote definitions go to notes(), not to the result.
    model::Blocks parse(std::size_t first);
    MuseNoteDefinitions& notes() { return notes_; }

private:
    struct Region {
        std::size_t begin;
        std::size_t end;       // one past the last line
        bool contained;        // inside a list item or note: indentation means nothing there
    };

    model::Blocks blocks(Region region);
    // Each returns the index of the first line it did not consume.
    std::size_t block_tag(Region region, std::size_t i, model::Blocks& out);
    std::size_t paragraph(Region region, std::size_t i, model::Blocks& out);
    std::size_t verse_lines(Region region, std::size_t i, model::Blocks& out);
    std::size_t note_definition(Region region, std::size_t i);
    std::size_t table(Region region, std::size_t i, model::Blocks& out);
    std::size_t list(Region region, std::size_t i, model::Blocks& out);

    model::Inlines inlines(std::string_view text, std::size_t line_index);
    model::Verse verse(Region region);
    model::SourcePosition at(std::size_t line_index) const { return {static_cast<int>(line_index) + 1, 1}; }
    void warn(std::size_t line_index, std::string message);

    const std::vector<std::string_view>& lines_;
    const MuseNoteLabels& labels_;
    std::string file_;
    model::Report& report_;
    MuseNoteDefinitions notes_;
    int depth_ = 0;  // nesting of quote-like regions, where headings may not stand
};

// Attaches each note definition's body to its references, as the model wants: primary notes in
// the text, secondary notes in the text or in primary notes. References where the model allows
// no note (a primary note inside a note, a secondary note inside a secondary one) stay as text.
// Warns about definitions used twice (their text is repeated) or never (left out).
void attach_muse_notes(model::Blocks& blocks, MuseNoteDefinitions& notes, const std::string& file_name,
                       model::Report& report);

}  // namespace pamphlet::readers
