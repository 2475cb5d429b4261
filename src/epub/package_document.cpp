#include "epub/package_document.hpp"

#include "epub/content_identifier.hpp"
#include "epub/xml_text.hpp"

namespace pamphlet::epub {
namespace {

pugi::xml_node add_element(pugi::xml_node parent, const char* name, const std::string& text) {
    pugi::xml_node element = parent.append_child(name);
    append_text(element, text);
    return element;
}

pugi::xml_node add_meta(pugi::xml_node metadata, const char* property, const std::string& value,
                        const std::string& refines = "") {
    pugi::xml_node meta = metadata.append_child("meta");
    if (!refines.empty()) set_attribute(meta, "refines", "#" + refines);
    meta.append_attribute("property") = property;
    append_text(meta, value);
    return meta;
}

// What a reader of this book needs to know before opening it, stated from what we emit.
void add_accessibility_metadata(pugi::xml_node metadata, const PackageInput& input) {
    const ContentFacts& facts = input.facts;
    add_meta(metadata, "schema:accessMode", "textual");
    if (facts.has_images) add_meta(metadata, "schema:accessMode", "visual");
    // Text alone is enough when every image has a written alternative.
    if (!facts.has_images || facts.every_image_has_alt) add_meta(metadata, "schema:accessModeSufficient", "textual");
    if (facts.has_images) add_meta(metadata, "schema:accessModeSufficient", "textual,visual");

    std::vector<std::string> features = {"structuralNavigation", "tableOfContents", "readingOrder",
                                         "displayTransformability"};
    if (facts.has_images && facts.every_image_has_alt) features.push_back("alternativeText");
    if (input.has_page_list) {
        features.push_back("pageBreakMarkers");
        features.push_back("pageNavigation");
    }
    for (const std::string& feature : features) add_meta(metadata, "schema:accessibilityFeature", feature);
    add_meta(metadata, "schema:accessibilityHazard", "none");

    std::string summary =
        "Text with a navigable table of contents and headings in a logical reading order; the text can be "
        "resized and restyled.";
    if (facts.has_notes) summary += " Footnotes are linked from their references and back.";
    if (input.has_page_list) summary += " Page break markers and a page list follow the print edition.";
    if (facts.has_images)
        summary += facts.every_image_has_alt ? " Every image has a text alternative."
                                             : " Some images lack a text alternative.";
    add_meta(metadata, "schema:accessibilitySummary", summary).append_attribute("xml:lang") = "en";

    // Conformance is claimed only when nothing we know of breaks it.
    if (!facts.has_images || facts.every_image_has_alt) {
        add_meta(metadata, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
        add_meta(metadata, "a11y:certifiedBy", "pamphlet (automated check of its own output)");
    }
}

}  // namespace

std::string package_document(const PackageInput& input) {
    const model::Metadata& source = input.metadata;
    pugi::xml_document document;
    pugi::xml_node package = document.append_child("package");
    package.append_attribute("xmlns") = "http://www.idpf.org/2007/opf";
    package.append_attribute("version") = "3.0";
    package.append_attribute("unique-identifier") = "book-id";
    set_attribute(package, "xml:lang", input.language);
    package.append_attribute("prefix") = "a11y: http://www.idpf.org/epub/vocab/package/a11y/#";

    pugi::xml_node metadata = package.append_child("metadata");
    metadata.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    add_element(metadata, "dc:identifier", input.identifier).append_attribute("id") = "book-id";
    add_element(metadata, "dc:title", input.title).append_attribute("id") = "title";
    add_meta(metadata, "title-type", "main", "title");
    if (!source.subtitle.empty()) {
        add_element(metadata, "dc:title", source.subtitle).append_attribute("id") = "subtitle";
        add_meta(metadata, "title-type", "subtitle", "subtitle");
    }
    int creator_number = 0;
    for (const model::Contributor& contributor : source.contributors) {
        if (contributor.name.empty()) continue;
        // Authors are creators; translators, editors and illustrators contribute.
        const char* element = contributor.role == "aut" || contributor.role.empty() ? "dc:creator" : "dc:contributor";
        const std::string id = "creator-" + std::to_string(++creator_number);
        set_attribute(add_element(metadata, element, contributor.name), "id", id);
        pugi::xml_node role = add_meta(metadata, "role", contributor.role.empty() ? "aut" : contributor.role, id);
        role.append_attribute("scheme") = "marc:relators";
    }
    add_element(metadata, "dc:language", input.language);
    if (is_w3c_date(source.date)) add_element(metadata, "dc:date", source.date);
    if (!source.description.empty()) add_element(metadata, "dc:description", source.description);
    if (!source.rights.empty()) add_element(metadata, "dc:rights", source.rights);
    if (!source.source.empty()) add_element(metadata, "dc:source", source.source).append_attribute("id") = "text-source";
    if (input.has_page_list) {
        // The page list follows the print edition this same run lays out: name it as the source
        // of the pagination (dc:source refined by source-of; epubcheck 4.2 does not know EPUB
        // Accessibility 1.1's a11y:pageBreakSource yet and rejects it).
        const std::string print_edition = input.title + " (print edition, made with pamphlet)";
        add_element(metadata, "dc:source", print_edition).append_attribute("id") = "print-source";
        add_meta(metadata, "source-of", "pagination", "print-source");
    }
    add_meta(metadata, "dcterms:modified", input.modified);
    add_accessibility_metadata(metadata, input);
    pugi::xml_node generator = metadata.append_child("meta");
    generator.append_attribute("name") = "generator";
    generator.append_attribute("content") = "pamphlet " PAMPHLET_VERSION;

    pugi::xml_node manifest = package.append_child("manifest");
    pugi::xml_node spine = package.append_child("spine");
    for (const ManifestItem& item : input.items) {
        pugi::xml_node entry = manifest.append_child("item");
        set_attribute(entry, "id", item.id);
        set_attribute(entry, "href", item.href);
        set_attribute(entry, "media-type", item.media_type);
        if (!item.properties.empty()) set_attribute(entry, "properties", item.properties);
        if (item.media_type == "application/x-dtbncx+xml") set_attribute(spine, "toc", item.id);
    }
    for (const ManifestItem& item : input.items) {
        if (!item.in_spine) continue;
        pugi::xml_node reference = spine.append_child("itemref");
        set_attribute(reference, "idref", item.id);
        if (!item.linear) reference.append_attribute("linear") = "no";
    }
    return serialize(document, XmlLayout::indented, false);
}

}  // namespace pamphlet::epub
