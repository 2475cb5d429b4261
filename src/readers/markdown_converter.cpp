#include "readers/markdown_converter.hpp"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <charconv>
#include <functional>

#include "model/text.hpp"
#include "readers/markdown_cmark.hpp"
#include "readers/markdown_fenced_divs.hpp"
#include "readers/markdown_image_path.hpp"
#include "readers/markdown_inline_notes.hpp"
#include "readers/markdown_text_helpers.hpp"

namespace pamphlet::readers {
namespace {

constexpr int deepest_heading = 4;

std::string literal_of(cmark_node* node) {
    const char* literal = cmark_node_get_literal(node);
    return literal ? std::string(literal) : std::string{};
}

std::string without_final_newline(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

// A paragraph holding one image and nothing else is a figure (pandoc's implicit figures).
cmark_node* lone_image(cmark_node* paragraph) {
    cmark_node* child = cmark_node_first_child(paragraph);
    if (child && !cmark_node_next(child) && cmark_node_get_type(child) == CMARK_NODE_IMAGE) return child;
    return nullptr;
}

model::Alignment column_alignment(std::uint8_t code) {
    switch (code) {
        case 'c': return model::Alignment::center;
        case 'r': return model::Alignment::right;
        default: return model::Alignment::left;  // 'l' and unspecified
    }
}

// Reports "[^label]" runs left in text: references whose definition is missing.
void warn_dangling_references(const model::Inlines& inlines, const std::function<void(std::string)>& warn) {
    for (const model::Inline& node : inlines) {
        const auto* text = std::get_if<model::Text>(&node.value);
        if (!text) continue;
        std::size_t at = 0;
        while ((at = text->text.find("[^", at)) != std::string::npos) {
            const std::size_t end = text->text.find(']', at);
            const std::string_view label =
                end == std::string::npos ? std::string_view{} : std::string_view(text->text).substr(at + 2, end - at - 2);
            if (!label.empty() && label.find_first_of(" \t\n[") == std::string_view::npos)
                warn("footnote reference [^" + std::string(label) + "] has no definition; kept as text");
            at += 2;
        }
    }
}

}  // namespace

MarkdownConverter::MarkdownConverter(cmark_node* root, std::vector<std::string_view> lines, std::string file_name,
                                     model::Report& report, std::set<int> fence_lines)
    : root_(root), lines_(std::move(lines)), file_(std::move(file_name)), report_(report),
      fence_lines_(std::move(fence_lines)) {
    // cmark-gfm moves the referenced definitions to the end of the document, in the order of
    // their first reference, and numbers references the same way; unreferenced ones are dropped.
    for (cmark_node* child = cmark_node_first_child(root_); child; child = cmark_node_next(child))
        if (cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_DEFINITION) definitions_.push_back(child);
}

model::Blocks MarkdownConverter::convert() {
    model::Blocks out;
    append_blocks(root_, Context{}, out);
    return out;
}

std::set<std::string> MarkdownConverter::referenced_labels() const {
    std::set<std::string> labels;
    for (std::size_t i = 0; i < definitions_.size(); ++i) labels.insert(label_of_definition(i));
    return labels;
}

model::SourcePosition MarkdownConverter::position_of(cmark_node* node) const {
    return {cmark_node_get_start_line(node), cmark_node_get_start_column(node)};
}

void MarkdownConverter::warn(cmark_node* node, std::string message) {
    report_.warn(file_, node ? cmark_node_get_start_line(node) : 0, std::move(message));
}

// The label as the author wrote it, read back from the definition's first line "[^label]:".
std::string MarkdownConverter::label_of_definition(std::size_t index) const {
    // cmark's start column points at the definition's content, so look from the line's start.
    const int line = cmark_node_get_start_line(definitions_[index]);
    if (line >= 1 && static_cast<std::size_t>(line) <= lines_.size()) {
        const std::string_view text = lines_[static_cast<std::size_t>(line - 1)];
        const std::size_t open = text.find("[^");
        const std::size_t close = open == std::string_view::npos ? open : text.find("]:", open);
        if (close != std::string_view::npos) return std::string(text.substr(open + 2, close - open - 2));
    }
    return std::to_string(index + 1);
}

void MarkdownConverter::append_blocks(cmark_node* parent, const Context& context, model::Blocks& out) {
    for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child)) {
        append_block(child, context, out);
        // Pandoc's table captions: a paragraph "Table: ..." (or ": ...") right after a table.
        cmark_node* next = cmark_node_next(child);
        if (node_type_name(child) == "table" && next && cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH &&
            !out.empty() && std::holds_alternative<model::Table>(out.back().value)) {
            model::Inlines caption = take_caption(next, context);
            if (!caption.empty()) {
                std::get<model::Table>(out.back().value).caption = std::move(caption);
                child = next;
            }
        }
    }
}

// The paragraph's inlines without a leading "Table:" or ":" when it has one; empty otherwise.
model::Inlines MarkdownConverter::take_caption(cmark_node* paragraph, const Context& context) {
    cmark_node* first = cmark_node_first_child(paragraph);
    if (!first || cmark_node_get_type(first) != CMARK_NODE_TEXT) return {};
    const std::string text = literal_of(first);
    std::size_t prefix = 0;
    if (text.rfind("Table:", 0) == 0) prefix = 6;
    else if (text.rfind(":", 0) == 0) prefix = 1;
    else return {};
    model::Inlines caption = finish_inlines(block_inlines(paragraph, paragraph, context), paragraph, context);
    auto& leading = std::get<model::Text>(caption.front().value).text;
    leading.erase(0, prefix);
    leading.erase(0, leading.find_first_not_of(' '));
    if (leading.empty()) caption.erase(caption.begin());
    return caption;
}

void MarkdownConverter::append_block(cmark_node* node, const Context& context, model::Blocks& out) {
    const model::SourcePosition where = position_of(node);
    Context inner = context;
    inner.nested = true;
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH: append_paragraph(node, context, out); return;
        case CMARK_NODE_HEADING: append_heading(node, context, out); return;
        case CMARK_NODE_BLOCK_QUOTE: {
            model::BlockQuote quote;
            append_blocks(node, inner, quote.children);
            if (!quote.children.empty()) out.emplace_back(std::move(quote), where);
            return;
        }
        case CMARK_NODE_LIST: {
            model::ListBlock list;
            list.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
            list.start = list.ordered ? cmark_node_get_list_start(node) : 1;
            for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
                list.items.emplace_back();
                append_blocks(item, inner, list.items.back());
            }
            if (!list.items.empty()) out.emplace_back(std::move(list), where);
            return;
        }
        case CMARK_NODE_CODE_BLOCK:
            out.emplace_back(model::Preformatted{without_final_newline(literal_of(node))}, where);
            return;
        case CMARK_NODE_HTML_BLOCK: {
            const std::string html = without_final_newline(literal_of(node));
            if (html == div_fence_mask && fence_lines_.count(where.line)) return;
            warn(node, "raw HTML is not interpreted; it is kept as text");
            out.emplace_back(model::Preformatted{html}, where);
            return;
        }
        case CMARK_NODE_THEMATIC_BREAK: out.emplace_back(model::SceneBreak{}, where); return;
        case CMARK_NODE_FOOTNOTE_DEFINITION: return;  // placed at its references
        default: break;
    }
    if (node_type_name(node) == "table") {
        append_table(node, context, out);
        return;
    }
    // Nothing else is enabled in the parser; keep whatever text such a block holds.
    warn(node, "unsupported Markdown block '" + std::string(node_type_name(node)) + "' kept as text");
    model::Inlines content = block_inlines(node, node, context);
    if (!content.empty()) out.emplace_back(model::Paragraph{std::move(content)}, where);
}

void MarkdownConverter::append_paragraph(cmark_node* node, const Context& context, model::Blocks& out) {
    const model::SourcePosition where = position_of(node);
    if (cmark_node* image = lone_image(node)) {
        model::Figure figure;
        figure.source = cmark_node_get_url(image) ? cmark_node_get_url(image) : "";
        const std::string problem = image_path_problem(figure.source);
        if (!problem.empty())
            throw model::InputError(file_, where.line, where.column,
                                    "image '" + figure.source + "': " + problem +
                                        " (images must be files beside the document)");
        figure.caption = finish_inlines(block_inlines(node, image, context), node, context);
        figure.alt = model::visible_text(figure.caption);
        if (figure.alt.empty())
            warn(node, "image '" + figure.source + "' has no alternative text (needed for accessibility)");
        out.emplace_back(std::move(figure), where);
        return;
    }
    model::Inlines content = finish_inlines(block_inlines(node, node, context), node, context);
    if (!content.empty()) out.emplace_back(model::Paragraph{std::move(content)}, where);
}

void MarkdownConverter::append_heading(cmark_node* node, const Context& context, model::Blocks& out) {
    const model::SourcePosition where = position_of(node);
    model::Inlines content = finish_inlines(block_inlines(node, node, context), node, context);
    if (content.empty()) {
        warn(node, "empty heading left out");
        return;
    }
    if (context.nested) {
        warn(node, "a heading inside a quote, list or note is set as a paragraph");
        out.emplace_back(model::Paragraph{std::move(content)}, where);
        return;
    }
    int level = cmark_node_get_heading_level(node);
    if (level > deepest_heading) {
        warn(node, "heading level " + std::to_string(level) + " is set as level " + std::to_string(deepest_heading));
        level = deepest_heading;
    }
    out.emplace_back(model::Heading{level, std::move(content), ""}, where);
}

void MarkdownConverter::append_table(cmark_node* node, const Context& context, model::Blocks& out) {
    model::Table table;
    const std::size_t columns = cmark_gfm_extensions_get_table_columns(node);
    const std::uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
    for (std::size_t i = 0; i < columns; ++i)
        table.column_alignment.push_back(column_alignment(alignments ? alignments[i] : 0));
    for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
        std::vector<model::Inlines> cells;
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
            cells.push_back(finish_inlines(block_inlines(cell, cell, context), cell, context));
        // GFM pads short rows with empty cells and ignores extra ones; the model wants exact rows.
        cells.resize(columns);
        if (cmark_gfm_extensions_get_table_row_is_header(row)) table.header_rows.push_back(std::move(cells));
        else table.body_rows.push_back(std::move(cells));
    }
    if (columns > 0) out.emplace_back(std::move(table), position_of(node));
}

// cmark-gfm's line numbers for inlines are unreliable after a soft break, so the converter
// counts lines itself from the block's first line.
model::Inlines MarkdownConverter::block_inlines(cmark_node* block, cmark_node* parent, const Context& context) {
    inline_line_ = cmark_node_get_start_line(block);
    return inlines(parent, context);
}

void MarkdownConverter::warn_inline(std::string message) { report_.warn(file_, inline_line_, std::move(message)); }

model::Inlines MarkdownConverter::inlines(cmark_node* parent, const Context& context) {
    model::Inlines out;
    for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child))
        append_inline(child, context, out);
    return out;
}

// What every run of inlines goes through once built: inline notes, missing-reference warnings.
model::Inlines MarkdownConverter::finish_inlines(model::Inlines content, cmark_node* owner, const Context& context) {
    // A note may not hold another primary note, so "^[" inside a footnote stays text.
    if (!context.in_note) extract_inline_notes(content, position_of(owner));
    warn_dangling_references(content, [&](std::string message) { warn(owner, std::move(message)); });
    return content;
}

void MarkdownConverter::append_inline(cmark_node* node, const Context& context, model::Inlines& out) {
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT: append_text(out, literal_of(node)); return;
        case CMARK_NODE_SOFTBREAK:
            append_text(out, " ");
            ++inline_line_;
            return;
        case CMARK_NODE_LINEBREAK:
            out.push_back(model::LineBreak{});
            ++inline_line_;
            return;
        case CMARK_NODE_CODE: out.push_back(model::Code{literal_of(node)}); return;
        case CMARK_NODE_HTML_INLINE:
            warn_inline("raw HTML '" + literal_of(node) + "' is not interpreted; it is kept as text");
            append_text(out, literal_of(node));
            return;
        case CMARK_NODE_EMPH: out.push_back(model::Emphasis{inlines(node, context)}); return;
        case CMARK_NODE_STRONG: out.push_back(model::Strong{inlines(node, context)}); return;
        case CMARK_NODE_LINK: {
            const char* url = cmark_node_get_url(node);
            model::Inlines children = inlines(node, context);
            if (!url || !*url) {
                warn_inline("link without a target is set as plain text");
                append_inlines(out, std::move(children));
            } else {
                out.push_back(model::Link{url, std::move(children)});
            }
            return;
        }
        case CMARK_NODE_IMAGE: {
            // The model has no inline images: only an image alone in its paragraph is a figure.
            const std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
            warn_inline("image '" + url + "' inside running text is not supported; its description is kept as text");
            append_inlines(out, inlines(node, context));
            return;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE: append_note(node, context, out); return;
        default: break;
    }
    warn_inline("unsupported Markdown inline '" + std::string(node_type_name(node)) + "' kept as text");
    append_inlines(out, inlines(node, context));
}

void MarkdownConverter::append_note(cmark_node* node, const Context& context, model::Inlines& out) {
    const std::string number = literal_of(node);
    std::size_t index = 0;
    const auto parsed = std::from_chars(number.data(), number.data() + number.size(), index);
    if (parsed.ec != std::errc{} || index == 0 || index > definitions_.size()) {
        warn_inline("footnote reference without a definition kept as text");
        append_text(out, "[^" + number + "]");
        return;
    }
    --index;
    const std::string label = label_of_definition(index);
    if (context.in_note) {
        warn_inline("footnote [^" + label + "] is referenced from inside another note, which is not supported; kept as text");
        append_text(out, "[^" + label + "]");
        return;
    }
    auto found = note_bodies_.find(index);
    if (found == note_bodies_.end()) {
        Context inside;
        inside.in_note = true;
        inside.nested = true;
        model::Blocks body;
        const int reference_line = inline_line_;  // the body's blocks move the line counter
        append_blocks(definitions_[index], inside, body);
        inline_line_ = reference_line;
        found = note_bodies_.emplace(index, std::move(body)).first;
    } else {
        warn_inline("footnote [^" + label + "] is referenced more than once; its text is repeated at each reference");
    }
    if (found->second.empty()) {
        warn_inline("footnote [^" + label + "] is empty and left out");
        return;
    }
    model::NoteReference note;
    note.body = found->second;
    note.source_label = label;
    note.position = {inline_line_, 0};
    out.push_back(std::move(note));
}

}  // namespace pamphlet::readers
