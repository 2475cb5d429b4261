#include "pdf/render_pdf.hpp"

#include "pdf/destinations.hpp"
#include "pdf/draw_page.hpp"
#include "pdf/finish_pdf.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/page_links.hpp"
#include "pdf/temporary_directory.hpp"

namespace pamphlet::pdf {

std::string render_pdf(const std::vector<layout::Page>& pages, const std::vector<layout::OutlineEntry>& outline,
                       const FaceSource& face_source, const model::Metadata& metadata, const PdfOptions& options) {
    TemporaryDirectory scratch;  // subset fonts; must outlive document.save()
    HaruDocument document;
    layout::FontSubsetter own_subsetter;  // parses nothing unless used
    layout::FontSubsetter& subsetter = options.font_subsetter != nullptr ? *options.font_subsetter : own_subsetter;
    const FontHandles fonts =
        load_subset_fonts(document, characters_by_face(pages), face_source, subsetter, scratch.path());

    std::vector<HPDF_Page> drawn;
    drawn.reserve(pages.size());
    for (const layout::Page& page : pages) drawn.push_back(draw_page(document, page, fonts));

    FinishingDetails details;
    details.outline = outline;
    details.destinations = index_destinations(pages);
    for (const layout::Page& page : pages) details.page_labels.push_back(page.label);
    add_links(document, pages, drawn, details.destinations);

    return finish_pdf(document.save(), details, metadata, options);
}

}  // namespace pamphlet::pdf
