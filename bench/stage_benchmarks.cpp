// Time per pipeline stage, per document: read (file, decode, read, repair, check), prepare,
// typeset, write_pdf, write_epub, impose. Each stage is timed alone on the output of the stages
// before it, calling the same library functions src/cli/convert.cpp calls, on one thread.
//
//     bench_stages [google-benchmark flags] [DOCUMENT...]
//
// Without documents it takes the seed essay and every text of the shared corpus. A stage that
// throws (for example "not available yet" while a backend is unfinished) is reported as skipped
// with the message, and every stage that needs its result says so; the other stages still run.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/convert.hpp"
#include "epub/write_epub.hpp"
#include "layout/prepare.hpp"
#include "layout/style.hpp"
#include "layout/typeset.hpp"
#include "pdf/impose.hpp"
#include "pdf/write_pdf.hpp"

namespace {

namespace fs = std::filesystem;
using namespace pamphlet;

// A stage's result, or why there is none. Stages run once, lazily, to feed the next stage.
template <typename T>
struct StageResult {
    std::optional<T> value;
    std::string error;  // empty when value is set
};

template <typename T>
StageResult<T> attempt(const std::function<T()>& work) {
    StageResult<T> result;
    try {
        result.value.emplace(work());
    } catch (const std::exception& error) {
        result.error = error.what();
        if (result.error.empty()) result.error = "failed";
    }
    return result;
}

// One document's pipeline, each stage computed at most once as input for the stage after it.
class DocumentPipeline {
public:
    // `resources`: the run's fonts, patterns and dictionaries, shared by every document and
    // stage as in one `pamphlet` run, so the stages time warm per-document work and the loading
    // shows in the whole runs' "outside stages".
    DocumentPipeline(fs::path input, std::shared_ptr<cli::RunResources> resources) : resources_(std::move(resources)) {
        request_.input = std::move(input);
        // As the command line does (src/cli/run.cpp): no override, so the document's own language
        // (or the reader's guess) decides, and with it the hyphenation patterns and dictionaries.
        request_.metadata_overrides.language.clear();
    }

    const fs::path& input() const { return request_.input; }
    cli::RunResources& resources() const { return *resources_; }
    const cli::ConversionRequest& request() const { return request_; }

    const StageResult<layout::Style>& style() {
        if (!style_) style_ = attempt<layout::Style>([] { return layout::load_style("default"); });
        return *style_;
    }
    const StageResult<model::Document>& read() {
        if (!read_)
            read_ = attempt<model::Document>([this] {
                model::Report report;
                return cli::load_document(request_, *resources_, report);
            });
        return *read_;
    }
    const StageResult<model::Document>& prepared() {
        if (!prepared_)
            prepared_ = attempt<model::Document>([this] {
                model::Document document = value_of(read(), "read");
                layout::prepare_document(document, value_of(style(), "style"));
                return document;
            });
        return *prepared_;
    }
    const StageResult<layout::TypesetDocument>& pages() {
        if (!pages_)
            pages_ = attempt<layout::TypesetDocument>([this] {
                model::Report report;
                return layout::typeset(value_of(prepared(), "prepare"), value_of(style(), "style"),
                                       resources_->layout, report);
            });
        return *pages_;
    }
    const StageResult<std::string>& pdf() {
        if (!pdf_)
            pdf_ = attempt<std::string>([this] {
                return pdf::write_pdf(value_of(pages(), "typeset"), value_of(read(), "read").metadata, {});
            });
        return *pdf_;
    }

    // The value of a finished stage, or a throw that names the stage it is missing.
    template <typename T>
    static const T& value_of(const StageResult<T>& result, const char* stage) {
        if (!result.value) throw std::runtime_error(std::string("needs ") + stage + ": " + result.error);
        return *result.value;
    }

private:
    std::shared_ptr<cli::RunResources> resources_;
    cli::ConversionRequest request_;
    std::optional<StageResult<layout::Style>> style_;
    std::optional<StageResult<model::Document>> read_;
    std::optional<StageResult<model::Document>> prepared_;
    std::optional<StageResult<layout::TypesetDocument>> pages_;
    std::optional<StageResult<std::string>> pdf_;
};

// Runs `body` in the benchmark loop; a throw from it or from its setup skips the benchmark with
// the message instead of ending the whole run.
template <typename Body>
void run_guarded(benchmark::State& state, Body body) {
    try {
        body(state);
    } catch (const std::exception& error) {
        state.SkipWithError(error.what());
    }
}

void set_page_counters(benchmark::State& state, const layout::TypesetDocument& pages) {
    const auto page_count = static_cast<double>(pages.pages.size());
    state.counters["pages"] = page_count;
    state.counters["pages_per_s"] = benchmark::Counter(page_count, benchmark::Counter::kIsIterationInvariantRate);
}

// CPU seconds of the whole process (every thread) spent in `work`.
template <typename Work>
double process_cpu_seconds(const Work& work) {
    auto now = [] {
        timespec time{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time);
        return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_nsec) * 1e-9;
    };
    const double start = now();
    work();
    return now() - start;
}

// One stage, set up for a document: `once` does the stage's work one time (what the loop times;
// `loop` is the running benchmark inside its loop, null outside), `counters` adds facts about the
// result afterwards.
struct StageCall {
    std::function<void(benchmark::State* loop)> once;
    std::function<void(benchmark::State&)> counters;
};
using StageSetup = std::function<StageCall(benchmark::State&, DocumentPipeline&)>;

void register_stage(const std::shared_ptr<DocumentPipeline>& pipeline, const std::string& stage, StageSetup setup) {
    const std::string name = stage + "/" + pipeline->input().stem().string();
    // The first call in the process pays for what later calls find cached (dictionaries, fonts,
    // hyphenation patterns): measured once, before the loop, and reported as first_call_cpu_ms.
    auto first_call = std::make_shared<std::optional<double>>();
    benchmark::RegisterBenchmark(name.c_str(),
                                 [pipeline, setup, first_call](benchmark::State& state) {
                                     run_guarded(state, [&](benchmark::State& s) {
                                         const StageCall call = setup(s, *pipeline);
                                         if (!*first_call) *first_call = process_cpu_seconds([&] { call.once(nullptr); });
                                         for (auto _ : s) call.once(&s);
                                         s.counters["first_call_cpu_ms"] = **first_call * 1000;
                                         if (call.counters) call.counters(s);
                                     });
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MeasureProcessCPUTime();
}

void register_document(const std::shared_ptr<DocumentPipeline>& pipeline) {
    register_stage(pipeline, "read", [](benchmark::State&, DocumentPipeline& p) {
        auto blocks = std::make_shared<std::size_t>(0);
        const auto bytes = static_cast<double>(fs::file_size(p.input()));
        return StageCall{[&p, blocks](benchmark::State*) {
                             model::Report report;
                             model::Document document = cli::load_document(p.request(), p.resources(), report);
                             *blocks = document.blocks.size();
                             benchmark::DoNotOptimize(document);
                         },
                         [blocks, bytes](benchmark::State& state) {
                             state.counters["blocks"] = static_cast<double>(*blocks);
                             state.counters["input_bytes_per_s"] =
                                 benchmark::Counter(bytes, benchmark::Counter::kIsIterationInvariantRate);
                         }};
    });
    register_stage(pipeline, "prepare", [](benchmark::State&, DocumentPipeline& p) {
        const model::Document& read = DocumentPipeline::value_of(p.read(), "read");
        const layout::Style& style = DocumentPipeline::value_of(p.style(), "style");
        return StageCall{[&read, &style](benchmark::State* loop) {
                             if (loop) loop->PauseTiming();  // the copy is the benchmark's, not the pipeline's
                             model::Document document = read;
                             if (loop) loop->ResumeTiming();
                             benchmark::DoNotOptimize(layout::prepare_document(document, style));
                         },
                         {}};
    });
    register_stage(pipeline, "typeset", [](benchmark::State&, DocumentPipeline& p) {
        const model::Document& document = DocumentPipeline::value_of(p.prepared(), "prepare");
        const layout::Style& style = DocumentPipeline::value_of(p.style(), "style");
        return StageCall{[&document, &style, &p](benchmark::State*) {
                             model::Report report;
                             layout::TypesetDocument pages = layout::typeset(document, style, p.resources().layout, report);
                             benchmark::DoNotOptimize(pages);
                         },
                         [&p](benchmark::State& state) {
                             set_page_counters(state, DocumentPipeline::value_of(p.pages(), "typeset"));
                         }};
    });
    register_stage(pipeline, "write_pdf", [](benchmark::State&, DocumentPipeline& p) {
        const layout::TypesetDocument& pages = DocumentPipeline::value_of(p.pages(), "typeset");
        const model::Metadata& metadata = DocumentPipeline::value_of(p.read(), "read").metadata;
        auto bytes = std::make_shared<std::size_t>(0);
        return StageCall{[&pages, &metadata, bytes](benchmark::State*) {
                             const std::string pdf = pdf::write_pdf(pages, metadata, {});
                             *bytes = pdf.size();
                             benchmark::DoNotOptimize(pdf.data());
                         },
                         [&pages, bytes](benchmark::State& state) {
                             state.counters["output_kB"] = static_cast<double>(*bytes) / 1000.0;
                             set_page_counters(state, pages);
                         }};
    });
    register_stage(pipeline, "write_epub", [](benchmark::State&, DocumentPipeline& p) {
        const model::Document& document = DocumentPipeline::value_of(p.prepared(), "prepare");
        const layout::Style& style = DocumentPipeline::value_of(p.style(), "style");
        const layout::TypesetDocument& pages = DocumentPipeline::value_of(p.pages(), "typeset");
        auto bytes = std::make_shared<std::size_t>(0);
        return StageCall{[&document, &style, &pages, bytes](benchmark::State*) {
                             model::Report report;
                             const std::string epub = epub::write_epub(document, style, pages.page_starts, {}, report);
                             *bytes = epub.size();
                             benchmark::DoNotOptimize(epub.data());
                         },
                         [bytes](benchmark::State& state) {
                             state.counters["output_kB"] = static_cast<double>(*bytes) / 1000.0;
                         }};
    });
    register_stage(pipeline, "impose", [](benchmark::State&, DocumentPipeline& p) {
        const std::string& pdf_bytes = DocumentPipeline::value_of(p.pdf(), "write_pdf");
        auto options = std::make_shared<pdf::ImposeOptions>();  // the CLI's default: a booklet on A4
        options->schema = "booklet";
        std::tie(options->sheet_width_pt, options->sheet_height_pt) = layout::parse_paper_size("a4");
        auto bytes = std::make_shared<std::size_t>(0);
        return StageCall{[&pdf_bytes, options, bytes](benchmark::State*) {
                             const std::string sheets = pdf::impose(pdf_bytes, *options);
                             *bytes = sheets.size();
                             benchmark::DoNotOptimize(sheets.data());
                         },
                         [bytes](benchmark::State& state) {
                             state.counters["output_kB"] = static_cast<double>(*bytes) / 1000.0;
                         }};
    });
}

std::vector<fs::path> default_documents() {
    std::vector<fs::path> documents{fs::path(PAMPHLET_SOURCE_DIR) / "input" / "russian-question.txt"};
    std::vector<fs::path> corpus;
    for (const auto& entry : fs::directory_iterator(fs::path(PAMPHLET_SHARED_DIR) / "corpus")) {
        const std::string extension = entry.path().extension().string();
        if (extension == ".txt" || extension == ".md" || extension == ".muse") corpus.push_back(entry.path());
    }
    std::sort(corpus.begin(), corpus.end());
    documents.insert(documents.end(), corpus.begin(), corpus.end());
    return documents;
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);  // removes the flags it knows; documents remain
    std::vector<fs::path> documents;
    for (int i = 1; i < argc; ++i) documents.emplace_back(argv[i]);
    if (documents.empty()) documents = default_documents();

    // Pipelines live until the end of main: the registered benchmarks refer to them.
    std::vector<std::shared_ptr<DocumentPipeline>> pipelines;
    const auto resources = std::make_shared<cli::RunResources>();  // one run's, as in `pamphlet`
    for (const fs::path& document : documents) {
        pipelines.push_back(std::make_shared<DocumentPipeline>(document, resources));
        register_document(pipelines.back());
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
