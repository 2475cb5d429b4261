// The Muse reader (amusewiki's markup): directives, then blocks, then footnote bodies attached
// to their references. Each stage has its own file: muse_directives, muse_blocks (with
// muse_lists and muse_tables), muse_inlines, muse_notes.
#include "readers/muse.hpp"

#include "readers/front_matter.hpp"
#include "readers/markdown_text_helpers.hpp"
#include "readers/muse_blocks.hpp"
#include "readers/muse_directives.hpp"

namespace pamphlet::readers {

model::Document read_muse(std::string_view utf8_text, const ReadOptions& options, model::Report& report) {
    const std::string& file = options.file_name;
    const std::string clean = sanitize_text(utf8_text, file, report);
    const std::vector<std::string_view> lines = split_lines(clean);

    MuseHeader header = read_muse_header(lines, file, report);
    const MuseNoteLabels labels = find_muse_note_labels(lines, header.body_start);
    MuseBlockParser parser(lines, labels, file, report);

    model::Document document;
    document.blocks = parser.parse(header.body_start);
    attach_muse_notes(document.blocks, parser.notes(), file, report);
    document.metadata = std::move(header.metadata);
    if (!header.has_language) {
        const std::string from_name = language_from_file_name(file);
        if (!from_name.empty()) document.metadata.language = from_name;
    }
    return document;
}

}  // namespace pamphlet::readers
