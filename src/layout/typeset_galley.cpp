#include "layout/typeset_galley.hpp"

#include <algorithm>
#include <type_traits>

#include "layout/footnotes.hpp"
#include "layout/images.hpp"
#include "layout/inline_styling.hpp"
#include "layout/line_breaking.hpp"
#include "layout/page_builder.hpp"
#include "model/text.hpp"

namespace pamphlet::layout {
namespace {

// The spaces a verse or preformatted line starts with are indentation the author typed. The line
// breaker drops glue at a line start, so they are taken off the text and become a left indent
// (tabs to the next multiple of eight, as a terminal shows them).
struct LeadingIndent {
    std::size_t bytes = 0;  // how much text the indent took off the line
    int columns = 0;        // its width in spaces
};

LeadingIndent leading_indent(std::string_view text) {
    LeadingIndent indent;
    while (indent.bytes < text.size()) {
        if (text[indent.bytes] == ' ') {
            indent.columns += 1;
            indent.bytes += 1;
        } else if (text[indent.bytes] == '\t') {
            indent.columns = (indent.columns / 8 + 1) * 8;
            indent.bytes += 1;
        } else if (text.substr(indent.bytes, 2) == "\xC2\xA0") {  // a no-break space
            indent.columns += 1;
            indent.bytes += 2;
        } else {
            break;
        }
    }
    return indent;
}


// Where and how the current block is set: indents from the text block's edges, the starting
// look of its text and its line height.
struct Column {
    double left_pt = 0;
    double right_pt = 0;
    InlineLook look;
    double leading_pt = 12;
};

// Blocks of this many lines or fewer (quotes, verse, tables, preformatted text) are kept whole.
constexpr std::size_t short_quote_lines = 6;
constexpr std::size_t short_verse_lines = 10;
constexpr std::size_t short_table_lines = 15;
constexpr std::size_t short_preformatted_lines = 12;

std::string note_destination(int note) { return "note-" + std::to_string(note + 1); }
std::string reference_destination(int note) { return "noteref-" + std::to_string(note + 1); }

// Sets a list of blocks into lines. One instance sets the body (tracking leaf blocks, whose
// indices and offsets become page starts); others set note bodies (no positions).
class ColumnSetter {
public:
    // `scratch` is shared by every setter of a document (note bodies and table cells too): one
    // paragraph is set at a time, and each reuses the memory the one before touched.
    ColumnSetter(const TypesetEnvironment& environment, ImageLibrary& images, ParagraphScratch& scratch,
                 DocumentGalley& out, std::vector<GalleyLine>& target, bool is_body, int& next_anchor)
        : environment_(environment), images_(images), scratch_(scratch), out_(out), target_(target),
          is_body_(is_body), next_anchor_(next_anchor) {}

    void set_blocks(const model::Blocks& blocks, const Column& column) {
        for (const model::Block& block : blocks) set_block(block, column);
    }

    // Notes referenced from inside note bodies: they go to the page with their parent.
    std::vector<int> take_nested_notes() { return std::move(nested_notes_); }

    // Text prefixed to the next paragraph set (a note's own number).
    void prefix_next_paragraph(StyledSpan span) { prefix_ = std::move(span); }

private:
    const Style& style() const { return environment_.style; }
    FontLibrary& fonts() const { return environment_.fonts; }
    double space_width(const InlineLook& look) const {
        return measure_text(" ", fonts().face(look.family, look.weight, look.slant), look.size_pt, fonts());
    }

    void set_block(const model::Block& block, const Column& column) {
        if (block.position.line > 0) current_source_line_ = block.position.line;  // for warnings
        std::visit(
            [&](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, model::BlockQuote>) {
                    set_quote(value, column);
                } else if constexpr (std::is_same_v<T, model::ListBlock>) {
                    set_list(value, column);
                } else {
                    const std::size_t leaf = next_leaf_++;
                    current_leaf_ = leaf;
                    if constexpr (std::is_same_v<T, model::Heading>) {
                        set_heading(value, column);
                    } else if constexpr (std::is_same_v<T, model::Paragraph>) {
                        set_paragraph_block(value, column);
                    } else if constexpr (std::is_same_v<T, model::Verse>) {
                        set_verse(value, column);
                    } else if constexpr (std::is_same_v<T, model::Preformatted>) {
                        set_preformatted(value, column);
                    } else if constexpr (std::is_same_v<T, model::SceneBreak>) {
                        set_scene_break(column);
                    } else if constexpr (std::is_same_v<T, model::Table>) {
                        set_table(value, column);
                    } else if constexpr (std::is_same_v<T, model::Figure>) {
                        set_figure(value, column, block.position);
                    } else {
                        // A block kind added to the model later: it still counts as a leaf (as
                        // for_each_leaf_block counts it) but nothing is drawn for it.
                    }
                    previous_was_paragraph_ = std::is_same_v<T, model::Paragraph>;
                }
            },
            block.value);
    }

    // ---- setting text into lines ---------------------------------------------------------

    struct TextOptions {
        double first_indent_pt = 0;
        model::Alignment alignment = model::Alignment::justified;
        bool hyphenate = true;
        std::size_t base_offset = 0;  // where the text starts in the leaf's visible_text
        bool balance = false;         // even out the lines' lengths (headings)
    };

    // Sets styled text and appends its lines; returns the index of the first line appended.
    std::size_t append_text(StyledInlines styled, const Column& column, const TextOptions& options) {
        const std::size_t first = target_.size();
        ParagraphSpec spec;
        if (prefix_) {
            spec.spans.push_back(*prefix_);
            prefix_.reset();
        }
        for (const StyledSpan& span : styled.spans) {  // copied: links measure their spans below
            spec.spans.push_back(span);
            spec.spans.back().source_offset += options.base_offset;
        }
        spec.width_pt = environment_.text_width_pt - column.left_pt - column.right_pt;
        spec.first_line_indent_pt = options.first_indent_pt;
        spec.alignment = options.alignment;
        spec.language = environment_.language;
        spec.hyphenate = options.hyphenate && style().paragraph.hyphenate;
        spec.fallback_families = style().font.fallback_families;
        if (spec.spans.empty()) return first;

        SetParagraph set = set_paragraph(spec, fonts(), environment_.hyphenation, scratch_);
        double shift = 0;  // a balanced text sits inside the full measure as its alignment says
        if (options.balance) shift = balance_lines(spec, set);
        for (const std::string& warning : set.warnings) environment_.report.warn("", current_source_line_, warning);
        for (SetLine& line : set.lines) {
            GalleyLine galley_line;
            galley_line.runs = std::move(line.runs);
            for (GlyphRun& run : galley_line.runs) run.x_pt += column.left_pt + shift;
            galley_line.advance_pt = std::max(column.leading_pt, (line.ascent_pt + line.descent_pt) * 1.1);
            galley_line.block = current_block_;
            // The last word of a page is never hyphenated (a reader must not turn the page
            // mid-word, and page starts must fall between words).
            galley_line.keep_with_next = line.ends_with_hyphen;
            if (is_body_) galley_line.position = TextPosition{current_leaf_, line.source_begin};
            for (const AnchorPlacement& anchor : line.anchors) {
                place_note_reference(galley_line, anchor, styled, column);
                place_link(galley_line, anchor, styled, column);
            }
            target_.push_back(std::move(galley_line));
        }
        return first;
    }

    // Narrows the measure of a text set on several lines while it keeps as many lines, so a
    // two-line heading splits evenly instead of leaving one word below. Returns how far the
    // narrower text must move right to keep its alignment within the full measure.
    double balance_lines(ParagraphSpec& spec, SetParagraph& set) const {
        if (set.lines.size() < 2) return 0;
        const double full = spec.width_pt;
        double best = 0;
        for (double reduction = full * 0.04; reduction <= full * 0.45; reduction += full * 0.04) {
            spec.width_pt = full - reduction;
            SetParagraph narrower = set_paragraph(spec, fonts(), environment_.hyphenation, scratch_);
            if (narrower.lines.size() != set.lines.size()) break;
            set = std::move(narrower);
            best = reduction;
        }
        spec.width_pt = full;
        switch (spec.alignment) {
            case model::Alignment::center: return best / 2;
            case model::Alignment::right: return best;
            default: return 0;
        }
    }

    // A span of an external link on a line: clickable from where it starts for its nominal
    // width (justification may stretch it a little), never beyond the column.
    void place_link(GalleyLine& line, const AnchorPlacement& anchor, const StyledInlines& styled,
                    const Column& column) const {
        const auto found = std::find_if(styled.links.begin(), styled.links.end(),
                                        [&](const LinkAnchor& link) { return link.anchor == anchor.anchor; });
        if (found == styled.links.end()) return;
        const StyledSpan& span = styled.spans[found->span];
        const double x = column.left_pt + anchor.x_pt;
        const double right = std::min(x + measure_text(span.text, span.face, span.size_pt, fonts()),
                                      environment_.text_width_pt - column.right_pt);
        if (right <= x) return;
        line.links.push_back(LinkArea{x, -0.25 * span.size_pt, right, 0.85 * span.size_pt, found->target, ""});
    }

    // A note reference on a line: the note is set, hung off the line, and linked both ways.
    void place_note_reference(GalleyLine& line, const AnchorPlacement& anchor, const StyledInlines& styled,
                              const Column& column) {
        const auto found = std::find_if(styled.notes.begin(), styled.notes.end(),
                                        [&](const NoteAnchor& note) { return note.anchor == anchor.anchor; });
        if (found == styled.notes.end()) return;
        std::vector<int> nested;
        const int note = set_note(*found->note, column, nested);
        auto& notes = is_body_ ? line.notes : nested_notes_;
        notes.push_back(note);
        notes.insert(notes.end(), nested.begin(), nested.end());
        const double size = column.look.size_pt;
        const double x = column.left_pt + anchor.x_pt;
        const double width =
            measure_text(note_marker(found->note->kind, found->note->number), fonts().face(column.look.family,
                       FontWeight::normal, FontSlant::normal), size * note_marker_scale, fonts());
        line.destinations.push_back(Destination{reference_destination(note), x, size});
        line.links.push_back(LinkArea{x - 1, -0.2 * size, x + width + 1, size, "", note_destination(note)});
    }

    // Sets a note's body; notes referenced inside it are appended to `nested`.
    int set_note(const model::NoteReference& reference, const Column& body_column, std::vector<int>& nested) {
        const int index = static_cast<int>(out_.galley.notes.size());
        out_.galley.notes.emplace_back();
        Column column;
        column.look = body_column.look;
        column.look.slant = FontSlant::normal;
        column.look.weight = FontWeight::normal;
        column.look.small_caps = false;
        column.look.size_pt = style().font.size_pt * style().notes.size;
        column.leading_pt = column.look.size_pt * style().font.leading;

        std::vector<GalleyLine> lines;
        ColumnSetter setter(environment_, images_, scratch_, out_, lines, false, next_anchor_);
        StyledSpan marker;
        marker.text = note_marker(reference.kind, reference.number) + ".\u00A0";
        marker.face = fonts().face(column.look.family, FontWeight::normal, FontSlant::normal);
        marker.size_pt = column.look.size_pt;
        marker.breakable = false;
        setter.prefix_next_paragraph(marker);
        setter.set_blocks(reference.body, column);
        if (lines.empty()) {  // an empty note still shows its number
            model::Blocks empty{model::Block(model::Paragraph{})};
            setter.set_blocks(empty, column);
        }
        if (!lines.empty()) {
            const double size = column.look.size_pt;
            lines.front().destinations.push_back(Destination{note_destination(index), 0, size});
            const double width = measure_text(marker.text, marker.face, size, fonts());
            lines.front().links.push_back(LinkArea{-1, -0.2 * size, width, size, "", reference_destination(index)});
        }
        for (int inner : setter.take_nested_notes()) nested.push_back(inner);
        out_.galley.notes[static_cast<std::size_t>(index)].lines = std::move(lines);
        return index;
    }

    // Space owed before the next line (block spacing); the larger of two adjacent spaces wins.
    void owe_space(double space) { pending_space_ = std::max(pending_space_, space); }

    void settle_space(std::size_t first_line) {
        if (first_line < target_.size()) {
            target_[first_line].space_before_pt = std::max(target_[first_line].space_before_pt, pending_space_);
            pending_space_ = 0;
        }
    }

    StyledInlines style_text(const model::Inlines& inlines, const InlineLook& look) {
        return style_inlines(inlines, look, fonts(), next_anchor_);
    }

    // ---- blocks ---------------------------------------------------------------------------

    void set_heading(const model::Heading& heading, const Column& body_column) {
        const int level = std::clamp(heading.level, 1, 4);
        const HeadingLook& look = style().headings[static_cast<std::size_t>(level - 1)];
        const double body_leading_pt = body_column.leading_pt;
        Column column = body_column;
        column.look.size_pt = style().font.size_pt * look.size;
        column.look.weight = look.weight;
        column.look.slant = look.slant;
        column.look.small_caps = look.small_caps;
        column.leading_pt = std::max(body_leading_pt, column.look.size_pt * style().font.leading);
        current_block_ = next_block_++;

        owe_space(look.space_before_lines * body_leading_pt);
        TextOptions options;
        options.alignment = look.alignment;
        options.hyphenate = false;
        options.balance = true;
        const std::size_t first = append_text(style_text(heading.content, column.look), column, options);
        if (first == target_.size()) return;
        settle_space(first);
        keep_lines_together(target_, first, target_.size());
        target_.back().keep_with_next = true;  // with the first lines of what follows
        GalleyLine& opening = target_[first];
        if (is_body_ && level == 1 && look.new_page && first > 0) opening.page_break_before = true;
        opening.destinations.push_back(Destination{heading.id, 0, column.look.size_pt});
        if (is_body_) {
            if (level == 1) opening.section = section_count_++;
            out_.headings.push_back(HeadingEntry{level, model::visible_text(heading.content), heading.id, first});
        }
        owe_space(look.space_after_lines * body_leading_pt);
    }

    void set_paragraph_block(const model::Paragraph& paragraph, const Column& column) {
        current_block_ = next_block_++;
        const double size = column.look.size_pt;
        TextOptions options;
        const bool indented_style = style().paragraph.space_between_em <= 0;
        if (previous_was_paragraph_ && !paragraph.no_indent && indented_style && !prefix_)
            options.first_indent_pt = style().paragraph.indent_em * size;
        if (previous_was_paragraph_ && !indented_style) owe_space(style().paragraph.space_between_em * size);
        options.alignment = paragraph.alignment;
        if (options.alignment == model::Alignment::justified && !style().paragraph.justify)
            options.alignment = model::Alignment::left;
        const std::size_t first = append_text(style_text(paragraph.content, column.look), column, options);
        settle_space(first);
        keep_paragraph_lines(target_, first, target_.size());
    }

    void set_quote(const model::BlockQuote& quote, const Column& outer) {
        Column column = outer;
        const double em = outer.look.size_pt;
        if (quote.epigraph) {
            const double width = environment_.text_width_pt - outer.left_pt - outer.right_pt;
            column.left_pt += width * 0.35;
            column.look.size_pt = outer.look.size_pt * 0.92;
            column.leading_pt = outer.leading_pt * 0.92;
            column.look.slant = FontSlant::italic;
        } else {
            column.left_pt += 1.5 * em;
            column.right_pt += 1.5 * em;
        }
        owe_space(0.5 * outer.leading_pt);
        previous_was_paragraph_ = false;
        const std::size_t first = target_.size();
        set_blocks(quote.children, column);
        if (target_.size() - first <= short_quote_lines) keep_lines_together(target_, first, target_.size());
        owe_space(0.5 * outer.leading_pt);
        previous_was_paragraph_ = false;
    }

    void set_list(const model::ListBlock& list, const Column& outer) {
        const double em = outer.look.size_pt;
        Column column = outer;
        column.left_pt += 1.8 * em;
        owe_space(0.3 * outer.leading_pt);
        for (std::size_t i = 0; i < list.items.size(); ++i) {
            previous_was_paragraph_ = false;
            const std::size_t first = target_.size();
            set_blocks(list.items[i], column);
            if (first == target_.size()) continue;
            const std::string marker = list.ordered ? std::to_string(list.start + static_cast<int>(i)) + "." : "\u2022";
            GlyphRun run;
            run.face = fonts().face(outer.look.family, FontWeight::normal, FontSlant::normal);
            run.size_pt = em;
            run.x_pt = column.left_pt - 0.5 * em - measure_text(marker, run.face, em, fonts());
            run.text = marker;
            target_[first].runs.insert(target_[first].runs.begin(), run);
        }
        owe_space(0.3 * outer.leading_pt);
        previous_was_paragraph_ = false;
    }

    void set_verse(const model::Verse& verse, const Column& outer) {
        current_block_ = next_block_++;
        Column column = outer;
        column.left_pt += 2 * outer.look.size_pt;
        owe_space(0.5 * outer.leading_pt);
        const std::size_t first = target_.size();
        std::size_t offset = 0;
        for (std::size_t s = 0; s < verse.stanzas.size(); ++s) {
            if (s > 0) {
                owe_space(0.6 * outer.leading_pt);
                offset += 1;  // the blank line between stanzas
            }
            const std::size_t stanza_first = target_.size();
            for (std::size_t l = 0; l < verse.stanzas[s].size(); ++l) {
                if (l > 0) offset += 1;  // the newline ending the previous line
                model::Inlines line = verse.stanzas[s][l];
                Column line_column = column;
                LeadingIndent indent;
                if (auto* text = line.empty() ? nullptr : std::get_if<model::Text>(&line.front().value)) {
                    indent = leading_indent(text->text);
                    text->text.erase(0, indent.bytes);
                    line_column.left_pt += indent.columns * space_width(column.look);
                }
                TextOptions options;
                options.alignment = model::Alignment::left;
                options.hyphenate = false;
                options.base_offset = offset + indent.bytes;
                const std::size_t line_first = append_text(style_text(line, column.look), line_column, options);
                settle_space(line_first);
                offset += model::visible_text(verse.stanzas[s][l]).size();
            }
            keep_paragraph_lines(target_, stanza_first, target_.size());
        }
        if (target_.size() - first <= short_verse_lines) keep_lines_together(target_, first, target_.size());
        owe_space(0.5 * outer.leading_pt);
    }

    void set_preformatted(const model::Preformatted& block, const Column& outer) {
        current_block_ = next_block_++;
        Column column = outer;
        column.look.family = outer.look.monospace_family;
        column.look.size_pt = outer.look.size_pt * 0.85;
        column.leading_pt = column.look.size_pt * 1.3;
        column.left_pt += outer.look.size_pt;
        owe_space(0.5 * outer.leading_pt);
        const std::size_t first = target_.size();
        std::size_t offset = 0;
        while (offset <= block.text.size()) {
            std::size_t end = block.text.find('\n', offset);
            if (end == std::string::npos) end = block.text.size();
            std::string line = block.text.substr(offset, end - offset);
            const LeadingIndent indent = leading_indent(line);
            line.erase(0, indent.bytes);
            Column line_column = column;
            line_column.left_pt += indent.columns * space_width(column.look);
            StyledInlines styled;
            if (!line.empty()) {
                StyledSpan span;
                span.text = line;
                span.face = fonts().face(column.look.family, FontWeight::normal, FontSlant::normal);
                span.size_pt = column.look.size_pt;
                span.language = "zxx";
                styled.spans.push_back(span);
            }
            TextOptions options;
            options.alignment = model::Alignment::left;
            options.hyphenate = false;
            options.base_offset = offset + indent.bytes;
            const std::size_t before = target_.size();
            append_text(std::move(styled), line_column, options);
            if (before == target_.size()) {  // an empty line keeps its place
                GalleyLine blank;
                blank.advance_pt = column.leading_pt;
                blank.block = current_block_;
                if (is_body_) blank.position = TextPosition{current_leaf_, offset};
                target_.push_back(blank);
            }
            settle_space(before);
            offset = end + 1;
        }
        if (target_.size() - first <= short_preformatted_lines) keep_lines_together(target_, first, target_.size());
        else keep_paragraph_lines(target_, first, target_.size());
        owe_space(0.5 * outer.leading_pt);
    }

    void set_scene_break(const Column& column) {
        current_block_ = next_block_++;
        GalleyLine line;
        line.advance_pt = column.leading_pt;
        line.block = current_block_;
        if (is_body_) line.position = TextPosition{current_leaf_, 0};
        GlyphRun run;
        run.face = fonts().face(column.look.family, FontWeight::normal, FontSlant::normal);
        run.size_pt = column.look.size_pt;
        run.text = "*\u2003*\u2003*";
        const double width = environment_.text_width_pt - column.left_pt - column.right_pt;
        run.x_pt = column.left_pt + (width - measure_text(run.text, run.face, run.size_pt, fonts())) / 2;
        line.runs.push_back(run);
        owe_space(0.6 * column.leading_pt);
        target_.push_back(line);
        settle_space(target_.size() - 1);
        owe_space(0.6 * column.leading_pt);
    }

    void set_table(const model::Table& table, const Column& outer) {
        current_block_ = next_block_++;
        std::size_t columns = 0;
        for (const auto* rows : {&table.header_rows, &table.body_rows})
            for (const auto& row : *rows) columns = std::max(columns, row.size());
        owe_space(0.6 * outer.leading_pt);
        const std::size_t first = target_.size();
        const double em = outer.look.size_pt;
        const double gap = em;
        const double width = environment_.text_width_pt - outer.left_pt - outer.right_pt;
        const double cell_width = columns > 0 ? (width - gap * static_cast<double>(columns - 1)) / static_cast<double>(columns) : width;
        std::size_t offset = 0;
        bool first_row = true;
        bool rule_pending = false;  // the previous row was a header row with a rule under it
        for (const auto* rows : {&table.header_rows, &table.body_rows}) {
            const bool header = rows == &table.header_rows;
            for (const auto& row : *rows) {
                if (!first_row) offset += 1;  // newline between rows
                first_row = false;
                std::vector<std::vector<GalleyLine>> cells;
                std::size_t row_offset = offset;
                for (std::size_t c = 0; c < row.size(); ++c) {
                    if (c > 0) offset += 1;  // tab between cells
                    Column cell = outer;
                    cell.left_pt = outer.left_pt + static_cast<double>(c) * (cell_width + gap);
                    cell.right_pt = environment_.text_width_pt - cell.left_pt - cell_width;
                    if (header) cell.look.weight = FontWeight::bold;
                    std::vector<GalleyLine> lines;
                    ColumnSetter cell_setter(environment_, images_, scratch_, out_, lines, false, next_anchor_);
                    TextOptions options;
                    options.alignment = c < table.column_alignment.size() ? table.column_alignment[c] : model::Alignment::left;
                    if (options.alignment == model::Alignment::justified) options.alignment = model::Alignment::left;
                    options.hyphenate = false;
                    cell_setter.append_text(style_text(row[c], cell.look), cell, options);
                    for (int nested : cell_setter.take_nested_notes()) row_notes_.push_back(nested);
                    cells.push_back(std::move(lines));
                    offset += model::visible_text(row[c]).size();
                }
                std::size_t height = 1;
                for (const auto& cell : cells) height = std::max(height, cell.size());
                const std::size_t row_first = target_.size();
                for (std::size_t k = 0; k < height; ++k) {
                    GalleyLine line;
                    line.advance_pt = outer.leading_pt;
                    line.block = current_block_;
                    if (is_body_ && k == 0) line.position = TextPosition{current_leaf_, row_offset};
                    for (auto& cell : cells)
                        if (k < cell.size()) {
                            for (auto& run : cell[k].runs) line.runs.push_back(std::move(run));
                            for (auto& destination : cell[k].destinations) line.destinations.push_back(destination);
                            for (auto& link : cell[k].links) line.links.push_back(link);
                        }
                    target_.push_back(std::move(line));
                }
                if (!row_notes_.empty()) {
                    auto& notes = is_body_ ? target_[row_first].notes : nested_notes_;
                    notes.insert(notes.end(), row_notes_.begin(), row_notes_.end());
                    row_notes_.clear();
                }
                keep_lines_together(target_, row_first, target_.size());
                if (rule_pending) target_[row_first].space_before_pt = 0.4 * outer.leading_pt;
                rule_pending = header && &row == &table.header_rows.back();
                if (rule_pending)  // under the header, midway to the first body row (see space above)
                    target_.back().rules.push_back(Rule{outer.left_pt, -0.48 * outer.leading_pt,
                                                        outer.left_pt + width, -0.48 * outer.leading_pt, 0.4});
            }
        }
        settle_space(first);
        if (!table.caption.empty()) {
            if (!first_row) offset += 1;
            Column caption = outer;
            caption.look.slant = FontSlant::italic;
            TextOptions options;
            options.alignment = model::Alignment::center;
            options.base_offset = offset;
            owe_space(0.3 * outer.leading_pt);
            settle_space(append_text(style_text(table.caption, caption.look), caption, options));
        }
        if (target_.size() - first <= short_table_lines) keep_lines_together(target_, first, target_.size());
        owe_space(0.6 * outer.leading_pt);
    }

    // A figure is its image as one unbreakable galley line, centred, then its caption, kept
    // together so both move to the next page when they do not fit. The image is printed at its
    // natural size (its resolution, or default_image_dpi) unless that is wider than the column
    // or taller than the text block less the caption; it is never enlarged. When the image
    // cannot be printed, the caption stands alone and the warning names the file.
    void set_figure(const model::Figure& figure, const Column& outer, model::SourcePosition where) {
        current_block_ = next_block_++;
        const LoadedImage& loaded = images_.load(figure.source);
        std::string problem = loaded.problem;
        if (problem.empty()) problem = print_problem(loaded.image->info);
        if (!problem.empty())
            environment_.report.warn("", where.line, "figure '" + figure.source + "': " + problem +
                                                         "; the PDF shows its caption instead");
        const bool drawn = problem.empty();
        if (!drawn && figure.caption.empty()) return;

        owe_space(0.6 * outer.leading_pt);
        const std::size_t first = target_.size();
        if (drawn) {
            GalleyLine line;
            line.block = current_block_;
            if (is_body_) line.position = TextPosition{current_leaf_, 0};
            target_.push_back(std::move(line));
        }
        const std::size_t caption_first = target_.size();
        if (!figure.caption.empty()) {
            Column caption = outer;
            caption.look.slant = FontSlant::italic;
            TextOptions options;
            options.alignment = model::Alignment::center;
            append_text(style_text(figure.caption, caption.look), caption, options);
            if (drawn && caption_first < target_.size()) target_[caption_first].space_before_pt = 0.3 * outer.leading_pt;
        }
        settle_space(first);
        if (drawn) {
            const double caption_height =
                caption_first < target_.size()
                    ? target_[caption_first].space_before_pt + column_height(target_, caption_first, target_.size())
                    : 0;
            size_image(target_[first], loaded.image, figure, outer, caption_height);
        }
        keep_lines_together(target_, first, target_.size());
        owe_space(0.6 * outer.leading_pt);
    }

    void size_image(GalleyLine& line, const std::shared_ptr<const ImageData>& image, const model::Figure& figure,
                    const Column& outer, double caption_height) const {
        const double column_width = environment_.text_width_pt - outer.left_pt - outer.right_pt;
        // In a note the picture shares the page foot with the text above it.
        const double text_height = text_block(style().page, 1).height();
        const double room = (is_body_ ? text_height : 0.25 * text_height) - caption_height;
        const double width = natural_width_pt(image->info);
        const double height = natural_height_pt(image->info);
        double scale = std::min({1.0, column_width / width, std::max(room, outer.leading_pt) / height});
        ImageBox box;
        box.image = image;
        box.width_pt = width * scale;
        box.height_pt = height * scale;
        box.x_pt = outer.left_pt + (column_width - box.width_pt) / 2;
        // place_page puts the baseline at baseline_depth of the advance: the picture's foot
        // sits at the bottom of its line.
        box.y_pt = -baseline_depth * box.height_pt;
        box.alt = !figure.alt.empty() ? figure.alt : model::visible_text(figure.caption);
        line.advance_pt = box.height_pt;
        line.images.push_back(std::move(box));
    }

    const TypesetEnvironment& environment_;
    ImageLibrary& images_;
    ParagraphScratch& scratch_;
    DocumentGalley& out_;
    std::vector<GalleyLine>& target_;
    bool is_body_;
    int& next_anchor_;
    std::size_t next_leaf_ = 0;
    std::size_t current_leaf_ = 0;
    int current_source_line_ = 0;  // input line of the block being set, 0 if unknown
    int next_block_ = 0;
    int current_block_ = -1;
    int section_count_ = 0;
    double pending_space_ = 0;
    bool previous_was_paragraph_ = false;
    std::optional<StyledSpan> prefix_;
    std::vector<int> nested_notes_;
    std::vector<int> row_notes_;
};

}  // namespace

double body_leading(const Style& style) { return style.font.size_pt * style.font.leading; }

DocumentGalley build_galley(const model::Document& document, const TypesetEnvironment& environment) {
    DocumentGalley out;
    int next_anchor = 0;
    // Figure sources are resolved as the EPUB resolves them (see images.hpp).
    ImageLibrary images;
    ParagraphScratch scratch;
    ColumnSetter body(environment, images, scratch, out, out.galley.lines, true, next_anchor);
    Column column;
    column.look.family = environment.style.font.family;
    column.look.monospace_family = environment.style.font.monospace_family;
    column.look.size_pt = environment.style.font.size_pt;
    column.leading_pt = body_leading(environment.style);
    body.set_blocks(document.blocks, column);
    return out;
}

}  // namespace pamphlet::layout
