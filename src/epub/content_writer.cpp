#include "epub/content_writer.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <type_traits>

#include "epub/book_plan.hpp"
#include "epub/xml_text.hpp"
#include "layout/footnotes.hpp"
#include "layout/images.hpp"

namespace pamphlet::epub {
namespace {

constexpr std::size_t end_of_leaf = std::numeric_limits<std::size_t>::max();

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const char c = text[i];
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (lower != prefix[i]) return false;
    }
    return true;
}

// Only links a reading system can follow safely become links; anything else (javascript:,
// file:, relative paths into the author's disk) stays plain text.
bool is_safe_link_target(std::string_view target) {
    return starts_with_ignoring_case(target, "http://") || starts_with_ignoring_case(target, "https://") ||
           starts_with_ignoring_case(target, "mailto:");
}

const char* alignment_class(model::Alignment alignment) {
    switch (alignment) {
        case model::Alignment::left: return "align-left";
        case model::Alignment::center: return "align-center";
        case model::Alignment::right: return "align-right";
        case model::Alignment::justified: break;
    }
    return "";
}

std::string extension_for(const std::string& media_type) {
    if (media_type == "image/png") return ".png";
    if (media_type == "image/jpeg") return ".jpg";
    if (media_type == "image/gif") return ".gif";
    return ".svg";
}

class ContentWriter {
public:
    ContentWriter(const std::string& file, BookState& state) : file_(file), state_(state) {}

    void write_block(const model::Block& block, pugi::xml_node parent);
    void write_notes(pugi::xml_node container);
    void write_marker(const PageMarker& marker, pugi::xml_node parent);

private:
    struct PendingNote {
        const model::NoteReference* note;
        std::string note_id;
        std::string reference_id;
        std::string marker;
    };

    void write_leaf(const model::Block& leaf, pugi::xml_node parent);
    void write_inlines(const model::Inlines& inlines, pugi::xml_node parent);
    void write_inline(const model::Inline& node, pugi::xml_node parent);
    void write_note_reference(const model::NoteReference& note, pugi::xml_node parent);
    void write_figure(const model::Figure& figure, pugi::xml_node parent);
    void write_table(const model::Table& table, pugi::xml_node parent);
    std::string pack_image(const model::Figure& figure);

    // The page-marker cursor: which leaf's markers are due, how far into its visible text the
    // writing has come. Inside note bodies there is no cursor (notes are not running text).
    void begin_leaf();
    void end_leaf() { markers_ = nullptr; }
    void write_text(std::string_view text, pugi::xml_node parent);
    void write_markers_up_to(std::size_t offset, pugi::xml_node parent);

    const std::string& file_;
    BookState& state_;
    std::vector<PendingNote> pending_notes_;
    const std::vector<PageMarker>* markers_ = nullptr;
    std::size_t next_marker_ = 0;
    std::size_t offset_ = 0;
    bool in_note_ = false;
    int unnumbered_notes_ = 0;
    int last_heading_level_ = 0;
};

void ContentWriter::begin_leaf() {
    markers_ = in_note_ ? nullptr : &state_.pages.markers_of(state_.next_leaf++);
    next_marker_ = 0;
    offset_ = 0;
}

void ContentWriter::write_marker(const PageMarker& marker, pugi::xml_node parent) {
    pugi::xml_node span = parent.append_child("span");
    span.append_attribute("epub:type") = "pagebreak";
    span.append_attribute("role") = "doc-pagebreak";
    set_attribute(span, "id", marker.id);
    set_attribute(span, "aria-label", marker.label);
    state_.placed_pages.push_back({file_, marker.id, marker.label});
}

void ContentWriter::write_markers_up_to(std::size_t offset, pugi::xml_node parent) {
    if (markers_ == nullptr) return;
    while (next_marker_ < markers_->size() && (*markers_)[next_marker_].byte_offset <= offset)
        write_marker((*markers_)[next_marker_++], parent);
}

void ContentWriter::write_text(std::string_view text, pugi::xml_node parent) {
    std::size_t start = 0;
    while (markers_ != nullptr && next_marker_ < markers_->size()) {
        const std::size_t due = std::max((*markers_)[next_marker_].byte_offset, offset_ + start);
        if (due >= offset_ + text.size()) break;
        std::size_t cut = due - offset_;
        // Offsets are promised to fall on character boundaries; never split a UTF-8 sequence anyway.
        while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
        if (cut > start) append_text(parent, text.substr(start, cut - start));
        write_marker((*markers_)[next_marker_++], parent);
        start = cut;
    }
    if (start < text.size()) append_text(parent, text.substr(start));
    offset_ += text.size();
}

void ContentWriter::write_inlines(const model::Inlines& inlines, pugi::xml_node parent) {
    for (const model::Inline& node : inlines) write_inline(node, parent);
}

void ContentWriter::write_inline(const model::Inline& node, pugi::xml_node parent) {
    std::visit(
        [&](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, model::Text>) {
                write_text(value.text, parent);
            } else if constexpr (std::is_same_v<T, model::Emphasis>) {
                write_inlines(value.children, parent.append_child("em"));
            } else if constexpr (std::is_same_v<T, model::Strong>) {
                write_inlines(value.children, parent.append_child("strong"));
            } else if constexpr (std::is_same_v<T, model::SmallCaps>) {
                pugi::xml_node span = parent.append_child("span");
                span.append_attribute("class") = "smallcaps";
                write_inlines(value.children, span);
            } else if constexpr (std::is_same_v<T, model::Code>) {
                write_text(value.text, parent.append_child("code"));
            } else if constexpr (std::is_same_v<T, model::Link>) {
                if (!is_safe_link_target(value.target)) {
                    write_inlines(value.children, parent);
                    return;
                }
                pugi::xml_node link = parent.append_child("a");
                set_attribute(link, "href", value.target);
                if (value.children.empty()) {
                    append_text(link, value.target);  // not running text: no page offset
                } else {
                    write_inlines(value.children, link);
                }
            } else if constexpr (std::is_same_v<T, model::LineBreak>) {
                write_markers_up_to(offset_, parent);
                parent.append_child("br");
                offset_ += 1;  // visible_text counts a line break as "\n"
            } else if constexpr (std::is_same_v<T, model::NoteReference>) {
                write_note_reference(value, parent);
            } else if constexpr (std::is_same_v<T, model::LanguageSpan>) {
                if (!is_language_tag(value.language)) {
                    write_inlines(value.children, parent);
                    return;
                }
                pugi::xml_node span = parent.append_child("span");
                set_attribute(span, "lang", value.language);
                set_attribute(span, "xml:lang", value.language);
                write_inlines(value.children, span);
            } else {
                // An inline kind added to the model later: nothing to show until it is handled.
            }
        },
        node.value);
}

void ContentWriter::write_note_reference(const model::NoteReference& note, pugi::xml_node parent) {
    state_.facts.has_notes = true;
    // The numbers come from layout::number_notes (shared with the PDF); a document that was not
    // prepared still gets markers, counted here.
    const int number = note.number > 0 ? note.number : ++unnumbered_notes_;
    const std::string marker = layout::note_marker(note.kind, number);
    const bool primary = note.kind == model::NoteKind::primary;
    PendingNote pending{&note, state_.ids.claim((primary ? "note-" : "subnote-") + marker),
                        state_.ids.claim((primary ? "noteref-" : "subnoteref-") + marker), marker};
    pugi::xml_node link = parent.append_child("a");
    link.append_attribute("epub:type") = "noteref";
    link.append_attribute("role") = "doc-noteref";
    link.append_attribute("class") = primary ? "noteref" : "noteref secondary";
    set_attribute(link, "id", pending.reference_id);
    set_attribute(link, "href", "#" + pending.note_id);
    append_text(link, marker);
    pending_notes_.push_back(std::move(pending));
}

void ContentWriter::write_notes(pugi::xml_node container) {
    in_note_ = true;
    // Writing a note may reference further (secondary) notes. They go right after the note that
    // holds them, because the shared numbering counts a note's body at its reference: the asides
    // then come in number order, as the PDF sets them.
    for (std::size_t index = 0; index < pending_notes_.size(); ++index) {
        const PendingNote note = pending_notes_[index];
        const std::size_t queued_before = pending_notes_.size();
        pugi::xml_node aside = container.append_child("aside");
        set_attribute(aside, "id", note.note_id);
        aside.append_attribute("epub:type") = "footnote";
        aside.append_attribute("role") = "doc-footnote";
        aside.append_attribute("class") =
            note.note->kind == model::NoteKind::primary ? "footnote" : "footnote secondary";
        for (const model::Block& block : note.note->body) write_block(block, aside);

        // The note's number links back to the reference (readers that show notes in place use it
        // to return; Kindle requires the link in both directions).
        pugi::xml_node first = aside.first_child();
        pugi::xml_node holder = first && std::string_view(first.name()) == "p" ? first : aside.prepend_child("p");
        pugi::xml_node back_link = holder.prepend_child("a");
        set_attribute(back_link, "href", "#" + note.reference_id);
        back_link.append_attribute("role") = "doc-backlink";
        back_link.append_attribute("class") = "note-number";
        append_text(back_link, note.marker);
        if (holder.last_child() != back_link) holder.insert_child_after(pugi::node_pcdata, back_link).set_value(" ");
        const auto next = pending_notes_.begin() + static_cast<std::ptrdiff_t>(index + 1);
        std::rotate(next, pending_notes_.begin() + static_cast<std::ptrdiff_t>(queued_before), pending_notes_.end());
    }
    in_note_ = false;
}

void ContentWriter::write_block(const model::Block& block, pugi::xml_node parent) {
    if (const auto* quote = std::get_if<model::BlockQuote>(&block.value)) {
        pugi::xml_node element = parent.append_child("blockquote");
        if (quote->epigraph) {
            element.append_attribute("class") = "epigraph";
            element.append_attribute("epub:type") = "epigraph";
            element.append_attribute("role") = "doc-epigraph";
        }
        for (const model::Block& child : quote->children) write_block(child, element);
    } else if (const auto* list = std::get_if<model::ListBlock>(&block.value)) {
        pugi::xml_node element = parent.append_child(list->ordered ? "ol" : "ul");
        if (list->ordered && list->start != 1) element.append_attribute("start") = list->start;
        for (const model::Blocks& item : list->items) {
            pugi::xml_node entry = element.append_child("li");
            for (const model::Block& child : item) write_block(child, entry);
        }
    } else {
        write_leaf(block, parent);
    }
}

void ContentWriter::write_leaf(const model::Block& leaf, pugi::xml_node parent) {
    begin_leaf();
    std::visit(
        [&](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            // A page that starts with a block is marked just before it (not inside a heading,
            // whose accessible name would then include the page number).
            write_markers_up_to(0, parent);
            if constexpr (std::is_same_v<T, model::Heading>) {
                pugi::xml_node element;
                if (in_note_) {  // a heading inside a note must not break the document outline
                    element = parent.append_child("p");
                    element.append_attribute("class") = "note-heading";
                } else {
                    // Heading levels never skip one within a document (h1 then h3 becomes h1 then
                    // h2): assistive technology navigates by level, and Ace flags the gap.
                    const int level = std::min(std::clamp(value.level, 1, 4), last_heading_level_ + 1);
                    last_heading_level_ = level;
                    element = parent.append_child(("h" + std::to_string(level)).c_str());
                    const auto id = state_.heading_ids.find(&value);
                    if (id != state_.heading_ids.end()) set_attribute(element, "id", id->second);
                }
                write_inlines(value.content, element);
                write_markers_up_to(end_of_leaf, element);
            } else if constexpr (std::is_same_v<T, model::Paragraph>) {
                pugi::xml_node element = parent.append_child("p");
                std::string classes = alignment_class(value.alignment);
                if (value.no_indent) classes += classes.empty() ? "no-indent" : " no-indent";
                if (!classes.empty()) set_attribute(element, "class", classes);
                write_inlines(value.content, element);
                write_markers_up_to(end_of_leaf, element);
            } else if constexpr (std::is_same_v<T, model::Verse>) {
                pugi::xml_node element = parent.append_child("div");
                element.append_attribute("class") = "verse";
                pugi::xml_node last = element;
                for (std::size_t s = 0; s < value.stanzas.size(); ++s) {
                    if (s > 0) offset_ += 2;  // "\n\n" between stanzas in visible_text
                    last = element.append_child("p");
                    last.append_attribute("class") = "stanza";
                    for (std::size_t l = 0; l < value.stanzas[s].size(); ++l) {
                        if (l > 0) {
                            write_markers_up_to(offset_, last);
                            last.append_child("br");
                            offset_ += 1;
                        }
                        write_inlines(value.stanzas[s][l], last);
                    }
                }
                write_markers_up_to(end_of_leaf, last);
            } else if constexpr (std::is_same_v<T, model::Preformatted>) {
                pugi::xml_node element = parent.append_child("pre");
                write_text(value.text, element);
                write_markers_up_to(end_of_leaf, element);
            } else if constexpr (std::is_same_v<T, model::SceneBreak>) {
                write_markers_up_to(end_of_leaf, parent);
                parent.append_child("hr").append_attribute("class") = "scene-break";
            } else if constexpr (std::is_same_v<T, model::Table>) {
                write_markers_up_to(end_of_leaf, parent);  // a table is kept whole on one page
                write_table(value, parent);
            } else if constexpr (std::is_same_v<T, model::Figure>) {
                write_markers_up_to(end_of_leaf, parent);
                write_figure(value, parent);
            } else {
                // A block kind added to the model later: its page markers still land here.
                write_markers_up_to(end_of_leaf, parent);
            }
        },
        leaf.value);
    end_leaf();
}

void ContentWriter::write_table(const model::Table& table, pugi::xml_node parent) {
    state_.facts.has_tables = true;
    // The wrapper scrolls a table wider than a phone screen instead of widening the page.
    pugi::xml_node wrapper = parent.append_child("div");
    wrapper.append_attribute("class") = "table";
    pugi::xml_node element = wrapper.append_child("table");
    if (!table.caption.empty()) write_inlines(table.caption, element.append_child("caption"));
    const auto write_rows = [&](const std::vector<std::vector<model::Inlines>>& rows, const char* group,
                                bool header) {
        if (rows.empty()) return;
        pugi::xml_node section = element.append_child(group);
        for (const auto& row : rows) {
            pugi::xml_node row_element = section.append_child("tr");
            for (std::size_t column = 0; column < row.size(); ++column) {
                pugi::xml_node cell = row_element.append_child(header ? "th" : "td");
                if (header) cell.append_attribute("scope") = "col";
                if (column < table.column_alignment.size()) {
                    const char* alignment = alignment_class(table.column_alignment[column]);
                    if (*alignment != '\0') cell.append_attribute("class") = alignment;
                }
                write_inlines(row[column], cell);
            }
        }
    };
    write_rows(table.header_rows, "thead", true);
    write_rows(table.body_rows, "tbody", false);
}

// The image is read and identified by the loader the PDF uses (by its bytes, not its name),
// so both outputs agree on which files are images. A picture used twice is packed once.
std::string ContentWriter::pack_image(const model::Figure& figure) {
    layout::ImageLibrary library;
    const layout::LoadedImage& loaded = library.load(figure.source);
    if (!loaded.image) {
        state_.report.warn(figure.source, 0, "EPUB: " + loaded.problem + "; its text alternative is shown instead");
        return "";
    }
    const layout::ImageData& image = *loaded.image;
    if (image.info.format == layout::ImageFormat::webp) {
        state_.report.warn(figure.source, 0, "EPUB: image type not supported in EPUB (use PNG, JPEG, GIF or SVG)");
        return "";
    }
    for (const MediaFile& packed : state_.images)
        if (packed.bytes == image.bytes) return packed.path;
    const std::string media_type = layout::media_type(image.info.format);
    const std::string path =
        "images/figure-" + std::to_string(state_.images.size() + 1) + extension_for(media_type);
    state_.images.push_back({path, media_type, image.bytes});
    return path;
}

void ContentWriter::write_figure(const model::Figure& figure, pugi::xml_node parent) {
    pugi::xml_node element = parent.append_child("figure");
    const std::string path = pack_image(figure);
    // Without a written alternative the caption is the best description there is.
    const std::string alt = !figure.alt.empty() ? figure.alt : single_line_text(figure.caption);
    if (path.empty()) {
        pugi::xml_node text = element.append_child("p");
        text.append_attribute("class") = "figure-missing";
        append_text(text, alt.empty() ? "[image]" : "[image: " + alt + "]");
    } else {
        state_.facts.has_images = true;
        if (alt.empty()) {
            state_.facts.every_image_has_alt = false;
            state_.report.warn(figure.source, 0, "EPUB: image without a text alternative");
        }
        pugi::xml_node image = element.append_child("img");
        set_attribute(image, "src", path);
        set_attribute(image, "alt", alt);
    }
    if (!figure.caption.empty()) write_inlines(figure.caption, element.append_child("figcaption"));
}

}  // namespace

void write_content(const model::Blocks& blocks, std::size_t first, std::size_t end, const std::string& file,
                   pugi::xml_node container, BookState& state) {
    ContentWriter writer(file, state);
    for (std::size_t index = first; index < end && index < blocks.size(); ++index)
        writer.write_block(blocks[index], container);
    writer.write_notes(container);
}

void write_remaining_page_markers(const std::string& file, pugi::xml_node container, BookState& state) {
    ContentWriter writer(file, state);
    for (const PageMarker& marker : state.pages.markers_from(state.next_leaf)) writer.write_marker(marker, container);
}

}  // namespace pamphlet::epub
