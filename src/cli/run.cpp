#include "cli/run.hpp"

#include <cstdlib>
#include <iostream>
#include <thread>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "cli/atomic_file.hpp"
#include "cli/batch.hpp"
#include "cli/convert.hpp"
#include "cli/report_json.hpp"
#include "layout/style.hpp"
#include "pdf/impose.hpp"
#include "model/diagnostics.hpp"

namespace pamphlet::cli {
namespace {

constexpr int exit_success = 0;
constexpr int exit_bad_input = 1;
constexpr int exit_bad_usage = 2;

struct Arguments {
    std::vector<std::string> inputs;
    std::string output;
    std::string out_dir;
    std::string style;
    std::string title, subtitle, language, date;
    std::vector<std::string> authors;
    std::string from;
    std::string report;
    std::vector<std::string> no_repair;
    bool embed_fonts = false;
    std::string cover;
    std::string impose, sheet, signature;
    bool keep_back_cover = false;
    bool crop_marks = false;
    double paper_thickness_mm = 0;
};

std::optional<std::int64_t> source_date_epoch_from_environment() {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (value == nullptr || *value == '\0') return std::nullopt;
    char* end = nullptr;
    const long long seconds = std::strtoll(value, &end, 10);
    if (*end != '\0' || seconds < 0) throw CLI::ValidationError("SOURCE_DATE_EPOCH must be a whole number of seconds");
    return seconds;
}

ConversionRequest base_request(const Arguments& arguments) {
    ConversionRequest request;
    request.style = arguments.style;
    request.metadata_overrides.title = arguments.title;
    request.metadata_overrides.subtitle = arguments.subtitle;
    request.metadata_overrides.language = arguments.language;
    request.metadata_overrides.date = arguments.date;
    for (const std::string& author : arguments.authors) request.metadata_overrides.contributors.push_back({author, "aut"});
    if (!arguments.from.empty()) request.input_format = readers::format_from_name(arguments.from);
    request.disabled_repairs.insert(arguments.no_repair.begin(), arguments.no_repair.end());
    request.source_date_epoch = source_date_epoch_from_environment();
    request.embed_fonts = arguments.embed_fonts;
    request.cover_image = arguments.cover;
    request.imposition.schema = arguments.impose;
    request.imposition.sheet = arguments.sheet;
    if (!arguments.signature.empty()) request.imposition.signature_range = pdf::parse_signature(arguments.signature);
    request.imposition.keep_back_cover = arguments.keep_back_cover;
    request.imposition.paper_thickness_mm = arguments.paper_thickness_mm;
    request.imposition.crop_marks = arguments.crop_marks;
    if (!arguments.sheet.empty()) layout::parse_paper_size(arguments.sheet);  // refuse a bad size before any work
    return request;
}

void print_warnings(const DocumentSummary& summary) {
    for (const model::Warning& warning : summary.report.warnings) {
        std::cerr << (warning.file.empty() ? summary.input : warning.file);
        if (warning.line > 0) std::cerr << ':' << warning.line;
        std::cerr << ": warning: " << warning.message << '\n';
    }
}

const char* help_footer =
    "\nExamples:\n"
    "  pamphlet essay.txt -o essay.pdf                 A5 PDF with the default style\n"
    "  pamphlet essay.md -o essay.epub --lang de       EPUB 3\n"
    "  pamphlet input/*.txt --out-dir out              EPUB, PDF and booklet PDF for each input\n"
    "  pamphlet essay.txt -o booklet.pdf --impose booklet --sheet a4\n"
    "  pamphlet build library/ --out-dir out -j 4      a whole folder, skipping unchanged documents\n"
    "\nMetadata comes from the input (Markdown front matter, Muse directives), a NAME.toml beside a\n"
    "plain-text input, and the options above, the options winning.\n"
    "Exit status: 0 success, 1 bad input (the message names file and line), 2 bad usage.\n"
    "Environment: SOURCE_DATE_EPOCH fixes the dates written into outputs; PAMPHLET_STYLES_DIR\n"
    "names the folder of named styles.\n";

// `pamphlet build DIR --out-dir OUT -j N`: the batch mode.
int run_build(int argc, char** argv) {
    CLI::App app{"pamphlet build: convert every document under a folder (EPUB, PDF, booklet PDF)", "pamphlet build"};
    app.footer("\nDocuments whose input, sidecar metadata, style and pamphlet build are unchanged since the\n"
               "last build into the same folder are skipped (use --force to rebuild). One failing document\n"
               "never stops the others; the exit status is 1 if any failed.\n");
    std::string folder, out_dir, style;
    int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    bool force = false;
    app.add_option("folder", folder, "Folder holding .txt, .md and .muse documents (searched recursively)")->required();
    app.add_option("--out-dir", out_dir, "Folder for the outputs (same layout as the input folder)")->required();
    app.add_option("-j,--jobs", jobs, "Documents converted at once (default: one per core)")->check(CLI::Range(1, 256));
    app.add_option("--style", style, "Style name (in styles/) or a style .toml file");
    app.add_flag("--force", force, "Rebuild every document");
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& done) {
        return app.exit(done);
    } catch (const CLI::ParseError& error) {
        app.exit(error);
        return exit_bad_usage;
    }
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) {
        std::cerr << "pamphlet: " << folder << ": not a folder\n";
        return exit_bad_usage;
    }
    BatchRequest request;
    request.input_folder = folder;
    request.output_folder = out_dir;
    request.jobs = jobs;
    request.force = force;
    request.common.style = style;
    request.show_progress = ::isatty(STDERR_FILENO) != 0;
    try {
        request.common.source_date_epoch = source_date_epoch_from_environment();
        const BatchResult result = run_batch(request);
        std::cout << format_batch_summary(result);
        return result.failures.empty() ? exit_success : exit_bad_input;
    } catch (const std::exception& failure) {
        std::cerr << "pamphlet: " << failure.what() << '\n';
        return exit_bad_input;
    }
}

}  // namespace

int run(int argc, char** argv) {
    if (argc > 1 && std::string_view(argv[1]) == "build") return run_build(argc - 1, argv + 1);

    CLI::App app{"pamphlet " PAMPHLET_VERSION ": turns a text into a print-ready PDF pamphlet and an EPUB e-book", "pamphlet"};
    app.footer(std::string(help_footer) + "\nImposition schemas, and which to choose for which printer:\n" + pdf::imposition_help());
    app.set_version_flag("--version", std::string("pamphlet ") + PAMPHLET_VERSION);
    Arguments arguments;
    app.add_option("inputs", arguments.inputs, "Input documents (.txt, .md, .muse)")->required();
    auto* output = app.add_option("-o,--output", arguments.output, "Output file; its extension (.pdf or .epub) picks the format");
    auto* out_dir = app.add_option("--out-dir", arguments.out_dir, "Write NAME.epub and NAME.pdf for every input into this folder");
    output->excludes(out_dir);
    app.add_option("--style", arguments.style, "Style name (in styles/) or a style .toml file");
    app.add_option("--title", arguments.title, "Document title");
    app.add_option("--subtitle", arguments.subtitle, "Document subtitle");
    app.add_option("--author", arguments.authors, "Author (repeat for several)")->allow_extra_args(false);
    app.add_option("--lang", arguments.language, "Document language (BCP 47, e.g. en, de, fr)");
    app.add_option("--date", arguments.date, "Publication date, YYYY[-MM[-DD]]")
        ->check([](const std::string& value) -> std::string {
            const bool ok = (value.size() == 4 || value.size() == 7 || value.size() == 10) &&
                            std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '-'; });
            return ok ? "" : "must be YYYY, YYYY-MM or YYYY-MM-DD";
        });
    app.add_option("--from", arguments.from, "Input format: text, markdown or muse (default: from the extension)");
    app.add_option("--report", arguments.report, "Write a JSON report (warnings, repairs, pages) to this file");
    app.add_option("--no-repair", arguments.no_repair, "Turn a plain-text repair pass off (repeatable)")->allow_extra_args(false);
    app.add_flag("--embed-fonts", arguments.embed_fonts, "Embed the style's fonts in the EPUB, subset to the characters used");
    app.add_option("--cover", arguments.cover, "Cover image for the EPUB (default: a generated typographic cover)");
    auto* impose = app.add_option("--impose", arguments.impose, "Impose the PDF for printing: booklet, duplex-booklet, 2up, 4up, zine (see below)")
        ->check(CLI::IsMember(pdf::imposition_schemas()));
    app.add_option("--sheet", arguments.sheet, "Printer sheet for --impose: a4, a3, letter, legal, tabloid or WxH with mm/in (default a4)");
    app.add_option("--signature", arguments.signature, "Booklet signature size in pages, or a range (12-32) to choose the fewest blanks");
    app.add_flag("--keep-back-cover", arguments.keep_back_cover, "Booklet: keep the last page last, blanks before it");
    app.add_option("--paper-thickness", arguments.paper_thickness_mm, "Booklet: paper thickness in mm, for creep and spine width")
        ->check(CLI::Range(0.0, 2.0));
    app.add_flag("--crop-marks", arguments.crop_marks, "Draw crop and fold marks and a job line when the sheet has room");
    (void)impose;

    try {
        app.parse(argc, argv);
        if (arguments.output.empty() && arguments.out_dir.empty())
            throw CLI::ValidationError("give -o OUTPUT.pdf|OUTPUT.epub or --out-dir DIR");
        if (!arguments.output.empty() && arguments.inputs.size() > 1)
            throw CLI::ValidationError("-o takes one input; use --out-dir for several");
    } catch (const CLI::Success& done) {
        return app.exit(done);
    } catch (const CLI::ParseError& error) {
        app.exit(error);
        return exit_bad_usage;
    }

    std::vector<DocumentSummary> summaries;
    int status = exit_success;
    try {
        const ConversionRequest common = base_request(arguments);
        RunResources resources;  // fonts, patterns, dictionaries: loaded once for every input
        for (const std::string& input : arguments.inputs) {
            ConversionRequest request = common;
            request.input = input;
            if (!arguments.output.empty()) {
                OutputFormat format = output_format_for(arguments.output);
                if (format == OutputFormat::pdf && !arguments.impose.empty()) format = OutputFormat::booklet_pdf;
                if (format == OutputFormat::epub && !arguments.impose.empty())
                    throw std::invalid_argument("--impose applies to PDF output, not EPUB");
                request.targets.push_back({arguments.output, format});
            } else {
                const std::filesystem::path folder = arguments.out_dir;
                const std::string stem = request.input.stem().string();
                request.targets.push_back({folder / (stem + ".epub"), OutputFormat::epub});
                request.targets.push_back({folder / (stem + ".pdf"), OutputFormat::pdf});
                request.targets.push_back({folder / (stem + "-booklet.pdf"), OutputFormat::booklet_pdf});
            }
            try {
                summaries.push_back(convert(request, resources));
                print_warnings(summaries.back());
            } catch (const model::InputError& error) {
                std::cerr << "pamphlet: " << error.located_message() << '\n';
                status = exit_bad_input;
            } catch (const layout::StyleError& error) {
                std::cerr << "pamphlet: style " << error.what() << '\n';
                status = exit_bad_input;
            } catch (const OutputError& error) {
                std::cerr << "pamphlet: " << error.what() << '\n';
                status = exit_bad_input;
            } catch (const std::invalid_argument& error) {
                throw;  // bad usage: stop at once
            } catch (const std::exception& error) {
                // A bug or a library failure on this document: report it, go on with the others.
                std::cerr << "pamphlet: " << input << ": internal error: " << error.what() << '\n';
                status = exit_bad_input;
            }
        }
        if (!arguments.report.empty()) write_file_atomically(arguments.report, report_to_json(summaries));
    } catch (const std::invalid_argument& error) {
        std::cerr << "pamphlet: " << error.what() << '\n';
        return exit_bad_usage;
    } catch (const CLI::ValidationError& error) {
        std::cerr << "pamphlet: " << error.what() << '\n';
        return exit_bad_usage;
    } catch (const OutputError& error) {
        std::cerr << "pamphlet: " << error.what() << '\n';
        return exit_bad_input;
    } catch (const std::exception& error) {
        std::cerr << "pamphlet: internal error: " << error.what() << '\n';
        return exit_bad_input;
    }
    return status;
}

}  // namespace pamphlet::cli
