// Muse lists: items marked by "-", "1.", "a." or "i." after at least one space; nesting follows
// indentation; an item continues on following lines and in later paragraphs indented to its text.
#include "readers/muse_blocks.hpp"
#include "readers/muse_lines.hpp"

namespace pamphlet::readers {

using namespace muse_lines;

std::size_t MuseBlockParser::list(Region region, std::size_t i, model::Blocks& out) {
    const ListMarker first = *list_marker_of(lines_[i]);
    model::ListBlock result;
    result.ordered = first.ordered;
    result.start = first.ordered ? first.value : 1;
    const model::SourcePosition where = at(i);

    // One paragraph of an item: from `from` (text starting at byte `offset`) to a blank line or
    // the next item marker.
    auto item_paragraph = [&](std::size_t from, std::size_t offset, model::Blocks& item) {
        std::string text(trim(lines_[from].substr(offset)));
        std::size_t k = from + 1;
        for (; k < region.end && !is_blank(lines_[k]) && !list_marker_of(lines_[k]) && !block_tag_of(lines_[k]); ++k) {
            text += ' ';
            text.append(trim(lines_[k]));
        }
        model::Inlines content = inlines(text, from);
        if (!content.empty()) item.emplace_back(model::Paragraph{std::move(content)}, at(from));
        return k;
    };

    while (i < region.end) {
        const auto marker = list_marker_of(lines_[i]);
        if (!marker || marker->indent != first.indent || marker->ordered != first.ordered) break;
        model::Blocks item;
        i = item_paragraph(i, marker->content, item);
        while (true) {
            std::size_t next = i;
            while (next < region.end && is_blank(lines_[next])) ++next;
            if (next >= region.end) {
                i = next;
                break;
            }
            const auto inner = list_marker_of(lines_[next]);
            if (inner && inner->indent > first.indent) {
                i = list(region, next, item);
                continue;
            }
            // A later paragraph indented past the marker continues this item.
            if (!inner && next > i && indent_of(lines_[next]) > first.indent && !block_tag_of(lines_[next])) {
                i = item_paragraph(next, 0, item);
                continue;
            }
            i = inner && inner->indent == first.indent ? next : i;
            break;
        }
        result.items.push_back(std::move(item));
    }
    if (!result.items.empty()) out.emplace_back(std::move(result), where);
    return i;
}

}  // namespace pamphlet::readers
