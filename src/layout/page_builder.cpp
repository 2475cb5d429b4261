#include "layout/page_builder.hpp"

#include "layout/inline_styling.hpp"

namespace pamphlet::layout {

TextBlock text_block(const PageGeometry& page, int page_number) {
    const bool recto = page_number % 2 == 1;
    TextBlock block;
    block.left_pt = recto ? page.margin_inner_pt : page.margin_outer_pt;
    block.width_pt = page.width_pt - page.margin_inner_pt - page.margin_outer_pt;
    block.top_pt = page.height_pt - page.margin_top_pt;
    block.bottom_pt = page.margin_bottom_pt;
    return block;
}

void place_line(Page& page, const GalleyLine& line, double x, double baseline) {
    for (GlyphRun run : line.runs) {
        run.x_pt += x;
        run.y_pt += baseline;
        page.items.emplace_back(std::move(run));
    }
    for (Rule rule : line.rules) {
        rule.x1_pt += x;
        rule.x2_pt += x;
        rule.y1_pt += baseline;
        rule.y2_pt += baseline;
        page.items.emplace_back(rule);
    }
    for (LinkArea link : line.links) {
        link.left_pt += x;
        link.right_pt += x;
        link.bottom_pt += baseline;
        link.top_pt += baseline;
        page.items.emplace_back(std::move(link));
    }
    for (Destination destination : line.destinations) {
        destination.x_pt += x;
        destination.y_pt += baseline;
        page.items.emplace_back(std::move(destination));
    }
    for (ImageBox image : line.images) {
        image.x_pt += x;
        image.y_pt += baseline;
        page.items.emplace_back(std::move(image));
    }
}

Page place_page(const Galley& galley, const PagePlan& plan, const TextBlock& block, const PageGeometry& geometry,
                const NoteArea& notes, bool flush_bottom) {
    Page page;
    page.width_pt = geometry.width_pt;
    page.height_pt = geometry.height_pt;

    double notes_height = 0;
    for (std::size_t n = 0; n < plan.notes.size(); ++n) {
        const NoteSlice& slice = plan.notes[n];
        notes_height += n > 0 ? notes.gap_pt : notes.separator_pt;
        const auto& lines = galley.notes[static_cast<std::size_t>(slice.note)].lines;
        for (std::size_t l = slice.first_line; l < slice.end_line; ++l) notes_height += lines[l].advance_pt;
    }

    double gaps = 0;  // the stretchable spaces between blocks on this page
    for (std::size_t i = plan.first_line + 1; i < plan.end_line; ++i) gaps += galley.lines[i].space_before_pt;
    double stretch = 1;
    if (flush_bottom && gaps > 0) {
        const double slack = block.height() - notes_height - column_height(galley.lines, plan.first_line, plan.end_line);
        // Only when the slack can be absorbed whole: a half-filled gap looks like a mistake.
        if (slack > 0 && slack <= gaps) stretch = 1 + slack / gaps;
    }

    double cursor = block.top_pt;
    for (std::size_t i = plan.first_line; i < plan.end_line; ++i) {
        const GalleyLine& line = galley.lines[i];
        if (i > plan.first_line) cursor -= line.space_before_pt * stretch;
        cursor -= line.advance_pt;
        place_line(page, line, block.left_pt, cursor + baseline_depth * line.advance_pt);
    }

    if (plan.notes.empty()) return page;
    double note_cursor = block.bottom_pt + notes_height;
    const double rule_y = note_cursor - notes.separator_pt * 0.35;
    page.items.emplace_back(Rule{block.left_pt, rule_y, block.left_pt + notes.rule_length_pt, rule_y, 0.4});
    note_cursor -= notes.separator_pt;
    for (std::size_t n = 0; n < plan.notes.size(); ++n) {
        const NoteSlice& slice = plan.notes[n];
        if (n > 0) note_cursor -= notes.gap_pt;
        const auto& lines = galley.notes[static_cast<std::size_t>(slice.note)].lines;
        for (std::size_t l = slice.first_line; l < slice.end_line; ++l) {
            note_cursor -= lines[l].advance_pt;
            place_line(page, lines[l], block.left_pt, note_cursor + baseline_depth * lines[l].advance_pt);
        }
    }
    return page;
}

namespace {

void add_centred(Page& page, const std::string& text, const TextBlock& block, const FurnitureLook& look,
                 const FontLibrary& fonts, double baseline) {
    if (text.empty()) return;
    GlyphRun run;
    run.face = look.face;
    run.size_pt = look.size_pt;
    run.text = text;
    run.x_pt = block.left_pt + (block.width_pt - measure_text(text, look.face, look.size_pt, fonts)) / 2;
    run.y_pt = baseline;
    page.items.emplace_back(std::move(run));
}

}  // namespace

void add_running_head(Page& page, const std::string& text, const TextBlock& block, const FurnitureLook& look,
                      const FontLibrary& fonts) {
    add_centred(page, text, block, look, fonts, block.top_pt + 1.3 * look.leading_pt);
}

void add_folio(Page& page, const std::string& folio, const TextBlock& block, const FurnitureLook& look,
               const FontLibrary& fonts) {
    add_centred(page, folio, block, look, fonts, block.bottom_pt - 2.0 * look.leading_pt);
}

}  // namespace pamphlet::layout
