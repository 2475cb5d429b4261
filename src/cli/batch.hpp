// Batch mode: `pamphlet build DIR --out-dir OUT -j N` converts a whole library with a thread
// pool, skipping documents whose inputs, style and pamphlet build (version and executable) are
// unchanged since the last run.
// One document is the unit of work, so a library can also be split across machines by any
// scheduler (make -j, GNU parallel, a job array) running `pamphlet build` or plain `pamphlet`.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cli/convert.hpp"

namespace pamphlet::cli {

struct BatchRequest {
    std::filesystem::path input_folder;
    std::filesystem::path output_folder;
    int jobs = 1;
    bool force = false;                // rebuild even when nothing changed
    ConversionRequest common;          // style, overrides, options shared by every document
    bool show_progress = false;        // a live line on a terminal
};

struct BatchFailure {
    std::string input;
    std::string reason;
};

struct BatchResult {
    int documents = 0;
    int converted = 0;
    int skipped = 0;  // unchanged since the last run
    int pages = 0;
    double seconds = 0;
    std::vector<BatchFailure> failures;
    std::vector<DocumentSummary> summaries;  // converted documents, in input order
};

// The inputs a batch converts: every .txt, .md, .markdown and .muse file under `folder`, sorted.
std::vector<std::filesystem::path> find_batch_inputs(const std::filesystem::path& folder);

BatchResult run_batch(const BatchRequest& request);

// The summary table printed at the end of a batch.
std::string format_batch_summary(const BatchResult& result);

}  // namespace pamphlet::cli
