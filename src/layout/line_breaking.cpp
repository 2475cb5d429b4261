// set_paragraph: measure the glyphs, build Knuth-Plass items, find the breaks, then set each line
// into glyph runs (kerning and justification expressed by where runs start).
#include "layout/line_breaking.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <map>

#include "layout/hyphenation.hpp"
#include "layout/knuth_plass.hpp"
#include "layout/line_breaking_items.hpp"
#include "layout/shaping.hpp"
#include "model/text.hpp"

namespace pamphlet::layout {
namespace {

using knuth_plass::ItemKind;

// Ragged lines may fall short of the measure by about this many ems before they count as bad.
constexpr double ragged_stretch_em = 3;
// TeX's \emergencystretch, which LaTeX users commonly set to a few ems for narrow columns.
constexpr double emergency_stretch_em = 2;
// TeX's \pretolerance: the badness every line of a paragraph set without hyphenation must keep
// within (100: spaces stretched to at most their full stretch) for that setting to stand.
constexpr double pretolerance = 100;

// Collects glyphs into runs: a new run starts where the next glyph is not exactly where the
// current run's nominal advances would put it, or looks different. The runs grow in a buffer
// kept for the whole paragraph, and each line gets an exact-size copy (kerning starts a new run
// every few glyphs, so a growing vector per line reallocated several times).
class RunBuilder {
public:
    RunBuilder(double scale, std::vector<GlyphRun>& buffer) : scale_(scale), runs_(buffer) { runs_.clear(); }

    void add(char32_t shown, FaceId face, double size_pt, double shift_pt, double advance_pt, double x) {
        bool continues = !runs_.empty() && runs_.back().face == face && runs_.back().size_pt == size_pt &&
                         runs_.back().y_pt == shift_pt && std::fabs(next_x_ - x) < 1e-6;
        if (!continues) {
            flush();
            GlyphRun run;
            run.face = face;
            run.size_pt = size_pt;
            run.x_pt = x;
            run.y_pt = shift_pt;
            run.horizontal_scale = scale_;
            runs_.push_back(std::move(run));
        }
        if (pending_size_ + 4 > sizeof pending_) flush();
        pending_size_ += encode_utf8(shown, pending_ + pending_size_);
        next_x_ = x + advance_pt * scale_;
    }

    std::vector<GlyphRun> take() {
        flush();
        return std::vector<GlyphRun>(std::make_move_iterator(runs_.begin()), std::make_move_iterator(runs_.end()));
    }

private:
    // The current run's text gathers here first: one string append per run instead of a call
    // per byte.
    void flush() {
        if (pending_size_ == 0) return;
        runs_.back().text.append(pending_, pending_size_);
        pending_size_ = 0;
    }

    double scale_;
    double next_x_ = 0;
    std::vector<GlyphRun>& runs_;
    char pending_[64];
    std::size_t pending_size_ = 0;
};

}  // namespace

struct ParagraphScratch::Buffers {
    ParagraphGlyphs measured;
    ParagraphItems built;
    knuth_plass::Workspace breaking;
    std::vector<std::size_t> line_first_glyph;
    std::vector<double> glyph_x;
    std::vector<GlyphRun> runs;  // RunBuilder's
};

ParagraphScratch::ParagraphScratch() : buffers_(std::make_unique<Buffers>()) {}
ParagraphScratch::~ParagraphScratch() = default;

SetParagraph set_paragraph(const ParagraphSpec& paragraph, FontLibrary& fonts, Hyphenation& hyphenation) {
    ParagraphScratch scratch;
    return set_paragraph(paragraph, fonts, hyphenation, scratch);
}

SetParagraph set_paragraph(const ParagraphSpec& paragraph, FontLibrary& fonts, Hyphenation& hyphenation,
                           ParagraphScratch& scratch) {
    using model::Alignment;
    ParagraphScratch::Buffers& buffers = *scratch.buffers_;
    SetParagraph out;
    ParagraphGlyphs& measured = buffers.measured;
    measure_glyphs(paragraph, fonts, measured);
    out.warnings = std::move(measured.warnings);
    const std::vector<MeasuredGlyph>& glyphs = measured.glyphs;
    if (glyphs.empty()) return out;

    ParagraphItems& built = buffers.built;
    // The items first without hyphenation points, for TeX's first pass below.
    build_items(paragraph, glyphs, fonts, hyphenation, built, /*look_up_hyphens=*/false);
    bool has_content = std::any_of(built.items.begin(), built.items.end(),
                                   [](const knuth_plass::Item& item) { return item.kind == ItemKind::box; });
    if (!has_content) return out;  // only spaces and line breaks: nothing to set
    double size = paragraph.spans.front().size_pt;
    bool justified = paragraph.alignment == Alignment::justified;
    knuth_plass::Parameters parameters;
    parameters.line_width = paragraph.width_pt;
    parameters.first_line_width = paragraph.width_pt - paragraph.first_line_indent_pt;
    parameters.first_hang_left = built.first_hang_left;
    parameters.emergency_stretch = emergency_stretch_em * size;
    parameters.ragged_stretch = justified ? 0 : ragged_stretch_em * size;
    knuth_plass::Result breaks;
    // TeX's first pass: the paragraph without hyphenation, each line within the pretolerance. Most
    // paragraphs of a book measure set so, with no hyphen, and need no hyphenation look-up at all;
    // the others are built again with their hyphenation points and broken as before. (A paragraph
    // that is not to be hyphenated has its items already and goes straight to the normal passes.)
    if (paragraph.hyphenate) {
        knuth_plass::Parameters first = parameters;
        first.tolerance = pretolerance;
        first.last_pass = 1;
        breaks = knuth_plass::break_lines(built.items, first, buffers.breaking);
        if (breaks.pass == 0) build_items(paragraph, glyphs, fonts, hyphenation, built);
    }
    if (breaks.pass == 0) breaks = knuth_plass::break_lines(built.items, parameters, buffers.breaking);
    out.pass = breaks.pass;
    out.peak_active_nodes = breaks.peak_active_nodes;

    const auto& items = built.items;
    const auto& origins = built.origins;
    std::size_t paragraph_begin = std::numeric_limits<std::size_t>::max();
    std::size_t paragraph_end = 0;
    for (std::size_t index = 0; index < paragraph.spans.size(); ++index) {
        const StyledSpan& span = paragraph.spans[index];
        paragraph_begin = std::min(paragraph_begin, span.source_offset);
        paragraph_end = std::max(paragraph_end, span.source_offset + (is_generated(paragraph, index) ? 0 : span.text.size()));
    }
    // The glyphs each line covers: from the first glyph it sets (line 0: the paragraph's first)
    // to the next line's first, so spaces at a break belong to the line they end.
    std::vector<std::size_t>& line_first_glyph = buffers.line_first_glyph;
    line_first_glyph.clear();
    for (std::size_t index = 0; index < breaks.lines.size(); ++index) {
        line_first_glyph.push_back(index == 0 ? 0 : origins[breaks.lines[index].start].glyph);
    }
    line_first_glyph.push_back(glyphs.size());

    std::vector<double>& glyph_x = buffers.glyph_x;
    glyph_x.assign(glyphs.size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<GlyphRun>& run_buffer = buffers.runs;
    out.lines.reserve(breaks.lines.size());
    for (std::size_t index = 0; index < breaks.lines.size(); ++index) {
        const knuth_plass::Line& line = breaks.lines[index];
        const knuth_plass::Item& at_break = items[line.end];
        const ItemOrigin& break_origin = origins[line.end];
        bool hyphenated = at_break.kind == ItemKind::penalty && break_origin.kind == BreakKind::hyphen;
        double measure = index == 0 ? parameters.first_line_width : parameters.line_width;
        double start_x = index == 0 ? paragraph.first_line_indent_pt : 0;

        // Split the adjustment between font expansion (within ±2%) and the spaces.
        double boxes = 0, spaces = 0, space_stretch = 0, space_shrink = 0;
        for (std::size_t k = line.start; k < line.end; ++k) {
            if (items[k].kind == ItemKind::box) boxes += items[k].width;
            if (items[k].kind == ItemKind::glue && !items[k].infinite_stretch) {
                spaces += items[k].width;
                space_stretch += items[k].stretch;
                space_shrink += items[k].shrink;
            }
        }
        double penalty_width = at_break.kind == ItemKind::penalty ? at_break.width : 0;
        // Lines that end a paragraph or a forced break keep natural spaces, unless they must shrink.
        bool natural_spacing = !justified || (line.measure.infinite_stretch && line.measure.natural <= measure);
        double scale = 1;
        double space_ratio = 0;
        if (!natural_spacing) {
            double ratio = std::isfinite(line.ratio) ? line.ratio : (line.ratio > 0 ? 1 : -1);
            scale = 1 + std::clamp(ratio, -1.0, 1.0) * expansion_limit;
            double glyph_width = scale * (boxes + penalty_width - line.hang_left - at_break.hang_right);
            double difference = measure - glyph_width - spaces;
            double room = difference >= 0 ? space_stretch : space_shrink;
            space_ratio = room > 0 ? difference / room : 0;
            double glyph_natural = boxes + penalty_width - line.hang_left - at_break.hang_right;
            if (room <= 0 && glyph_natural > 0) {  // no spaces: the expansion alone fills the line
                scale = std::clamp((measure - spaces) / glyph_natural, 1 - expansion_limit, 1 + expansion_limit);
            }
            if (space_ratio < -1) space_ratio = -1;  // overfull: reported below
        }
        double right_hang = at_break.hang_right;  // zero where the alignment lets nothing hang
        if (paragraph.alignment == Alignment::right) start_x += measure - line.measure.natural;
        if (paragraph.alignment == Alignment::center) {
            start_x += (measure - (line.measure.natural + line.hang_left + at_break.hang_right)) / 2;
        }

        SetLine set;
        double x = start_x - scale * line.hang_left;
        RunBuilder runs(scale, run_buffer);
        double ascent = 0, descent = 0;
        // The line's real height: the ink of what it sets (a line of small letters is shorter
        // than one with capitals, and a raised note marker reaches higher).
        auto extend = [&](const MeasuredGlyph& glyph, const InkExtent& ink) {
            ascent = std::max(ascent, ink.ascent * glyph.size_pt + glyph.shift_pt);
            descent = std::max(descent, ink.descent * glyph.size_pt - glyph.shift_pt);
        };
        double content_end = x;
        for (std::size_t k = line.start; k < line.end; ++k) {
            const knuth_plass::Item& item = items[k];
            const ItemOrigin& origin = origins[k];
            if (item.kind == ItemKind::box) {
                for (std::size_t g = origin.glyph; g < origin.glyph_end; ++g) {
                    const MeasuredGlyph& glyph = glyphs[g];
                    glyph_x[g] = x;
                    if (glyph.shown != 0) {
                        runs.add(glyph.shown, glyph.face, glyph.size_pt, glyph.shift_pt, glyph.advance_pt, x);
                        extend(glyph, glyph.ink_em);
                        content_end = x + scale * glyph.advance_pt;
                    }
                    x += scale * (glyph.advance_pt + glyph.kern_after_pt);
                }
            } else if (item.kind == ItemKind::glue) {
                for (std::size_t g = origin.glyph; g < origin.glyph_end; ++g) glyph_x[g] = x;
                if (!item.infinite_stretch) {
                    x += item.width + space_ratio * (space_ratio >= 0 ? item.stretch : item.shrink);
                }
            }
        }
        if (hyphenated) {
            std::size_t before = break_origin.glyph;  // glyph after the break; the letter is before it
            const MeasuredGlyph* letter = nullptr;
            for (std::size_t g = before; g-- > line_first_glyph[index];) {
                if (glyphs[g].shown != 0) {
                    letter = &glyphs[g];
                    break;
                }
            }
            if (letter != nullptr) {
                FaceId face = fonts.face_for(letter->face, U'-', paragraph.fallback_families);
                double kern = face == letter->face ? fonts.kerning_em(face, letter->shown, U'-') * letter->size_pt : 0;
                double hyphen_x = content_end + scale * kern;
                runs.add(U'-', face, letter->size_pt, letter->shift_pt, break_origin.hyphen_advance_pt, hyphen_x);
                extend(*letter, fonts.ink_extent_em(face, U'-'));
                content_end = hyphen_x + scale * break_origin.hyphen_advance_pt;
                set.ends_with_hyphen = true;
            }
        }
        set.runs = runs.take();
        set.ascent_pt = ascent;
        set.descent_pt = descent;
        if (set.runs.empty()) {  // an empty line (two line breaks in a row) still has a height
            set.ascent_pt = 0.8 * size;
            set.descent_pt = 0.2 * size;
        }
        set.adjustment_ratio = natural_spacing ? 0 : space_ratio;
        set.horizontal_scale = scale;
        set.width_pt = content_end;
        set.left_hang_pt = scale * line.hang_left;
        set.right_hang_pt = scale * right_hang;
        set.overfull = line.overfull;
        set.filled = !natural_spacing && !line.measure.infinite_stretch && !line.overfull &&
                     std::fabs(content_end - set.right_hang_pt - measure - (index == 0 ? paragraph.first_line_indent_pt : 0)) < 0.01;
        std::size_t first = line_first_glyph[index];
        std::size_t next = line_first_glyph[index + 1];
        set.source_begin = index == 0 ? paragraph_begin : first < glyphs.size() ? glyphs[first].source_begin : paragraph_end;
        set.source_end = next < glyphs.size() ? glyphs[next].source_begin : paragraph_end;
        for (std::size_t g = first; g < next; ++g) {
            if (std::isnan(glyph_x[g])) glyph_x[g] = content_end;  // dropped trailing spaces, line ends
        }
        if (line.overfull) {
            std::string text;
            for (std::size_t g = first; g < next; ++g) {
                if (!glyphs[g].continuation) model::append_utf8(text, glyphs[g].source);
            }
            char amount[32];
            std::snprintf(amount, sizeof amount, "%.1f", line.measure.natural - measure);
            out.warnings.push_back("overfull line (" + std::string(amount) + " pt too wide): " + text);
        }
        out.lines.push_back(std::move(set));
    }

    // Anchors go to the line holding their span's first glyph, at that glyph's position.
    for (std::size_t span_index = 0; span_index < paragraph.spans.size(); ++span_index) {
        int anchor = paragraph.spans[span_index].anchor;
        if (anchor < 0 || out.lines.empty()) continue;
        std::size_t glyph = measured.span_first_glyph[span_index];
        std::size_t line = std::upper_bound(line_first_glyph.begin(), line_first_glyph.end() - 1, glyph) -
                           line_first_glyph.begin();
        line = std::clamp<std::size_t>(line, 1, out.lines.size()) - 1;
        double x = glyph < glyphs.size() ? glyph_x[glyph] : out.lines.back().width_pt;
        out.lines[line].anchors.push_back({anchor, x});
    }
    return out;
}

}  // namespace pamphlet::layout
