#include "layout/page_builder_front_matter.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "layout/inline_styling.hpp"
#include "layout/line_breaking.hpp"

namespace pamphlet::layout {
namespace {

// A short text set centred (or left) in one face: titles and contents entries.
std::vector<SetLine> set_plain(const std::string& text, FaceId face, double size_pt, double width_pt, bool small_caps,
                               model::Alignment alignment, const TypesetEnvironment& environment) {
    if (text.empty()) return {};
    StyledSpan span;
    span.text = text;
    span.face = face;
    span.size_pt = size_pt;
    span.small_caps = small_caps;
    ParagraphSpec spec;
    spec.spans.push_back(span);
    spec.width_pt = width_pt;
    spec.alignment = alignment;
    spec.language = environment.language;
    spec.hyphenate = false;
    spec.fallback_families = environment.style.font.fallback_families;
    SetParagraph set = set_paragraph(spec, environment.fonts, environment.hyphenation);
    for (const std::string& warning : set.warnings) environment.report.warn("", 0, warning);
    return std::move(set.lines);
}

// Places set lines downwards from `cursor` (the top of the first line), returning the new cursor.
double place_lines(Page& page, std::vector<SetLine> lines, double x, double cursor, double advance) {
    for (SetLine& line : lines) {
        cursor -= advance;
        GalleyLine galley_line;
        galley_line.runs = std::move(line.runs);
        place_line(page, galley_line, x, cursor + baseline_depth * advance);
    }
    return cursor;
}

// The contents' title in the document's language (English for languages not listed).
std::string contents_title(std::string_view language) {
    const std::string_view primary = language.substr(0, language.find('-'));
    static constexpr std::pair<std::string_view, std::string_view> titles[] = {
        {"de", "Inhalt"},  {"fr", "Table des mati\u00e8res"}, {"es", "\u00cdndice"},   {"it", "Indice"},
        {"pt", "Sum\u00e1rio"}, {"nl", "Inhoud"}, {"ru", "\u0421\u043e\u0434\u0435\u0440\u0436\u0430\u043d\u0438\u0435"},
        {"pl", "Spis tre\u015bci"}, {"sv", "Inneh\u00e5ll"}, {"da", "Indhold"}, {"no", "Innhold"}, {"nb", "Innhold"},
        {"eo", "Enhavo"},
    };
    for (const auto& [code, title] : titles)
        if (code == primary) return std::string(title);
    return "Contents";
}

std::string authors(const model::Metadata& metadata) {
    std::string names;
    for (const model::Contributor& contributor : metadata.contributors) {
        if (contributor.role != "aut") continue;
        if (!names.empty()) names += ", ";
        names += contributor.name;
    }
    return names;
}

}  // namespace

Page title_page(const model::Metadata& metadata, const TypesetEnvironment& environment, const TextBlock& block) {
    const Style& style = environment.style;
    FontLibrary& fonts = environment.fonts;
    Page page;
    page.width_pt = style.page.width_pt;
    page.height_pt = style.page.height_pt;
    const double body = style.font.size_pt;
    const std::string& family = style.font.family;
    const FaceId regular = fonts.face(family, FontWeight::normal, FontSlant::normal);
    const FaceId italic = fonts.face(family, FontWeight::normal, FontSlant::italic);
    const auto centre = model::Alignment::center;

    double cursor = block.top_pt - block.height() * 0.22;
    const double title_size = body * 2.0;
    cursor = place_lines(page, set_plain(metadata.title, regular, title_size, block.width_pt, false, centre, environment),
                         block.left_pt, cursor, title_size * 1.25);
    if (!metadata.subtitle.empty()) {
        const double size = body * 1.3;
        cursor -= size * 0.6;
        cursor = place_lines(page, set_plain(metadata.subtitle, italic, size, block.width_pt, false, centre, environment),
                             block.left_pt, cursor, size * 1.3);
    }
    const std::string names = authors(metadata);
    if (!names.empty()) {
        const double size = body * 1.2;
        cursor -= size * 3;
        place_lines(page, set_plain(names, regular, size, block.width_pt, true, centre, environment), block.left_pt,
                    cursor, size * 1.3);
    }
    return page;
}

Page title_verso(const model::Metadata& metadata, const TypesetEnvironment& environment, const TextBlock& block) {
    const Style& style = environment.style;
    Page page;
    page.width_pt = style.page.width_pt;
    page.height_pt = style.page.height_pt;
    // What the text says about itself, without labels (they would be in one language only):
    // the note on the text, where it comes from, when, and on what terms, as amusewiki's
    // colophon prints them. Set small and ragged, standing on the foot of the text block.
    std::vector<std::string> paragraphs;
    for (const std::string* field : {&metadata.description, &metadata.source, &metadata.date, &metadata.rights})
        if (!field->empty()) paragraphs.push_back(*field);
    if (paragraphs.empty()) return page;
    const double size = style.font.size_pt * 0.8;
    const double advance = size * 1.3;
    const FaceId regular = environment.fonts.face(style.font.family, FontWeight::normal, FontSlant::normal);
    std::vector<std::vector<SetLine>> set;
    double height = 0;
    for (const std::string& text : paragraphs) {
        set.push_back(set_plain(text, regular, size, block.width_pt, false, model::Alignment::left, environment));
        height += static_cast<double>(set.back().size()) * advance;
    }
    height += static_cast<double>(set.size() - 1) * advance * 0.5;
    double cursor = std::min(block.top_pt, block.bottom_pt + height);
    for (std::vector<SetLine>& lines : set) cursor = place_lines(page, std::move(lines), block.left_pt, cursor, advance) - advance * 0.5;
    return page;
}

TableOfContents build_contents(const std::vector<HeadingEntry>& headings, const TypesetEnvironment& environment) {
    const Style& style = environment.style;
    FontLibrary& fonts = environment.fonts;
    const double size = style.font.size_pt;
    const double leading = body_leading(style);
    const FaceId regular = fonts.face(style.font.family, FontWeight::normal, FontSlant::normal);
    const double number_column = 3 * size;  // room kept free for the page number
    TableOfContents contents;
    auto& lines = contents.galley.lines;

    // The heading of the contents, in the look of a level-1 heading.
    const HeadingLook& look = style.headings[0];
    const double title_size = size * look.size;
    const FaceId title_face = fonts.face(style.font.family, look.weight, look.slant);
    for (SetLine& set : set_plain(contents_title(environment.language), title_face, title_size, environment.text_width_pt, look.small_caps,
                                  look.alignment, environment)) {
        GalleyLine line;
        line.runs = std::move(set.runs);
        line.advance_pt = std::max(leading, title_size * style.font.leading);
        line.keep_with_next = true;
        lines.push_back(std::move(line));
    }
    double space = look.space_after_lines * leading;

    for (std::size_t h = 0; h < headings.size(); ++h) {
        const HeadingEntry& heading = headings[h];
        if (heading.level > 2) continue;
        const double indent = heading.level == 1 ? 0 : 1.5 * size;
        const std::size_t first = lines.size();
        for (SetLine& set : set_plain(heading.title, regular, size, environment.text_width_pt - indent - number_column,
                                      false, model::Alignment::left, environment)) {
            GalleyLine line;
            line.runs = std::move(set.runs);
            for (GlyphRun& run : line.runs) run.x_pt += indent;
            line.advance_pt = leading;
            line.links.push_back(LinkArea{indent, -0.3 * size, environment.text_width_pt, size, "", heading.destination});
            lines.push_back(std::move(line));
        }
        if (first == lines.size()) continue;
        lines[first].space_before_pt = heading.level == 1 ? std::max(space, 0.4 * leading) : space;
        space = 0;
        keep_lines_together(lines, first, lines.size());
        contents.entry_line.push_back(lines.size() - 1);
        contents.heading.push_back(h);
    }
    return contents;
}

void fill_contents_page_numbers(TableOfContents& contents, const std::vector<std::string>& folios,
                                const TypesetEnvironment& environment) {
    const Style& style = environment.style;
    const FaceId regular = environment.fonts.face(style.font.family, FontWeight::normal, FontSlant::normal);
    for (std::size_t e = 0; e < contents.entry_line.size() && e < folios.size(); ++e) {
        GlyphRun run;
        run.face = regular;
        run.size_pt = style.font.size_pt;
        run.text = folios[e];
        run.x_pt = environment.text_width_pt - measure_text(run.text, regular, run.size_pt, environment.fonts);
        contents.galley.lines[contents.entry_line[e]].runs.push_back(std::move(run));
    }
}

}  // namespace pamphlet::layout
