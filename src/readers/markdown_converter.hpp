// Turns a cmark-gfm tree into model blocks: the Markdown reader's second half, after parsing.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <cmark-gfm.h>

#include "model/diagnostics.hpp"
#include "model/document.hpp"

namespace pamphlet::readers {

class MarkdownConverter {
public:
    // `lines` is the parsed text split at "\n" (for footnote labels as written); `fence_lines`
    // are the lines whose masked fenced-div markers must be skipped, not shown as raw HTML.
    MarkdownConverter(cmark_node* root, std::vector<std::string_view> lines, std::string file_name,
                      model::Report& report, std::set<int> fence_lines);

    // The document's blocks in order, each with its source line, footnotes held at their references.
    model::Blocks convert();

    // Labels ("1", "note") of the footnote definitions cmark kept, i.e. those referenced.
    std::set<std::string> referenced_labels() const;

private:
    struct Context {
        bool in_note = false;
        bool nested = false;  // in a quote, list or note, where headings may not stand
    };

    void append_blocks(cmark_node* parent, const Context& context, model::Blocks& out);
    void append_block(cmark_node* node, const Context& context, model::Blocks& out);
    void append_paragraph(cmark_node* node, const Context& context, model::Blocks& out);
    void append_heading(cmark_node* node, const Context& context, model::Blocks& out);
    void append_table(cmark_node* node, const Context& context, model::Blocks& out);
    model::Inlines take_caption(cmark_node* paragraph, const Context& context);
    model::Inlines block_inlines(cmark_node* block, cmark_node* parent, const Context& context);
    model::Inlines inlines(cmark_node* parent, const Context& context);
    void warn_inline(std::string message);
    void append_inline(cmark_node* node, const Context& context, model::Inlines& out);
    void append_note(cmark_node* node, const Context& context, model::Inlines& out);
    model::Inlines finish_inlines(model::Inlines inlines, cmark_node* owner, const Context& context);

    model::SourcePosition position_of(cmark_node* node) const;
    void warn(cmark_node* node, std::string message);
    std::string label_of_definition(std::size_t index) const;

    cmark_node* root_;
    std::vector<std::string_view> lines_;
    std::string file_;
    model::Report& report_;
    std::set<int> fence_lines_;
    std::vector<cmark_node*> definitions_;           // in cmark's reference order: index k-1 for "k"
    std::map<std::size_t, model::Blocks> note_bodies_;  // converted once, copied on repeated use
    int inline_line_ = 0;  // the input line of the inline being converted
};

}  // namespace pamphlet::readers
