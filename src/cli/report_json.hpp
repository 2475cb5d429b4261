// The --report file: what the run did to each document (warnings, repairs, pages), as JSON for
// editors and scripts.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostics.hpp"

namespace pamphlet::cli {

struct OutputSummary {
    std::string path;
    std::string format;  // "pdf", "epub", "booklet-pdf"
    int pages = 0;       // PDF pages (0 for EPUB)
    std::size_t bytes = 0;
};

struct DocumentSummary {
    std::string input;
    std::string title;
    std::string language;
    int notes = 0;
    std::vector<OutputSummary> outputs;
    model::Report report;
    std::vector<std::pair<std::string, std::string>> extra;  // further key/value facts (numbers as text)
    // Files read besides the input and its sidecar (a style file, the cover, figures), as opened;
    // not in the JSON report: the batch mode hashes them to see whether the outputs are current.
    std::vector<std::filesystem::path> dependencies;
};

std::string escape_json(std::string_view text);
std::string report_to_json(const std::vector<DocumentSummary>& documents);

}  // namespace pamphlet::cli
