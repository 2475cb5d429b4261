#include "readers/muse_inlines.hpp"

#include <array>
#include <cctype>

#include "readers/markdown_text_helpers.hpp"

namespace pamphlet::readers {
namespace {

constexpr std::string_view no_break_space = "\xC2\xA0";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }
bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

// Delimiters (*, =) open after the start, a space or punctuation, before a non-space; they close
// after a non-space, before the end, a space or punctuation. So "2*3*4" and "a=b" stay text.
bool can_open(std::string_view text, std::size_t at, std::size_t run) {
    const bool after_ok = at == 0 || !is_word(text[at - 1]);
    return after_ok && at + run < text.size() && !is_space(text[at + run]);
}
bool can_close(std::string_view text, std::size_t at, std::size_t run) {
    const bool before_ok = at > 0 && !is_space(text[at - 1]);
    return before_ok && (at + run >= text.size() || !is_word(text[at + run]));
}

std::size_t run_length(std::string_view text, std::size_t at, char c) {
    std::size_t end = at;
    while (end < text.size() && text[end] == c) ++end;
    return end - at;
}

// The start of a closing run of exactly `run` copies of `c` after `from`, or npos.
std::size_t find_closing_run(std::string_view text, std::size_t from, char c, std::size_t run) {
    for (std::size_t at = from; at < text.size(); ++at) {
        if (text[at] != c) continue;
        const std::size_t length = run_length(text, at, c);
        if (length == run && can_close(text, at, run)) return at;
        at += length - 1;
    }
    return std::string_view::npos;
}

struct InlineTag {
    std::string_view name;
    enum Kind { emphasis, strong, small_caps, code, verbatim, plain } kind;
};
// <sup>, <sub>, <del>, <u> have no model counterpart: their text is kept, the styling is not.
constexpr std::array<InlineTag, 11> inline_tags{{{"em", InlineTag::emphasis},
                                                 {"i", InlineTag::emphasis},
                                                 {"strong", InlineTag::strong},
                                                 {"b", InlineTag::strong},
                                                 {"sc", InlineTag::small_caps},
                                                 {"code", InlineTag::code},
                                                 {"verbatim", InlineTag::verbatim},
                                                 {"sup", InlineTag::plain},
                                                 {"sub", InlineTag::plain},
                                                 {"del", InlineTag::plain},
                                                 {"u", InlineTag::plain}}};

const InlineTag* find_tag(std::string_view name) {
    for (const InlineTag& tag : inline_tags)
        if (tag.name == name) return &tag;
    return nullptr;
}

// The position of the closing tag matching the one opened before `from`, counting nested tags
// of the same name; npos when there is none.
std::size_t find_closing_tag(std::string_view text, std::size_t from, std::string_view open, std::string_view close) {
    int depth = 1;
    for (std::size_t at = from; at < text.size(); ++at) {
        if (text.compare(at, open.size(), open) == 0) ++depth;
        else if (text.compare(at, close.size(), close) == 0 && --depth == 0) return at;
    }
    return std::string_view::npos;
}

bool all_digits(std::string_view text) {
    if (text.empty() || text.size() > 6) return false;
    for (char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

class Parser {
public:
    Parser(const MuseNoteLabels& labels, const std::function<void(const std::string&)>& warn)
        : labels_(labels), warn_(warn) {}

    model::Inlines parse(std::string_view text) {
        model::Inlines out;
        std::size_t at = 0;
        while (at < text.size()) {
            const char c = text[at];
            std::size_t consumed = 0;
            if (c == '*') consumed = stars(text, at, out);
            else if (c == '=') consumed = equals(text, at, out);
            else if (c == '<') consumed = tag(text, at, out);
            else if (c == '[') consumed = bracket(text, at, out);
            else if (c == '{') consumed = secondary_note(text, at, out);
            else if (c == '~' && text.compare(at, 2, "~~") == 0) {
                append_text(out, no_break_space);
                consumed = 2;
            }
            if (consumed == 0) {
                append_text(out, text.substr(at, 1));
                consumed = 1;
            }
            at += consumed;
        }
        return out;
    }

private:
    // *x*, **x**, ***x***: returns the characters consumed, 0 when the stars are plain text.
    std::size_t stars(std::string_view text, std::size_t at, model::Inlines& out) {
        const std::size_t run = run_length(text, at, '*');
        const std::size_t close =
            run > 3 || !can_open(text, at, run) ? std::string_view::npos : find_closing_run(text, at + run, '*', run);
        if (close == std::string_view::npos) {
            append_text(out, text.substr(at, run));
            return run;
        }
        model::Inlines inner = parse(text.substr(at + run, close - at - run));
        if (run == 1) out.push_back(model::Emphasis{std::move(inner)});
        else if (run == 2) out.push_back(model::Strong{std::move(inner)});
        else out.push_back(model::Strong{{model::Emphasis{std::move(inner)}}});
        return close + run - at;
    }

    std::size_t equals(std::string_view text, std::size_t at, model::Inlines& out) {
        if (run_length(text, at, '=') != 1 || !can_open(text, at, 1)) return 0;
        const std::size_t close = find_closing_run(text, at + 1, '=', 1);
        if (close == std::string_view::npos) return 0;
        out.push_back(model::Code{std::string(text.substr(at + 1, close - at - 1))});
        return close + 1 - at;
    }

    std::size_t tag(std::string_view text, std::size_t at, model::Inlines& out) {
        const std::size_t end = text.find('>', at);
        if (end == std::string_view::npos) return 0;
        const std::string_view whole = text.substr(at, end - at + 1);
        std::string_view name = whole.substr(1, whole.size() - 2);
        if (name == "br" || name == "br/" || name == "br /") {
            out.push_back(model::LineBreak{});
            return whole.size();
        }
        if (name.size() > 2 && name.front() == '[' && name.back() == ']') return language(text, at, whole, out);
        const InlineTag* known = find_tag(name);
        if (!known) {
            // Only something shaped like a tag deserves a warning; "a < b" is just text.
            if (!name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '/'))
                warn_("unknown Muse tag '" + std::string(whole) + "' kept as text");
            return 0;
        }
        const std::string close_tag = "</" + std::string(name) + ">";
        const std::size_t close = find_closing_tag(text, end + 1, whole, close_tag);
        if (close == std::string_view::npos) {
            warn_("'" + std::string(whole) + "' is never closed; kept as text");
            return 0;
        }
        const std::string_view inner_text = text.substr(end + 1, close - end - 1);
        const std::size_t consumed = close + close_tag.size() - at;
        switch (known->kind) {
            case InlineTag::emphasis: out.push_back(model::Emphasis{parse(inner_text)}); break;
            case InlineTag::strong: out.push_back(model::Strong{parse(inner_text)}); break;
            case InlineTag::small_caps: out.push_back(model::SmallCaps{parse(inner_text)}); break;
            case InlineTag::code: out.push_back(model::Code{std::string(inner_text)}); break;
            case InlineTag::verbatim: append_text(out, inner_text); break;
            case InlineTag::plain:
                warn_("'" + std::string(whole) + "' has no equivalent here; its text is kept without the styling");
                append_inlines(out, parse(inner_text));
                break;
        }
        return consumed;
    }

    std::size_t language(std::string_view text, std::size_t at, std::string_view open, model::Inlines& out) {
        const std::string_view code = open.substr(2, open.size() - 4);
        const std::string close_tag = "</[" + std::string(code) + "]>";
        const std::size_t close = find_closing_tag(text, at + open.size(), open, close_tag);
        if (close == std::string_view::npos) {
            warn_("language switch '" + std::string(open) + "' is never closed; kept as text");
            return 0;
        }
        model::LanguageSpan span;
        span.language = std::string(code);
        span.children = parse(text.substr(at + open.size(), close - at - open.size()));
        out.push_back(std::move(span));
        return close + close_tag.size() - at;
    }

    // [[target][text]], [[target]], or a primary note reference [N].
    std::size_t bracket(std::string_view text, std::size_t at, model::Inlines& out) {
        if (text.compare(at, 2, "[[") == 0) {
            const std::size_t end = text.find("]]", at + 2);
            if (end == std::string_view::npos) return 0;
            const std::string_view inside = text.substr(at + 2, end - at - 2);
            const std::size_t split = inside.find("][");
            const std::string target(inside.substr(0, split));
            model::Link link;
            link.target = target;
            link.children = split == std::string_view::npos ? model::Inlines{model::Text{target}}
                                                            : parse(inside.substr(split + 2));
            if (target.empty()) {
                append_inlines(out, std::move(link.children));
            } else {
                out.push_back(std::move(link));
            }
            return end + 2 - at;
        }
        return note(text, at, ']', labels_.primary, model::NoteKind::primary, out);
    }

    std::size_t secondary_note(std::string_view text, std::size_t at, model::Inlines& out) {
        return note(text, at, '}', labels_.secondary, model::NoteKind::secondary, out);
    }

    // Muse writes "word [1]"; the mark belongs to the word (as Text::Amuse's print output sets
    // it). A kept space would stand between the mark and a following comma in print, and
    // would differ from Markdown's "word[^1]" in both outputs.
    static void drop_trailing_spaces(model::Inlines& out) {
        if (out.empty()) return;
        auto* previous = std::get_if<model::Text>(&out.back().value);
        if (previous == nullptr) return;
        while (!previous->text.empty() && (previous->text.back() == ' ' || previous->text.back() == '\t'))
            previous->text.pop_back();
        if (previous->text.empty()) out.pop_back();
    }

    std::size_t note(std::string_view text, std::size_t at, char closing, const std::set<std::string>& defined,
                     model::NoteKind kind, model::Inlines& out) {
        const std::size_t end = text.find(closing, at + 1);
        if (end == std::string_view::npos) return 0;
        const std::string label(text.substr(at + 1, end - at - 1));
        if (!all_digits(label) || !defined.count(label)) return 0;
        model::NoteReference reference;
        reference.kind = kind;
        reference.source_label = label;
        drop_trailing_spaces(out);
        out.push_back(std::move(reference));
        return end + 1 - at;
    }

    const MuseNoteLabels& labels_;
    const std::function<void(const std::string&)>& warn_;
};

}  // namespace

model::Inlines parse_muse_inlines(std::string_view text, const MuseNoteLabels& labels,
                                  const std::function<void(const std::string&)>& warn) {
    return Parser(labels, warn).parse(text);
}

}  // namespace pamphlet::readers
