#include "layout/line_breaking_items.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "layout/hyphenation.hpp"
#include "layout/shaping.hpp"
#include "model/text.hpp"

namespace pamphlet::layout {
namespace {

using knuth_plass::infinite_penalty;
using knuth_plass::Item;
using knuth_plass::ItemKind;

// TeX's defaults, which LaTeX keeps: a hyphen costs 50, an explicit dash break as much.
constexpr double hyphen_penalty = 50;
constexpr double dash_penalty = 50;
// Interword glue relative to the font's space: stretch by half, shrink by a third (as TeX's
// text fonts do).
constexpr double space_stretch = 0.5;
constexpr double space_shrink = 1.0 / 3.0;

// Both are asked of every glyph; printable ASCII (most of them) is neither, and answered first.
inline bool is_invisible(char32_t c) {
    if (c > U'\r' && c < 0xAD) return false;
    return c == U'\n' || c == U'\r' || c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
           c == 0xFEFF;
}

inline bool is_space(char32_t c) {
    if (c > U' ' && c < 0xA0) return false;
    return is_breaking_space(c) || c == 0x00A0;
}

}  // namespace

bool is_generated(const ParagraphSpec& paragraph, std::size_t span_index) {
    const StyledSpan& span = paragraph.spans[span_index];
    if (span.generated) return true;
    return span_index + 1 < paragraph.spans.size() &&
           paragraph.spans[span_index + 1].source_offset < span.source_offset + span.text.size();
}

void measure_glyphs(const ParagraphSpec& paragraph, FontLibrary& fonts, ParagraphGlyphs& out) {
    out.glyphs.clear();
    out.span_first_glyph.clear();
    out.warnings.clear();
    std::set<char32_t> reported;
    std::size_t bytes = 0;  // at least as many as glyphs, bar the rare small-caps ß
    for (const StyledSpan& span : paragraph.spans) bytes += span.text.size();
    out.glyphs.reserve(bytes);
    out.span_first_glyph.reserve(paragraph.spans.size());
    for (std::size_t span_index = 0; span_index < paragraph.spans.size(); ++span_index) {
        const StyledSpan& span = paragraph.spans[span_index];
        out.span_first_glyph.push_back(out.glyphs.size());
        bool generated = is_generated(paragraph, span_index);
        const std::string_view text = span.text;
        // Decoded in place, as decode_utf8 would (a malformed byte: U+FFFD of length 1).
        for (std::size_t at = 0; at < text.size();) {
            char32_t code = static_cast<unsigned char>(text[at]);
            std::size_t length = code < 0x80 ? 1 : model::decode_utf8(text, at, code);
            if (length == 0) {
                code = 0xFFFD;
                length = 1;
            }
            const std::size_t offset = at;
            at += length;
            MeasuredGlyph glyph;
            glyph.source = code;
            glyph.shown = code;
            glyph.size_pt = span.size_pt;
            glyph.shift_pt = span.baseline_shift_pt;
            glyph.source_begin = span.source_offset + (generated ? 0 : offset);
            glyph.source_end = glyph.source_begin + (generated ? 0 : length);
            glyph.span = span_index;
            glyph.breakable = span.breakable;
            glyph.face = span.face;
            int copies = 1;
            if (span.small_caps) {
                char32_t upper = to_upper(code);
                if (code == 0xDF) {  // ß has no one-letter capital in running text
                    upper = U'S';
                    copies = 2;
                }
                if (upper != code) {
                    glyph.shown = upper;
                    glyph.size_pt *= small_caps_scale;
                }
            }
            if (is_invisible(code) || is_space(code)) glyph.shown = 0;
            if (glyph.shown != 0) {
                const ShownGlyph shown = fonts.shown_glyph(span.face, glyph.shown, paragraph.fallback_families);
                glyph.face = shown.face;
                if (!shown.present && reported.insert(glyph.shown).second) {
                    char hex[16];
                    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(glyph.shown));
                    out.warnings.push_back(std::string("no glyph for ") + hex + " in " + fonts.family_name(span.face) +
                                           " or its fallbacks");
                }
                glyph.advance_pt = shown.advance_em * glyph.size_pt;
                glyph.ink_em = shown.ink_em;
            }
            for (int copy = 0; copy < copies; ++copy) {
                out.glyphs.push_back(glyph);
                glyph.continuation = true;
                glyph.source_begin = glyph.source_end;
            }
        }
    }
    // Kerning between neighbours drawn in the same face, size and position.
    for (std::size_t i = 0; i + 1 < out.glyphs.size(); ++i) {
        MeasuredGlyph& left = out.glyphs[i];
        const MeasuredGlyph& right = out.glyphs[i + 1];
        if (left.shown == 0 || right.shown == 0 || left.face != right.face || left.size_pt != right.size_pt ||
            left.shift_pt != right.shift_pt) {
            continue;
        }
        left.kern_after_pt = fonts.kerning_em(left.face, left.shown, right.shown) * left.size_pt;
    }
}

namespace {

struct BreakOpportunity {
    std::size_t before = 0;  // the break goes before this glyph
    BreakKind kind = BreakKind::none;
};

// Buffers word_breaks fills for every word of a paragraph, kept between words so the common
// case allocates nothing.
struct WordBreakScratch {
    std::vector<BreakOpportunity> breaks;
    std::string letters;
    std::vector<std::size_t> glyph_at_byte;
};

// Where a word (glyphs [begin, end), no spaces) may break: after dashes and slashes, at soft
// hyphens and zero-width spaces, and at the hyphenation points of its letter runs. The answer is
// scratch.breaks, in order.
void word_breaks(const ParagraphSpec& paragraph, const std::vector<MeasuredGlyph>& glyphs, std::size_t begin,
                 std::size_t end, Hyphenation& hyphenation, bool look_up_hyphens, WordBreakScratch& scratch) {
    std::vector<BreakOpportunity>& out = scratch.breaks;
    out.clear();
    bool author_hyphens = false;
    for (std::size_t k = begin + 1; k < end; ++k) {
        const MeasuredGlyph& before = glyphs[k - 1];
        if (!before.breakable || !glyphs[k].breakable) continue;
        if (before.source == 0x00AD) {
            out.push_back({k, BreakKind::hyphen});
            author_hyphens = true;
        } else if (before.source == 0x200B) {
            out.push_back({k, BreakKind::none});
        } else if (is_breaking_dash(before.source) && k >= begin + 2 && is_word_letter(glyphs[k].source) &&
                   (before.source != U'/' || is_word_letter(glyphs[k - 2].source))) {
            out.push_back({k, BreakKind::dash});
        }
    }
    if (look_up_hyphens && paragraph.hyphenate && !author_hyphens) {
        std::size_t k = begin;
        while (k < end) {
            if (!is_word_letter(glyphs[k].source) || !glyphs[k].breakable) {
                ++k;
                continue;
            }
            std::size_t run_end = k;
            std::size_t letter_count = 0;
            bool has_lower_case = false;
            while (run_end < end && is_word_letter(glyphs[run_end].source) && glyphs[run_end].breakable) {
                letter_count += !glyphs[run_end].continuation;
                has_lower_case = has_lower_case || to_upper(glyphs[run_end].source) != glyphs[run_end].source;
                ++run_end;
            }
            // Words in capitals (acronyms, headings set in capitals) are left whole, and words too
            // short to keep enough letters on both sides of a hyphen need no look-up.
            if (!has_lower_case || letter_count < static_cast<std::size_t>(Hyphenation::minimum_left + Hyphenation::minimum_right)) {
                k = run_end;
                continue;
            }
            std::string& letters = scratch.letters;
            std::vector<std::size_t>& glyph_at_byte = scratch.glyph_at_byte;
            // Sized for the longest encoding once, filled by index, cut to length after.
            letters.resize(4 * (run_end - k));
            glyph_at_byte.resize(letters.size());
            std::size_t used = 0;
            for (std::size_t g = k; g < run_end; ++g) {
                if (glyphs[g].continuation) continue;
                const std::size_t length = encode_utf8(glyphs[g].source, letters.data() + used);
                for (std::size_t byte = 0; byte < length; ++byte) glyph_at_byte[used + byte] = g;
                used += length;
            }
            letters.resize(used);
            const std::string& language = paragraph.spans[glyphs[k].span].language.empty()
                                              ? paragraph.language
                                              : paragraph.spans[glyphs[k].span].language;
            for (std::size_t offset : hyphenation.points(letters, language)) {
                out.push_back({glyph_at_byte[offset], BreakKind::hyphen});
            }
            k = run_end;
        }
    }
    if (out.size() < 2) return;
    std::sort(out.begin(), out.end(), [](const BreakOpportunity& a, const BreakOpportunity& b) { return a.before < b.before; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const BreakOpportunity& a, const BreakOpportunity& b) { return a.before == b.before; }),
              out.end());
}

}  // namespace

void build_items(const ParagraphSpec& paragraph, const std::vector<MeasuredGlyph>& glyphs, FontLibrary& fonts,
                 Hyphenation& hyphenation, ParagraphItems& out, bool look_up_hyphens) {
    using model::Alignment;
    out.items.clear();
    out.origins.clear();
    bool justified = paragraph.alignment == Alignment::justified;
    bool hang_at_left = justified || paragraph.alignment == Alignment::left;
    bool hang_at_right = justified || paragraph.alignment == Alignment::right;
    auto left_hang = [&](std::size_t glyph) {
        if (!hang_at_left || glyph >= glyphs.size() || glyphs[glyph].shown == 0) return 0.0;
        return left_protrusion(glyphs[glyph].shown) * glyphs[glyph].advance_pt;
    };
    auto right_hang = [&](std::size_t glyph) {
        if (!hang_at_right || glyph >= glyphs.size() || glyphs[glyph].shown == 0) return 0.0;
        return right_protrusion(glyphs[glyph].shown) * glyphs[glyph].advance_pt;
    };
    auto push = [&](Item item, ItemOrigin origin) {
        out.items.push_back(item);
        out.origins.push_back(origin);
    };
    auto push_forced_break = [&](std::size_t glyph) {
        // As TeX's \parfillskip: no break at the filling glue itself (that would end the
        // paragraph with an empty line).
        push(Item{ItemKind::penalty, 0, 0, 0, false, infinite_penalty}, {glyph, glyph});
        Item fill{ItemKind::glue};
        fill.infinite_stretch = true;
        push(fill, {glyph, glyph});
        Item force{ItemKind::penalty};
        force.penalty = -infinite_penalty;
        force.hang_right = glyph > 0 ? right_hang(glyph - 1) : 0;
        force.hang_left = left_hang(glyph + 1);
        push(force, {glyph, glyph + 1});
    };

    std::size_t n = glyphs.size();
    // A word and its space make two items, a break point one more: about one item per 2.5 glyphs.
    out.items.reserve(n / 2 + 8);
    out.origins.reserve(n / 2 + 8);
    WordBreakScratch scratch;
    std::size_t i = 0;
    while (i < n && is_space(glyphs[i].source)) ++i;  // leading spaces are not set
    out.first_hang_left = left_hang(i);
    while (i < n) {
        const MeasuredGlyph& glyph = glyphs[i];
        if (glyph.source == U'\n') {
            push_forced_break(i);
            ++i;
            continue;
        }
        if (is_space(glyph.source)) {
            std::size_t j = i;
            bool keep_together = false;
            while (j < n && is_space(glyphs[j].source)) {
                keep_together = keep_together || glyphs[j].source == 0x00A0 || !glyphs[j].breakable;
                ++j;
            }
            // Several spaces in a row set as one; a space's width is its own glyph's if the face
            // has one (thin and en spaces), else the face's word space.
            // A spaced dash stays at the end of its line rather than opening the next one.
            bool dash_follows = j < n && (glyphs[j].source == 0x2013 || glyphs[j].source == 0x2014) &&
                                (j + 1 >= n || is_space(glyphs[j + 1].source) || glyphs[j + 1].source == U'\n');
            keep_together = keep_together || dash_follows;
            FaceId face = glyph.face;
            char32_t measured = fonts.has_glyph(face, glyph.source) ? glyph.source : U' ';
            if (glyph.source == 0x00A0) measured = U' ';
            double width = fonts.advance_em(face, measured) * glyph.size_pt;
            if (j >= n || glyphs[j].source == U'\n') {  // trailing space before a line end: dropped
                i = j;
                continue;
            }
            if (keep_together) push(Item{ItemKind::penalty, 0, 0, 0, false, infinite_penalty}, {i, i});
            Item space{ItemKind::glue};
            space.width = width;
            if (justified) {
                space.stretch = width * space_stretch;
                space.shrink = width * space_shrink;
            }
            space.hang_right = i > 0 ? right_hang(i - 1) : 0;
            space.hang_left = left_hang(j);
            push(space, {i, j});
            i = j;
            continue;
        }
        // A word: glyphs up to the next space or line end.
        std::size_t end = i;
        while (end < n && !is_space(glyphs[end].source) && glyphs[end].source != U'\n') ++end;
        word_breaks(paragraph, glyphs, i, end, hyphenation, look_up_hyphens, scratch);
        const std::vector<BreakOpportunity>& breaks = scratch.breaks;
        std::size_t fragment = i;
        auto push_box = [&](std::size_t from, std::size_t to) {
            Item box{ItemKind::box};
            for (std::size_t g = from; g < to; ++g) box.width += glyphs[g].advance_pt + glyphs[g].kern_after_pt;
            if (justified) box.stretch = box.shrink = box.width * expansion_limit;
            push(box, {from, to});
        };
        for (const BreakOpportunity& opportunity : breaks) {
            std::size_t k = opportunity.before;
            push_box(fragment, k);
            const MeasuredGlyph& last = glyphs[k - 1];
            Item penalty{ItemKind::penalty};
            penalty.flagged = opportunity.kind != BreakKind::none;
            penalty.penalty = opportunity.kind == BreakKind::hyphen ? hyphen_penalty
                              : opportunity.kind == BreakKind::dash ? dash_penalty
                                                                    : 0;
            penalty.width = -last.kern_after_pt;  // a break undoes the kerning across it
            ItemOrigin origin{k, k, opportunity.kind, 0};
            if (opportunity.kind == BreakKind::hyphen) {
                // The hyphen goes in the face of the letter before it (the soft hyphen itself, if
                // the author wrote one, has no face of its own worth trusting).
                const MeasuredGlyph& letter = last.shown != 0 ? last : glyphs[k >= i + 2 ? k - 2 : i];
                FaceId face = fonts.face_for(letter.face, U'-', paragraph.fallback_families);
                origin.hyphen_advance_pt = fonts.advance_em(face, U'-') * letter.size_pt;
                double kern = letter.shown != 0 && face == letter.face
                                  ? fonts.kerning_em(face, letter.shown, U'-') * letter.size_pt
                                  : 0;
                penalty.width += origin.hyphen_advance_pt + kern;
                penalty.hang_right = hang_at_right ? right_protrusion(U'-') * origin.hyphen_advance_pt : 0;
            } else {
                penalty.hang_right = right_hang(k - 1);
            }
            penalty.hang_left = left_hang(k);
            push(penalty, origin);
            fragment = k;
        }
        push_box(fragment, end);
        i = end;
    }
    // The paragraph ends with a forced break (unless a line break already ended it: a line
    // break with nothing after it adds no empty line).
    bool ends_forced = !out.items.empty() && out.items.back().kind == ItemKind::penalty &&
                       out.items.back().penalty <= -infinite_penalty;
    if (!ends_forced) push_forced_break(n);
    auto forced_at = [&](std::size_t from_end) {
        const Item& item = out.items[out.items.size() - from_end];
        return item.kind == ItemKind::penalty && item.penalty <= -infinite_penalty;
    };
    while (out.items.size() >= 6 && forced_at(1) && forced_at(4)) {  // trailing empty lines
        out.items.resize(out.items.size() - 3);
        out.origins.resize(out.origins.size() - 3);
    }
    out.origins.back().glyph_end = n;
}

}  // namespace pamphlet::layout
