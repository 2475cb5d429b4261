// One document from input file to output files: the pipeline every command runs. A library
// function, so tests (and the batch mode) call exactly what the command line calls.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/report_json.hpp"
#include "layout/font_subset.hpp"
#include "layout/resources.hpp"
#include "model/document.hpp"
#include "readers/dictionary.hpp"
#include "readers/read_document.hpp"

namespace pamphlet::cli {

// booklet_pdf: the PDF imposed on printer sheets (see ImpositionRequest).
enum class OutputFormat { epub, pdf, booklet_pdf };

// How to impose a booklet_pdf target. Empty schema and sheet fall back to the style's [print]
// settings, then to a booklet on A4.
struct ImpositionRequest {
    std::string schema;
    std::string sheet;
    std::optional<std::pair<int, int>> signature_range;
    bool keep_back_cover = false;
    double paper_thickness_mm = 0;
    bool crop_marks = false;
};

struct OutputTarget {
    std::filesystem::path path;
    OutputFormat format = OutputFormat::pdf;
};

struct ConversionRequest {
    std::filesystem::path input;
    std::optional<readers::InputFormat> input_format;  // unset: from the extension
    std::string style;                                  // name or file; empty: "default"
    // From the command line; empty fields are unset. Metadata defaults its language to "en",
    // which as an override would hide the document's own language, so it starts empty here.
    model::Metadata metadata_overrides = [] {
        model::Metadata none;
        none.language.clear();
        return none;
    }();
    std::set<std::string> disabled_repairs;
    std::optional<std::int64_t> source_date_epoch;
    bool embed_fonts = false;
    std::filesystem::path cover_image;
    ImpositionRequest imposition;
    std::vector<OutputTarget> targets;
};

// The output format for a path's extension: .epub or .pdf. Throws std::invalid_argument.
OutputFormat output_format_for(const std::filesystem::path& path);

// What a run reads from disk once for all its documents: font files, hyphenation patterns and
// spelling dictionaries, each loaded lazily on first use. Thread-safe: the command line's inputs
// and a batch's workers share one. Outputs do not depend on what it already holds.
struct RunResources {
    layout::LayoutResources layout;
    readers::Dictionaries dictionaries;
    layout::FontSubsetter font_subsetter;  // fonts parsed for subsetting once, for PDF and EPUB
};

// Reads, checks, prepares and writes every target. Throws model::InputError for bad input,
// layout::StyleError for a bad style, OutputError when a file cannot be written; on any throw no
// target has been replaced by a partial file.
DocumentSummary convert(const ConversionRequest& request, RunResources& resources);
DocumentSummary convert(const ConversionRequest& request);  // with resources of its own

// The document as the backends will see it (read, metadata merged, checked, prepared), without
// writing anything. For tests and tools.
model::Document load_document(const ConversionRequest& request, RunResources& resources, model::Report& report);
model::Document load_document(const ConversionRequest& request, model::Report& report);

}  // namespace pamphlet::cli
