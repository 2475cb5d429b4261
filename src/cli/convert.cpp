#include "cli/convert.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "cli/atomic_file.hpp"
#include "cli/document_settings.hpp"
#include "epub/write_epub.hpp"
#include "layout/prepare.hpp"
#include "layout/style.hpp"
#include "layout/typeset.hpp"
#include "model/check.hpp"
#include "pdf/impose.hpp"
#include "pdf/write_pdf.hpp"
#include "readers/input_limits.hpp"
#include "readers/sidecar_metadata.hpp"
#include "readers/title_heading.hpp"

namespace pamphlet::cli {
namespace {

std::string read_input_bytes(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        throw model::InputError(path.string(), 0, 0, "is a folder, not a document");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw model::InputError(path.string(), 0, 0, "cannot read the file (does it exist?)");
    // Refuse a huge file before loading it.
    if (const auto size = std::filesystem::file_size(path, error); !error) readers::check_input_size(size, path.string());
    std::ostringstream content;
    content << in.rdbuf();
    return std::move(content).str();
}

// A title for documents that state none: the file name, made readable.
std::string title_from_file_name(const std::filesystem::path& path) {
    std::string title = path.stem().string();
    for (char& c : title)
        if (c == '-' || c == '_') c = ' ';
    if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    return title;
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code error;
    return std::filesystem::exists(b, error) && std::filesystem::equivalent(a, b, error);
}

std::string format_number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

// The style the document names for itself (or "default"). A style that cannot be loaded is the
// document's error: it names the line that asks for it, then what is wrong with the style.
layout::Style document_style(const model::Metadata& metadata, const std::filesystem::path& input) {
    const std::string name = style_for_document("", metadata, input);
    try {
        return layout::load_style(name);
    } catch (const layout::StyleError& error) {
        if (metadata.style.empty()) throw;
        const model::SourcePlace& place = metadata.style_named_at;
        throw model::InputError(place.file.empty() ? input.string() : place.file, place.line, 0,
                                "the style '" + metadata.style + "' cannot be used: " + error.what());
    }
}

pdf::ImposeOptions impose_options(const ImpositionRequest& request, const layout::Style& style,
                                  const model::Metadata& metadata) {
    pdf::ImposeOptions options;
    options.schema = !request.schema.empty()       ? request.schema
                     : !style.print.impose.empty() ? style.print.impose
                                                   : "booklet";
    const std::string sheet = !request.sheet.empty() ? request.sheet : style.print.sheet;
    std::tie(options.sheet_width_pt, options.sheet_height_pt) = layout::parse_paper_size(sheet.empty() ? "a4" : sheet);
    options.signature_range = request.signature_range;
    options.keep_back_cover = request.keep_back_cover;
    options.paper_thickness_mm = request.paper_thickness_mm;
    options.crop_marks = request.crop_marks;
    options.job_title = metadata.title;
    return options;
}

}  // namespace

OutputFormat output_format_for(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".epub") return OutputFormat::epub;
    if (extension == ".pdf") return OutputFormat::pdf;
    throw std::invalid_argument("cannot tell the output format of '" + path.string() +
                                "': use a name ending in .epub or .pdf");
}

model::Document load_document(const ConversionRequest& request, model::Report& report) {
    RunResources resources;
    return load_document(request, resources, report);
}

model::Document load_document(const ConversionRequest& request, RunResources& resources, model::Report& report) {
    const std::string file_name = request.input.string();
    // The small files first, so a typo in the metadata is reported before any slow work.
    std::optional<model::Metadata> sidecar_metadata;
    if (const auto sidecar = readers::find_sidecar(request.input)) sidecar_metadata = readers::read_sidecar(*sidecar);
    const std::string bytes = read_input_bytes(request.input);
    const std::string text = readers::decode_source(bytes, file_name, report);

    readers::InputFormat format;
    try {
        format = request.input_format ? *request.input_format : readers::format_from_extension(request.input);
    } catch (const std::invalid_argument& error) {
        throw model::InputError(file_name, 0, 0, error.what());
    }
    readers::check_input_limits(text, format, file_name);
    readers::ReadOptions options;
    options.file_name = file_name;
    options.disabled_repairs = request.disabled_repairs;
    // The language when known before reading (--lang, then the sidecar), so the plain-text reader
    // need not guess it.
    options.language = request.metadata_overrides.language;
    if (options.language.empty() && sidecar_metadata) options.language = sidecar_metadata->language;
    options.dictionaries = &resources.dictionaries;
    model::Document document = readers::read_document(text, format, options, report);

    if (sidecar_metadata) readers::overlay_metadata(document.metadata, *sidecar_metadata);
    readers::overlay_metadata(document.metadata, request.metadata_overrides);
    if (document.metadata.language.empty()) document.metadata.language = "en";
    readers::promote_title_heading(document);
    anchor_figures_at_input(document, request.input);
    if (document.metadata.title.empty()) {
        document.metadata.title = title_from_file_name(request.input);
        report.warn(file_name, 0,
                    "no title given; using \"" + document.metadata.title +
                        "\" (set it with --title, a NAME.toml beside the file, or front matter)");
    }

    if (const auto problems = model::check(document); !problems.empty()) {
        const model::Problem& first = problems.front();
        throw model::InputError(file_name, first.position.line, first.position.column,
                                "the document is malformed: " + first.message);
    }
    return document;
}

DocumentSummary convert(const ConversionRequest& request) {
    RunResources resources;
    return convert(request, resources);
}

DocumentSummary convert(const ConversionRequest& request, RunResources& resources) {
    DocumentSummary summary;
    summary.input = request.input.string();
    for (const OutputTarget& target : request.targets)
        if (same_file(request.input, target.path))
            throw model::InputError(summary.input, 0, 0,
                                    "refusing to write the output " + target.path.string() + " over the input");

    // A style named on the command line is loaded first, so a typo in it fails before any slow
    // work; otherwise the document may name its own (front matter, sidecar).
    std::optional<layout::Style> requested_style;
    if (!request.style.empty()) requested_style = layout::load_style(request.style);
    model::Document document = load_document(request, resources, summary.report);
    const layout::Style style = requested_style ? std::move(*requested_style) : document_style(document.metadata, request.input);
    const std::filesystem::path cover_image = cover_for_document(request.cover_image, document.metadata, request.input);
    // Files besides the input (and its sidecar) that decide the outputs, for a batch to watch.
    for (const std::string& file : style.files) summary.dependencies.emplace_back(file);
    if (!cover_image.empty()) summary.dependencies.push_back(cover_image);
    for (std::filesystem::path& figure : figure_files(document)) summary.dependencies.push_back(std::move(figure));
    const layout::NoteCounts notes = layout::prepare_document(document, style);
    summary.title = document.metadata.title;
    summary.language = document.metadata.language;
    summary.notes = notes.primary + notes.secondary;

    // Both the PDF and the EPUB's page list need the pages, so the layout runs once for all targets.
    // Its warnings (overfull lines, glyphs missing from the style's fonts, figures the PDF cannot
    // print) are about the printed pages: an EPUB-only conversion, which uses the pages only for
    // its page list, does not report them.
    const bool prints = std::any_of(request.targets.begin(), request.targets.end(),
                                    [](const OutputTarget& target) { return target.format != OutputFormat::epub; });
    model::Report layout_report;
    const layout::TypesetDocument pages =
        layout::typeset(document, style, resources.layout, prints ? summary.report : layout_report);

    // Render every output first, then write them: a failure in one format leaves no file changed.
    std::vector<std::pair<const OutputTarget*, std::string>> rendered;
    // The PDF is rendered once; booklet targets impose the document it keeps loaded.
    const bool imposes = std::any_of(request.targets.begin(), request.targets.end(),
                                     [](const OutputTarget& target) { return target.format == OutputFormat::booklet_pdf; });
    std::optional<pdf::RenderedPdf> plain_pdf;
    auto render_pdf = [&]() -> pdf::RenderedPdf& {
        if (!plain_pdf) {
            pdf::PdfOptions options;
            options.source_date_epoch = request.source_date_epoch;
            options.font_subsetter = &resources.font_subsetter;
            plain_pdf = pdf::write_pdf_document(pages, document.metadata, options);
            if (!imposes) plain_pdf->discard_loaded();  // nothing will impose it: free it now
        }
        return *plain_pdf;
    };
    for (const OutputTarget& target : request.targets) {
        std::string bytes;
        switch (target.format) {
            case OutputFormat::epub: {
                epub::EpubOptions options;
                options.embed_fonts = request.embed_fonts;
                options.font_subsetter = &resources.font_subsetter;
                options.cover_image = cover_image;
                options.source_date_epoch = request.source_date_epoch;
                bytes = epub::write_epub(document, style, pages.page_starts, options, summary.report);
                break;
            }
            case OutputFormat::pdf: bytes = render_pdf().bytes(); break;
            case OutputFormat::booklet_pdf: {
                pdf::ImpositionReport imposition;
                bytes = pdf::impose(render_pdf(), impose_options(request.imposition, style, document.metadata), &imposition);
                summary.extra = {{"imposition", escape_json(imposition.schema)},
                                 {"sheets", std::to_string(imposition.sheets)},
                                 {"blank_pages", std::to_string(imposition.blank_pages)},
                                 {"signatures", std::to_string(imposition.signatures)},
                                 {"spine_width_mm", format_number(imposition.spine_width_mm)}};
                break;
            }
        }
        rendered.emplace_back(&target, std::move(bytes));
    }
    for (auto& [target, bytes] : rendered) {
        write_file_atomically(target->path, bytes);
        const char* format_name = target->format == OutputFormat::epub ? "epub"
                                  : target->format == OutputFormat::pdf ? "pdf"
                                                                        : "booklet-pdf";
        summary.outputs.push_back({target->path.string(), format_name,
                                   target->format == OutputFormat::epub ? 0 : static_cast<int>(pages.pages.size()),
                                   bytes.size()});
    }
    return summary;
}

}  // namespace pamphlet::cli
