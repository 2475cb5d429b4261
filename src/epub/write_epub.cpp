// The EPUB backend's front door: plans the book, writes every part, packs the container.
#include "epub/write_epub.hpp"

#include "epub/book_plan.hpp"
#include "epub/content_identifier.hpp"
#include "epub/content_writer.hpp"
#include "epub/cover.hpp"
#include "epub/embedded_fonts.hpp"
#include "epub/navigation.hpp"
#include "epub/package_document.hpp"
#include "epub/page_markers.hpp"
#include "epub/stylesheet.hpp"
#include "epub/xhtml_document.hpp"
#include "epub/xml_text.hpp"
#include "epub/zip_package.hpp"

namespace pamphlet::epub {
namespace {

// Everything but the mimetype lives under this folder of the container.
const std::string content_folder = "EPUB/";

std::string container_xml() {
    pugi::xml_document document;
    pugi::xml_node container = document.append_child("container");
    container.append_attribute("version") = "1.0";
    container.append_attribute("xmlns") = "urn:oasis:names:tc:opendocument:xmlns:container";
    pugi::xml_node rootfile = container.append_child("rootfiles").append_child("rootfile");
    rootfile.append_attribute("full-path") = (content_folder + package_file).c_str();
    rootfile.append_attribute("media-type") = "application/oebps-package+xml";
    return serialize(document, XmlLayout::indented, false);
}

// One content document: its blocks in a <section>, then the asides of its notes.
std::string content_document(const model::Document& document, const ContentDocument& part, bool last,
                             const std::string& language, const BookPlan& plan, BookState& state) {
    pugi::xml_document xhtml;
    pugi::xml_node body = start_xhtml(xhtml, language, part.title);
    pugi::xml_node section = body.append_child("section");
    if (part.opens_with_heading) {
        section.append_attribute("epub:type") = "chapter";
        section.append_attribute("role") = "doc-chapter";
        const auto* heading = std::get_if<model::Heading>(&document.blocks[part.first_block].value);
        set_attribute(section, "aria-labelledby", plan.heading_ids.at(heading));
    } else {
        set_attribute(section, "aria-label", part.title);
    }
    write_content(document.blocks, part.first_block, part.end_block, part.file, section, state);
    if (last) write_remaining_page_markers(part.file, section, state);
    return serialize(xhtml, XmlLayout::compact, true);
}

}  // namespace

std::string write_epub(const model::Document& document, const layout::Style& style,
                       const layout::PageStarts& print_pages, const EpubOptions& options, model::Report& report) {
    const model::Metadata& metadata = document.metadata;
    std::string language = metadata.language;
    if (!is_language_tag(language)) {
        report.warn("", 0, "EPUB: language \"" + language + "\" is not a language tag; using \"und\" (undetermined)");
        language = "und";
    }
    std::string title = metadata.title;
    if (single_line_text({model::Text{title}}).empty()) {
        report.warn("", 0, "EPUB: the document has no title; the EPUB is called \"Untitled\"");
        title = "Untitled";
    }
    const std::int64_t modified = modification_time(document, options.source_date_epoch);

    IdRegistry ids;
    const PageMarkerIndex pages(print_pages, ids);
    const BookPlan plan = plan_book(document, title, ids);
    BookState state{pages, plan.heading_ids, ids, report, {}, {}, 0, {}};

    std::vector<PackageEntry> entries;
    std::vector<ManifestItem> items;
    const auto add = [&](ManifestItem item, std::string bytes) {
        entries.push_back({content_folder + item.href, std::move(bytes)});
        items.push_back(std::move(item));
    };

    model::Metadata shown = metadata;  // what the cover shows: never an empty title
    shown.title = title;
    const CoverImage cover =
        options.cover_image.empty() ? typographic_cover(shown, style) : cover_from_file(options.cover_image);
    add({"cover-image", cover.path, cover.media_type, "cover-image", false, true}, cover.bytes);
    const std::string cover_file = "cover.xhtml";
    add({"cover", cover_file, "application/xhtml+xml", "", true, true}, cover_page(cover, shown, language));

    // The nav document is written last (it lists where the page markers landed) but takes its
    // place here, after the cover. It is in the spine (the landmarks link to it) but read in
    // order only when the style asks for a printed table of contents.
    const std::size_t navigation_slot = items.size();
    for (std::size_t index = 0; index < plan.documents.size(); ++index) {
        const ContentDocument& part = plan.documents[index];
        const bool last = index + 1 == plan.documents.size();
        add({"section-" + std::to_string(index + 1), part.file, "application/xhtml+xml", "", true, true},
            content_document(document, part, last, language, plan, state));
    }
    const NavigationInput navigation{plan, state.placed_pages, cover_file, title, language,
                                     metadata.identifier.empty() ? content_identifier(document) : metadata.identifier};
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(navigation_slot),
                 {"nav", navigation_file, "application/xhtml+xml", "nav", true, style.furniture.table_of_contents});
    entries.insert(entries.begin() + static_cast<std::ptrdiff_t>(navigation_slot),
                   {content_folder + navigation_file, navigation_document(navigation)});
    add({"ncx", ncx_file, "application/x-dtbncx+xml", "", false, true}, ncx_document(navigation));

    for (std::size_t index = 0; index < state.images.size(); ++index) {
        const MediaFile& image = state.images[index];
        add({"image-" + std::to_string(index + 1), image.path, image.media_type, "", false, true}, image.bytes);
    }

    std::vector<FontFile> fonts;
    if (options.embed_fonts) {
        std::vector<std::string_view> texts;
        for (const PackageEntry& entry : entries)
            if (entry.path.ends_with(".xhtml")) texts.push_back(entry.bytes);
        fonts = embedded_fonts(style, characters_in(texts), report, options.font_subsetter);
    }
    std::vector<EmbeddedFace> faces;
    for (std::size_t index = 0; index < fonts.size(); ++index) {
        faces.push_back(fonts[index].face);
        add({"font-" + std::to_string(index + 1), fonts[index].face.path, fonts[index].media_type, "", false, true},
            std::move(fonts[index].bytes));
    }
    add({"style", stylesheet_file, "text/css", "", false, true}, stylesheet(style, faces));

    PackageInput package{metadata, title, language, navigation.identifier, format_utc(modified),
                         !state.placed_pages.empty(), state.facts, items};
    entries.insert(entries.begin(), {content_folder + package_file, package_document(package)});
    entries.insert(entries.begin(), {"META-INF/container.xml", container_xml()});
    return zip_epub(entries, modified);
}

}  // namespace pamphlet::epub
