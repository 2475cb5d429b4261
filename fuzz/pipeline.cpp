// The whole pipeline to both formats, in memory: read (the first byte picks the format), prepare,
// typeset, write the PDF and the EPUB. Once the reader accepted the input nothing after it may
// throw, and both files must pass a structural check (libzip + pugixml for the EPUB, libqpdf for
// the PDF).
#include "epub/write_epub.hpp"
#include "fuzz_support.hpp"
#include "layout/prepare.hpp"
#include "layout/style.hpp"
#include "layout/typeset.hpp"
#include "output_checks.hpp"
#include "pdf/write_pdf.hpp"

namespace {

// Loading fonts and the style is slow; every input shares one read-only copy.
const pamphlet::layout::Style& default_style() {
    static const pamphlet::layout::Style style = pamphlet::layout::load_style("default");
    return style;
}

// Fonts and hyphenation patterns, loaded once for the fuzzing process as for one run of the
// command (harness state: the library itself keeps no such cache).
const pamphlet::layout::LayoutResources& layout_resources() {
    static const pamphlet::layout::LayoutResources resources;
    return resources;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    using namespace pamphlet;
    using fuzz::finding;
    if (size < 1) return 0;
    const auto format = static_cast<readers::InputFormat>(data[0] % 3);
    model::Report report;
    std::optional<model::Document> document = fuzz::read_like_the_command(fuzz::as_text(data + 1, size - 1), format, report);
    if (!document) return 0;
    // What the command fills in when the input names neither (cli::load_document).
    if (document->metadata.language.empty()) document->metadata.language = "en";
    if (document->metadata.title.empty()) document->metadata.title = "Fuzz";

    const layout::Style& style = default_style();
    try {
        layout::prepare_document(*document, style);
        const layout::TypesetDocument pages = layout::typeset(*document, style, layout_resources(), report);
        const std::string pdf_bytes = pdf::write_pdf(pages, document->metadata, pdf::PdfOptions{});
        if (std::string problem = fuzz::pdf_structure_problem(pdf_bytes, pages.pages.size()); !problem.empty())
            finding("the PDF is damaged:", problem);
        const std::string epub_bytes =
            epub::write_epub(*document, style, pages.page_starts, epub::EpubOptions{}, report);
        if (std::string problem = fuzz::epub_structure_problem(epub_bytes); !problem.empty())
            finding("the EPUB is damaged:", problem);
    } catch (const std::exception& error) {
        finding("a checked document made the layout or a backend throw:", error.what());
    }
    return 0;
}
