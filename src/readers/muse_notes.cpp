// Attaching Muse footnote bodies to their references (see attach_muse_notes in muse_blocks.hpp).
#include <type_traits>

#include "readers/markdown_text_helpers.hpp"
#include "readers/muse_blocks.hpp"

namespace pamphlet::readers {
namespace {

class NoteAttacher {
public:
    NoteAttacher(MuseNoteDefinitions& notes, const std::string& file_name, model::Report& report)
        : notes_(notes), file_(file_name), report_(report) {}

    struct Where {
        bool in_primary = false;
        bool in_secondary = false;
        int line = 0;
    };

    void blocks(model::Blocks& list, const Where& where) {
        for_each_inline_run(list, [&](model::Inlines& run, const model::Block& holder) {
            Where here = where;
            if (holder.position.line > 0) here.line = holder.position.line;
            inlines(run, here);
        });
    }

    void report_unused() {
        for (const auto* definitions : {&notes_.primary, &notes_.secondary})
            for (const auto& [label, definition] : *definitions)
                if (definition.uses == 0) {
                    const std::string marker = definitions == &notes_.primary ? "[" + label + "]" : "{" + label + "}";
                    report_.warn(file_, definition.line, "footnote " + marker + " is never referenced and is left out");
                }
    }

private:
    void inlines(model::Inlines& list, const Where& where) {
        model::Inlines out;
        for (model::Inline& node : list) {
            if (auto* note = std::get_if<model::NoteReference>(&node.value)) {
                if (!attach(*note, where)) {
                    // The reader took the space before the mark away; give it back with the text.
                    if (!out.empty()) append_text(out, " ");
                    append_text(out, note->kind == model::NoteKind::secondary ? "{" + note->source_label + "}"
                                                                              : "[" + note->source_label + "]");
                    continue;
                }
            } else {
                std::visit(
                    [&](auto& value) {
                        using T = std::decay_t<decltype(value)>;
                        if constexpr (std::is_same_v<T, model::Emphasis> || std::is_same_v<T, model::Strong> ||
                                      std::is_same_v<T, model::SmallCaps> || std::is_same_v<T, model::Link> ||
                                      std::is_same_v<T, model::LanguageSpan>) {
                            inlines(value.children, where);
                        } else {
                        }
                    },
                    node.value);
            }
            out.push_back(std::move(node));
        }
        list = std::move(out);
    }

    // Fills the reference's body; false when it must stay text.
    bool attach(model::NoteReference& note, const Where& where) {
        const bool secondary = note.kind == model::NoteKind::secondary;
        const std::string marker = secondary ? "{" + note.source_label + "}" : "[" + note.source_label + "]";
        // The model allows secondary notes in the text and in primary notes, primary notes only
        // in the text. Text::Amuse reads a "[2]" inside a footnote as text too.
        if ((!secondary && (where.in_primary || where.in_secondary)) || (secondary && where.in_secondary)) {
            report_.warn(file_, where.line, "note reference " + marker + " inside a note of that kind is kept as text");
            return false;
        }
        auto& definitions = secondary ? notes_.secondary : notes_.primary;
        const auto found = definitions.find(note.source_label);
        if (found == definitions.end()) return false;
        MuseNoteDefinition& definition = found->second;
        if (definition.uses++ > 0)
            report_.warn(file_, where.line, "footnote " + marker + " is referenced more than once; its text is repeated");
        note.body = definition.body;
        note.position = {where.line, 0};
        Where inside = where;
        inside.in_primary = where.in_primary || !secondary;
        inside.in_secondary = where.in_secondary || secondary;
        inside.line = definition.line;
        blocks(note.body, inside);
        return true;
    }

    MuseNoteDefinitions& notes_;
    const std::string& file_;
    model::Report& report_;
};

}  // namespace

void attach_muse_notes(model::Blocks& blocks, MuseNoteDefinitions& notes, const std::string& file_name,
                       model::Report& report) {
    NoteAttacher attacher(notes, file_name, report);
    attacher.blocks(blocks, {});
    attacher.report_unused();
}

}  // namespace pamphlet::readers
