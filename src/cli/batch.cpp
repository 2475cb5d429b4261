#include "cli/batch.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "cli/atomic_file.hpp"
#include "cli/content_hash.hpp"
#include "layout/deflate.hpp"
#include "layout/style.hpp"
#include "readers/sidecar_metadata.hpp"

namespace pamphlet::cli {
namespace {

constexpr const char* cache_file_name = ".pamphlet-build-state";

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// What decides whether a document's outputs are current, as far as is known before reading it:
// the tool and the style files (`run_fingerprint`, the same for every document of a run), the
// options, the input and its sidecar. The files the document itself pulls in are added by
// with_dependencies().
std::string fingerprint(const std::filesystem::path& input, const ConversionRequest& common,
                        const std::string& run_fingerprint) {
    ContentHash hash;
    hash.add(run_fingerprint);
    hash.add(common.style);
    const model::Metadata& overrides = common.metadata_overrides;
    for (const std::string* field : {&overrides.title, &overrides.subtitle, &overrides.language, &overrides.date})
        hash.add(*field);
    for (const auto& contributor : overrides.contributors) hash.add(contributor.name + "/" + contributor.role);
    for (const std::string& pass : common.disabled_repairs) hash.add(pass);
    hash.add(common.embed_fonts ? "fonts" : "");
    hash.add(common.source_date_epoch ? std::to_string(*common.source_date_epoch) : "");
    hash.add(common.cover_image.string());
    hash.add(read_bytes(input));
    if (const auto sidecar = readers::find_sidecar(input)) hash.add(read_bytes(*sidecar));
    return hash.hex();
}

// The fingerprint extended by the files a conversion read besides the input: its style file and
// the bases it names, its cover, its figures. A missing file counts as a content of its own, so a
// figure that appears later makes the document build again.
std::string with_dependencies(const std::string& fingerprint, const std::vector<std::filesystem::path>& files) {
    ContentHash hash;
    hash.add(fingerprint);
    for (const auto& file : files) {
        hash.add(file.string());
        std::error_code error;
        if (std::filesystem::is_regular_file(file, error)) hash.add("file\n" + read_bytes(file));
        else hash.add("missing");
    }
    return hash.hex();
}

// The program itself: its version and its executable's size and CRC-32. A pamphlet built again
// from changed sources keeps its version string, and its outputs may differ all the same (new
// typesetting, new repairs): they must not be taken for current. The CRC (libdeflate's, a few
// milliseconds for a 12 MB executable, once per batch run) only has to tell builds apart, not
// resist forgery. Where the executable cannot be read, the version alone counts.
std::string fingerprint_tool() {
    ContentHash hash;
    hash.add(PAMPHLET_VERSION);
    std::ifstream in("/proc/self/exe", std::ios::binary);
    std::vector<char> buffer(1 << 20);
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        crc = layout::crc32(std::string_view(buffer.data(), got), crc);
        size += got;
    }
    hash.add(std::to_string(size) + " " + std::to_string(crc));
    return hash.hex();
}

std::string fingerprint_styles(const ConversionRequest& common) {
    ContentHash hash;
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(layout::styles_directory(), error))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (layout::names_style_file(common.style)) files.push_back(common.style);
    for (const auto& file : files) hash.add(file.filename().string() + "\n" + read_bytes(file));
    return hash.hex();
}

// What the last build into a folder knew of each document (by its path under the input folder).
struct BuildRecord {
    std::string hash;                                // with_dependencies() at that build
    std::vector<std::filesystem::path> dependencies;  // absolute
};

// The state file: a line "HASH RELATIVE-PATH" per document, then a line "+ PATH" per file it
// depends on. A file in an older or damaged format reads as empty: everything builds again.
std::map<std::string, BuildRecord> read_state(const std::filesystem::path& folder) {
    std::map<std::string, BuildRecord> state;
    std::ifstream in(folder / cache_file_name);
    BuildRecord* current = nullptr;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("+ ")) {
            if (current) current->dependencies.emplace_back(line.substr(2));
            continue;
        }
        const std::size_t space = line.find(' ');
        if (space == std::string::npos) return {};
        current = &state[line.substr(space + 1)];
        *current = {line.substr(0, space), {}};
    }
    return state;
}

void write_state(const std::filesystem::path& folder, const std::map<std::string, BuildRecord>& state) {
    std::string text;
    for (const auto& [relative, record] : state) {
        text += record.hash + " " + relative + "\n";
        for (const auto& file : record.dependencies) text += "+ " + file.string() + "\n";
    }
    write_file_atomically(folder / cache_file_name, text);
}

std::string format_duration(double seconds) {
    const int total = static_cast<int>(seconds + 0.5);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%d:%02d", total / 60, total % 60);
    return buffer;
}

}  // namespace

std::vector<std::filesystem::path> find_batch_inputs(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> inputs;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        std::string extension = entry.path().extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (extension == ".txt" || extension == ".md" || extension == ".markdown" || extension == ".muse")
            inputs.push_back(entry.path());
    }
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

BatchResult run_batch(const BatchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    const std::vector<std::filesystem::path> inputs = find_batch_inputs(request.input_folder);
    std::filesystem::create_directories(request.output_folder);
    const std::map<std::string, BuildRecord> previous = read_state(request.output_folder);
    const std::string run_fingerprint = fingerprint_tool() + fingerprint_styles(request.common);

    struct Outcome {
        enum class Kind { converted, skipped, failed } kind = Kind::failed;
        BuildRecord record;
        std::string reason;
        DocumentSummary summary;
    };
    std::vector<Outcome> outcomes(inputs.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::mutex progress_mutex;
    // Fonts, patterns and dictionaries are loaded once for the whole library, shared by the workers.
    RunResources resources;

    auto work = [&] {
        for (std::size_t index = next++; index < inputs.size(); index = next++) {
            const std::filesystem::path& input = inputs[index];
            const std::filesystem::path relative = std::filesystem::relative(input, request.input_folder);
            Outcome& outcome = outcomes[index];
            ConversionRequest conversion = request.common;
            conversion.input = input;
            const std::filesystem::path stem = request.output_folder / relative.parent_path() / relative.stem();
            conversion.targets = {{stem.string() + ".epub", OutputFormat::epub},
                                  {stem.string() + ".pdf", OutputFormat::pdf},
                                  {stem.string() + "-booklet.pdf", OutputFormat::booklet_pdf}};
            try {
                const std::string own = fingerprint(input, request.common, run_fingerprint);
                const auto known = previous.find(relative.string());
                const bool outputs_exist = std::all_of(conversion.targets.begin(), conversion.targets.end(),
                                                       [](const OutputTarget& t) { return std::filesystem::exists(t.path); });
                if (!request.force && known != previous.end() && outputs_exist &&
                    with_dependencies(own, known->second.dependencies) == known->second.hash) {
                    outcome.record = known->second;
                    outcome.kind = Outcome::Kind::skipped;
                } else {
                    std::filesystem::create_directories(stem.parent_path());
                    outcome.summary = convert(conversion, resources);
                    for (const auto& file : outcome.summary.dependencies)
                        outcome.record.dependencies.push_back(std::filesystem::absolute(file).lexically_normal());
                    outcome.record.hash = with_dependencies(own, outcome.record.dependencies);
                    outcome.kind = Outcome::Kind::converted;
                }
            } catch (const model::InputError& error) {
                outcome.reason = error.located_message();
            } catch (const std::exception& error) {
                outcome.reason = error.what();
            }
            const std::size_t finished = ++done;
            if (request.show_progress) {
                const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                const double remaining = elapsed / static_cast<double>(finished) * static_cast<double>(inputs.size() - finished);
                std::lock_guard lock(progress_mutex);
                std::fprintf(stderr, "\r\033[K[%zu/%zu] %s  ETA %s", finished, inputs.size(),
                             relative.string().c_str(), format_duration(remaining).c_str());
                std::fflush(stderr);
            }
        }
    };
    const int workers = std::clamp(request.jobs, 1, 256);
    {
        std::vector<std::jthread> pool;
        for (int w = 1; w < workers; ++w) pool.emplace_back(work);
        work();
    }
    if (request.show_progress) std::fprintf(stderr, "\r\033[K");

    BatchResult result;
    result.documents = static_cast<int>(inputs.size());
    std::map<std::string, BuildRecord> state;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        Outcome& outcome = outcomes[i];
        const std::string relative = std::filesystem::relative(inputs[i], request.input_folder).string();
        switch (outcome.kind) {
            case Outcome::Kind::converted:
                ++result.converted;
                for (const auto& output : outcome.summary.outputs)
                    if (output.format == "pdf") result.pages += output.pages;
                state[relative] = std::move(outcome.record);
                result.summaries.push_back(std::move(outcome.summary));
                break;
            case Outcome::Kind::skipped:
                ++result.skipped;
                state[relative] = std::move(outcome.record);
                break;
            case Outcome::Kind::failed: result.failures.push_back({inputs[i].string(), outcome.reason}); break;
        }
    }
    write_state(request.output_folder, state);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

std::string format_batch_summary(const BatchResult& result) {
    char line[256];
    std::string out;
    std::snprintf(line, sizeof line, "%-10s %9s %9s %7s %7s %9s\n", "documents", "converted", "unchanged", "failed",
                  "pages", "seconds");
    out += line;
    std::snprintf(line, sizeof line, "%-10d %9d %9d %7zu %7d %9.2f\n", result.documents, result.converted,
                  result.skipped, result.failures.size(), result.pages, result.seconds);
    out += line;
    for (const BatchFailure& failure : result.failures) {
        // Most reasons already start with the document ("essay.md:3: ..."): name it once.
        const bool named = failure.reason.starts_with(failure.input + ":");
        out += "failed: " + (named ? failure.reason : failure.input + ": " + failure.reason) + "\n";
    }
    return out;
}

}  // namespace pamphlet::cli
