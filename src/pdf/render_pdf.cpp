#include "pdf/render_pdf.hpp"

#include "pdf/deflate_streams.hpp"
#include "pdf/destinations.hpp"
#include "pdf/draw_image.hpp"
#include "pdf/draw_page.hpp"
#include "pdf/finish_pdf.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/page_links.hpp"

namespace pamphlet::pdf {
namespace {

// libharu's part: pages, images and links, returned as its (uncompressed) file; the pages' content
// streams are not in it but in `page_contents`, each deflated as soon as it is drawn, and the
// fonts are added by finish_pdf. The document, which still holds the images, is freed before
// qpdf loads the file.
std::string draw_with_libharu(const std::vector<layout::Page>& pages, const DocumentFonts& fonts,
                              const std::map<std::string, PlacedDestination>& destinations,
                              StreamCompressor& compressor, std::vector<std::string>& page_contents) {
    HaruDocument document;
    std::vector<HPDF_Page> drawn;
    drawn.reserve(pages.size());
    page_contents.reserve(pages.size());
    ImageCache images;  // one for the whole document: a picture placed on several pages is embedded once
    std::string content;
    for (const layout::Page& page : pages) {
        drawn.push_back(draw_page(document, page, fonts, images, &content));
        page_contents.emplace_back(compressor.zlib(content));
    }
    add_links(document, pages, drawn, destinations);
    return document.save();
}

}  // namespace

RenderedPdf render_pdf_document(const std::vector<layout::Page>& pages,
                                const std::vector<layout::OutlineEntry>& outline, const FaceSource& face_source,
                                const model::Metadata& metadata, const PdfOptions& options) {
    FinishingDetails details;
    details.outline = outline;
    details.destinations = index_destinations(pages);
    for (const layout::Page& page : pages) details.page_labels.push_back(page.label);

    layout::FontSubsetter own_subsetter;  // parses nothing unless used
    layout::FontSubsetter& subsetter = options.font_subsetter != nullptr ? *options.font_subsetter : own_subsetter;
    StreamCompressor compressor(pdf_stream_compression_level());
    details.fonts = prepare_fonts(characters_by_face(pages), face_source, subsetter);
    std::string haru_bytes =
        draw_with_libharu(pages, details.fonts, details.destinations, compressor, details.page_contents);
    return finish_pdf(std::move(haru_bytes), details, metadata, options, compressor);
}

std::string render_pdf(const std::vector<layout::Page>& pages, const std::vector<layout::OutlineEntry>& outline,
                       const FaceSource& face_source, const model::Metadata& metadata, const PdfOptions& options) {
    return render_pdf_document(pages, outline, face_source, metadata, options).bytes();
}

}  // namespace pamphlet::pdf
