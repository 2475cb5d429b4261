// The document model: what every reader builds and every backend writes out.
//
// Plain value types only. No I/O, no formatting, no knowledge of PDF or EPUB. The shape follows
// pandoc's AST: a small closed set of block and inline kinds held in std::variant, and a note is
// an *inline* that holds its body blocks where it is referenced; each backend decides where the
// body ends up (page foot in print, an aside after the section in the EPUB).
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace pamphlet::model {

// Where something came from in the input, for error messages and repair reports (1-based; 0 =
// unknown, e.g. for content a reader synthesised).
struct SourcePosition {
    int line = 0;
    int column = 0;
};

struct Inline;
using Inlines = std::vector<Inline>;
struct Block;
using Blocks = std::vector<Block>;

// ---- inlines --------------------------------------------------------------------------------

struct Text {
    std::string text;  // UTF-8
};
struct Emphasis {
    Inlines children;
};
struct Strong {
    Inlines children;
};
struct SmallCaps {
    Inlines children;
};
struct Code {
    std::string text;
};
struct Link {
    std::string target;  // URL as written by the author; backends decide what is safe to emit
    Inlines children;
};
// A forced line break inside a paragraph (Markdown hard break, Muse <br>).
struct LineBreak {};

// Primary notes are the ordinary footnotes. Secondary notes are Muse's `{1}` notes: notes on
// notes, with a numbering of their own.
enum class NoteKind { primary, secondary };

// A note reference holding the note's body (pandoc's Note). `number` is 0 as readers build the
// model; layout::number_notes() fills it in so that both backends print the same numbers.
struct NoteReference {
    NoteKind kind = NoteKind::primary;
    Blocks body;
    int number = 0;
    std::string source_label;  // the marker as written in the input ("1", "^note"), for reports
    SourcePosition position;
};

// Text in another language than the document's (Muse `<[de]>…</[de]>`).
struct LanguageSpan {
    std::string language;  // BCP 47 tag
    Inlines children;
};

struct Inline {
    using Value = std::variant<Text, Emphasis, Strong, SmallCaps, Code, Link, LineBreak,
                               NoteReference, LanguageSpan>;
    Value value;

    Inline() = default;
    template <typename T>
    Inline(T alternative) : value(std::move(alternative)) {}  // NOLINT: implicit by design
};

// ---- blocks ---------------------------------------------------------------------------------

enum class Alignment { justified, left, center, right };

struct Heading {
    int level = 1;  // 1 = section (chapter), 2 = subsection, ... up to 4
    Inlines content;
    std::string id;  // stable anchor, filled by layout::assign_ids() when a reader leaves it empty
};
struct Paragraph {
    Inlines content;
    Alignment alignment = Alignment::justified;
    // True for a paragraph that must not get a first-line indent even after another paragraph
    // (e.g. a note body continuation or a centred line); the style decides the rest.
    bool no_indent = false;
};
struct BlockQuote {
    Blocks children;
    bool epigraph = false;  // a motto at a chapter opening: set narrower, right-leaning, no quote marks
};
struct ListBlock {
    bool ordered = false;
    int start = 1;  // first number of an ordered list
    std::vector<Blocks> items;
};
// Poetry: line breaks are meaningful, stanzas are separated.
struct Verse {
    std::vector<std::vector<Inlines>> stanzas;  // stanza -> line -> inlines
};
// Preformatted text (code, Muse <example>): set verbatim in a monospaced face.
struct Preformatted {
    std::string text;
};
// A break between scenes or sections without a heading (`* * *`, Markdown thematic break).
struct SceneBreak {};

// A table: kept whole on a page in print. Cells hold inlines only (no nested blocks).
struct Table {
    std::vector<Alignment> column_alignment;         // one per column
    std::vector<std::vector<Inlines>> header_rows;   // row -> cell
    std::vector<std::vector<Inlines>> body_rows;
    Inlines caption;
};

// An image standing as a block. `source` is a path relative to the input document, resolved
// and checked by the reader (never a URL); `alt` is the text alternative, required for the
// accessibility claim (a reader warns when it is missing).
struct Figure {
    std::string source;
    std::string alt;
    Inlines caption;
};

struct Block {
    using Value =
        std::variant<Heading, Paragraph, BlockQuote, ListBlock, Verse, Preformatted, SceneBreak,
                     Table, Figure>;
    Value value;
    SourcePosition position;

    Block() = default;
    template <typename T>
    Block(T alternative, SourcePosition where = {})  // NOLINT: implicit by design
        : value(std::move(alternative)), position(where) {}
};

// ---- the document ---------------------------------------------------------------------------

struct Contributor {
    std::string name;
    std::string role = "aut";  // MARC relator code: aut, trl (translator), edt, ill...
};

// A place in an input file: the document itself or its sidecar.
struct SourcePlace {
    std::string file;
    int line = 0;
};

struct Metadata {
    std::string title;
    std::string subtitle;
    std::vector<Contributor> contributors;
    std::string language = "en";  // BCP 47
    std::string date;             // YYYY, YYYY-MM or YYYY-MM-DD
    std::string source;           // where the text comes from (original publication, URL)
    std::string description;
    std::string rights;
    std::string identifier;  // empty: the EPUB backend derives a stable UUID from the content
    // How the document asks to be presented, as written in it (front matter, Muse directive,
    // sidecar): a style name or .toml path, and a cover image path, both relative to the input
    // file. The command line resolves and checks them; its own --style/--cover win.
    std::string style;
    std::string cover_image;
    // Where each was written (file and line; line 0 when unknown), so an error can point there.
    SourcePlace style_named_at;
    SourcePlace cover_named_at;
};

struct Document {
    Metadata metadata;
    Blocks blocks;
};

}  // namespace pamphlet::model
