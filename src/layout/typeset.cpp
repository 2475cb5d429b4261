// Typesetting a document: set the galley, paginate it, then build the frames with the front
// matter, running heads and folios, and record page starts and the outline.
#include "layout/typeset.hpp"

#include <algorithm>

#include "layout/hyphenation.hpp"
#include "layout/inline_styling.hpp"
#include "layout/page_builder.hpp"
#include "layout/page_builder_front_matter.hpp"
#include "layout/paginate.hpp"
#include "layout/typeset_galley.hpp"
#include "model/text.hpp"

namespace pamphlet::layout {
namespace {

Page blank_page(const Style& style) { return Page{style.page.width_pt, style.page.height_pt, "", {}}; }

// The running head text shortened at a word boundary (with an ellipsis) to fit the measure.
std::string fitted(const std::string& text, const FurnitureLook& look, double width, const FontLibrary& fonts) {
    if (measure_text(text, look.face, look.size_pt, fonts) <= width) return text;
    std::string shortened = text;
    while (!shortened.empty()) {
        const auto space = shortened.rfind(' ');
        if (space == std::string::npos) break;
        shortened.resize(space);
        if (measure_text(shortened + "\u2026", look.face, look.size_pt, fonts) <= width) return shortened + "\u2026";
    }
    return "";
}

// The plan index holding galley line `line` (plans are in line order).
std::size_t plan_of_line(const std::vector<PagePlan>& plans, std::size_t line) {
    const auto found = std::upper_bound(plans.begin(), plans.end(), line,
                                        [](std::size_t value, const PagePlan& plan) { return value < plan.first_line; });
    return found == plans.begin() ? 0 : static_cast<std::size_t>(found - plans.begin() - 1);
}

PaginationSettings pagination_settings(const Style& style, const TextBlock& block) {
    PaginationSettings settings;
    settings.body_height_pt = block.height();
    settings.note_separator_pt = body_leading(style);
    settings.note_gap_pt = 0.2 * style.font.size_pt * style.notes.size;
    return settings;
}

// Each page's start: the first text line on it, or (pages without text) the next text after it.
PageStarts page_starts_for(const std::vector<Page>& pages, const std::vector<std::optional<TextPosition>>& first_text) {
    PageStarts starts(pages.size());
    std::optional<TextPosition> next;
    for (std::size_t p = pages.size(); p-- > 0;) {
        if (first_text[p]) next = first_text[p];
        starts[p].page_number = static_cast<int>(p + 1);
        starts[p].label = std::to_string(p + 1);
        starts[p].position = next.value_or(TextPosition{});
    }
    // Pages after the last text (trailing notes) point at where the text ended.
    std::optional<TextPosition> last;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        if (first_text[p]) last = first_text[p];
        else if (!next && last) starts[p].position = *last;
    }
    return starts;
}

}  // namespace

TypesetDocument typeset(const model::Document& document, const Style& style, model::Report& report) {
    const LayoutResources resources;
    return typeset(document, style, resources, report);
}

TypesetDocument typeset(const model::Document& document, const Style& style, const LayoutResources& resources,
                        model::Report& report) {
    TypesetDocument result;
    result.font_storage = std::make_shared<FontLibrary>(resources.fonts());
    result.fonts = result.font_storage.get();
    FontLibrary& fonts = *result.font_storage;
    Hyphenation hyphenation(resources.hyphenation());
    const TextBlock first_block = text_block(style.page, 1);
    const TypesetEnvironment environment{style, fonts, hyphenation, report, document.metadata.language,
                                         first_block.width_pt};

    const DocumentGalley body = build_galley(document, environment);
    const PaginationSettings settings = pagination_settings(style, first_block);
    const std::vector<PagePlan> plans = paginate(body.galley, settings);
    NoteArea note_area;
    note_area.separator_pt = settings.note_separator_pt;
    note_area.gap_pt = settings.note_gap_pt;
    note_area.rule_length_pt = style.notes.rule_length_em * style.font.size_pt;

    std::vector<Page>& pages = result.pages;
    std::vector<std::optional<TextPosition>> first_text;  // per page
    auto add_page = [&](Page page, std::optional<TextPosition> text) {
        pages.push_back(std::move(page));
        first_text.push_back(text);
    };

    if (style.furniture.title_page && !document.metadata.title.empty()) {
        add_page(title_page(document.metadata, environment, text_block(style.page, 1)), std::nullopt);
        add_page(title_verso(document.metadata, environment, text_block(style.page, 2)), std::nullopt);
    }

    const FurnitureLook folio_look{fonts.face(style.font.family, FontWeight::normal, FontSlant::normal),
                                   style.font.size_pt * 0.9, body_leading(style)};
    const FurnitureLook head_look{fonts.face(style.font.family, FontWeight::normal, FontSlant::italic),
                                  style.font.size_pt * 0.9, body_leading(style)};

    // The contents: paginated first (entries have room reserved for numbers), so the body's
    // first page number is known; numbers are filled in from the body's pagination.
    std::optional<TableOfContents> contents;
    std::vector<PagePlan> contents_plans;
    if (style.furniture.table_of_contents &&
        std::any_of(body.headings.begin(), body.headings.end(), [](const HeadingEntry& h) { return h.level <= 2; })) {
        contents = build_contents(body.headings, environment);
        contents_plans = paginate(contents->galley, settings);
    }
    std::size_t body_first = pages.size() + contents_plans.size() + 1;  // physical number
    const bool blank_before_body = body_first % 2 == 0;
    if (blank_before_body) ++body_first;

    if (contents) {
        std::vector<std::string> folios;
        for (std::size_t heading : contents->heading)
            folios.push_back(std::to_string(body_first + plan_of_line(plans, body.headings[heading].galley_line)));
        fill_contents_page_numbers(*contents, folios, environment);
        for (const PagePlan& plan : contents_plans) {
            const int number = static_cast<int>(pages.size() + 1);
            const TextBlock block = text_block(style.page, number);
            Page page = place_page(contents->galley, plan, block, style.page, note_area);
            page.label = std::to_string(number);
            if (style.furniture.page_numbers) add_folio(page, page.label, block, folio_look, fonts);
            add_page(std::move(page), std::nullopt);
        }
    }
    if (blank_before_body) add_page(blank_page(style), std::nullopt);

    std::vector<std::string> section_titles;
    for (const HeadingEntry& heading : body.headings)
        if (heading.level == 1) section_titles.push_back(heading.title);
    int section_in_force = -1;
    for (const PagePlan& plan : plans) {
        const int number = static_cast<int>(pages.size() + 1);
        const TextBlock block = text_block(style.page, number);
        // The last page of the text and pages before a forced break may stay short.
        const bool flush = plan.end_line < body.galley.lines.size() && !body.galley.lines[plan.end_line].page_break_before;
        Page page = place_page(body.galley, plan, block, style.page, note_area, flush);
        page.label = std::to_string(number);
        std::optional<TextPosition> text;
        bool opens_section = false;
        for (std::size_t i = plan.first_line; i < plan.end_line; ++i) {
            const GalleyLine& line = body.galley.lines[i];
            if (!text && line.position) text = line.position;
            if (line.section >= 0) opens_section = true;
        }
        if (style.furniture.running_heads && !opens_section) {
            std::string head = document.metadata.title;
            if (number % 2 == 1 && section_in_force >= 0)
                head = section_titles[static_cast<std::size_t>(section_in_force)];
            add_running_head(page, fitted(head, head_look, block.width_pt, fonts), block, head_look, fonts);
        }
        if (style.furniture.page_numbers) add_folio(page, page.label, block, folio_look, fonts);
        for (std::size_t i = plan.first_line; i < plan.end_line; ++i)
            if (body.galley.lines[i].section >= 0) section_in_force = body.galley.lines[i].section;
        add_page(std::move(page), text);
    }
    if (pages.empty()) add_page(blank_page(style), std::nullopt);

    result.page_starts = page_starts_for(pages, first_text);
    for (const HeadingEntry& heading : body.headings)
        result.outline.push_back(OutlineEntry{heading.level, heading.title, heading.destination});
    return result;
}

}  // namespace pamphlet::layout
