#include "layout/inline_styling.hpp"

#include <optional>
#include <type_traits>

#include "layout/footnotes.hpp"
#include "layout/shaping.hpp"

namespace pamphlet::layout {
namespace {

class InlineStyler {
public:
    InlineStyler(FontLibrary& fonts, int& next_anchor) : fonts_(fonts), next_anchor_(next_anchor) {}

    void style(const model::Inlines& inlines, const InlineLook& look) {
        for (const model::Inline& node : inlines) style(node, look);
    }

    StyledInlines take() { return std::move(out_); }

private:
    void style(const model::Inline& node, const InlineLook& look) {
        std::visit(
            [&](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, model::Text>) {
                    add_text(value.text, look);
                } else if constexpr (std::is_same_v<T, model::Emphasis>) {
                    InlineLook inner = look;
                    inner.slant = look.slant == FontSlant::italic ? FontSlant::normal : FontSlant::italic;
                    style(value.children, inner);
                } else if constexpr (std::is_same_v<T, model::Strong>) {
                    InlineLook inner = look;
                    inner.weight = FontWeight::bold;
                    style(value.children, inner);
                } else if constexpr (std::is_same_v<T, model::SmallCaps>) {
                    InlineLook inner = look;
                    inner.small_caps = true;
                    style(value.children, inner);
                } else if constexpr (std::is_same_v<T, model::Code>) {
                    InlineLook inner = look;
                    inner.family = look.monospace_family;
                    inner.weight = FontWeight::normal;
                    inner.slant = FontSlant::normal;
                    inner.size_pt = look.size_pt * 0.88;  // monospace faces look large beside a book face
                    inner.language = "zxx";                // no linguistic content: no hyphenation
                    add_text(value.text, inner);
                } else if constexpr (std::is_same_v<T, model::Link>) {
                    const std::string* previous_target = link_target_;
                    if (is_safe_link(value.target)) link_target_ = &value.target;
                    style(value.children, look);
                    link_target_ = previous_target;
                } else if constexpr (std::is_same_v<T, model::LineBreak>) {
                    add_text("\n", look);
                } else if constexpr (std::is_same_v<T, model::NoteReference>) {
                    add_marker(value, look);
                } else if constexpr (std::is_same_v<T, model::LanguageSpan>) {
                    InlineLook inner = look;
                    inner.language = value.language;
                    style(value.children, inner);
                } else {
                    // An inline kind added to the model later: its visible text is unknown here,
                    // so it is left out rather than guessed.
                }
            },
            node.value);
    }

    FaceId face(const InlineLook& look) { return fonts_.face(look.family, look.weight, look.slant); }

    void add_text(const std::string& text, const InlineLook& look) {
        if (text.empty()) return;
        StyledSpan span;
        span.text = text;
        span.face = face(look);
        span.size_pt = look.size_pt;
        span.small_caps = look.small_caps;
        span.language = look.language;
        span.source_offset = offset_;
        offset_ += text.size();
        if (link_target_ != nullptr) {
            span.anchor = next_anchor_++;
            out_.links.push_back({span.anchor, *link_target_, out_.spans.size()});
        }
        out_.spans.push_back(std::move(span));
    }

    // The marker is generated text: it takes no bytes of visible_text. It hugs the word before
    // it: spaces a reader left between the word and the reference move after the marker.
    void add_marker(const model::NoteReference& note, const InlineLook& look) {
        std::string moved_spaces;
        std::optional<StyledSpan> spaces;  // in the look of the text they came from
        if (!out_.spans.empty() && out_.spans.back().breakable) {
            spaces = out_.spans.back();
            std::string& previous = out_.spans.back().text;
            while (!previous.empty() && previous.back() == ' ') {
                previous.pop_back();
                moved_spaces += ' ';
            }
            if (previous.empty()) {
                out_.spans.pop_back();
                std::erase_if(out_.links, [&](const LinkAnchor& link) { return link.span == out_.spans.size(); });
            }
        }
        InlineLook marker_look = look;
        marker_look.slant = FontSlant::normal;
        marker_look.weight = FontWeight::normal;
        marker_look.small_caps = false;
        StyledSpan span;
        span.text = note_marker(note.kind, note.number);
        span.face = face(marker_look);
        span.size_pt = look.size_pt * note_marker_scale;
        span.baseline_shift_pt = look.size_pt * note_marker_rise;
        span.breakable = false;
        span.source_offset = offset_ - moved_spaces.size();
        span.anchor = next_anchor_++;
        out_.notes.push_back({span.anchor, &note});
        out_.spans.push_back(std::move(span));
        if (!moved_spaces.empty()) {
            spaces->text = moved_spaces;
            spaces->anchor = -1;
            spaces->source_offset = offset_ - moved_spaces.size();
            out_.spans.push_back(std::move(*spaces));
        }
    }

    FontLibrary& fonts_;
    int& next_anchor_;
    std::size_t offset_ = 0;
    const std::string* link_target_ = nullptr;  // inside a link: where it goes
    StyledInlines out_;
};

}  // namespace

bool is_safe_link(std::string_view target) {
    return target.starts_with("https://") || target.starts_with("http://") || target.starts_with("mailto:");
}

double measure_text(std::string_view text, FaceId face, double size_pt, const FontLibrary& fonts) {
    double width = 0;
    for (const DecodedCharacter& character : decode_utf8(text)) width += fonts.advance_em(face, character.code);
    return width * size_pt;
}

StyledInlines style_inlines(const model::Inlines& inlines, const InlineLook& look, FontLibrary& fonts,
                            int& next_anchor) {
    InlineStyler styler(fonts, next_anchor);
    styler.style(inlines, look);
    return styler.take();
}

}  // namespace pamphlet::layout
