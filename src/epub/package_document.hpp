// The package document (package.opf): metadata, including accessibility metadata that states
// only what the content really offers, the manifest and the reading order.
#pragma once

#include <string>
#include <vector>

#include "epub/content_writer.hpp"
#include "model/document.hpp"

namespace pamphlet::epub {

inline constexpr const char* package_file = "package.opf";

struct ManifestItem {
    std::string id;
    std::string href;  // relative to the package document
    std::string media_type;
    std::string properties;  // "nav", "cover-image", "svg"... or ""
    bool in_spine = false;   // content documents, in reading order
    bool linear = true;
};

struct PackageInput {
    const model::Metadata& metadata;
    std::string title;       // metadata.title, or a stand-in when it is empty
    std::string language;    // metadata.language, or "und"
    std::string identifier;  // dc:identifier
    std::string modified;    // dcterms:modified
    bool has_page_list = false;
    ContentFacts facts;
    std::vector<ManifestItem> items;  // in manifest order; spine order is their order too
};

std::string package_document(const PackageInput& input);

}  // namespace pamphlet::epub
