// The real texts: the seed essay and every corpus text, read by the readers, prepared and
// typeset like the pipeline does, written as EPUB and checked by epubcheck and DAISY Ace. The
// page list must have one entry per page of the typeset (PDF) edition.
#include <gtest/gtest.h>

#include <optional>
#include <sstream>

#include "epub_test_support.hpp"
#include "layout/typeset.hpp"
#include "readers/read_document.hpp"
#include "readers/sidecar_metadata.hpp"

namespace pamphlet::epub::testing {
namespace {

const std::filesystem::path corpus_dir = std::filesystem::path(PAMPHLET_SHARED_DIR) / "corpus";

std::vector<std::filesystem::path> texts() {
    std::vector<std::filesystem::path> inputs = {source_dir / "input/russian-question.txt"};
    if (std::filesystem::exists(corpus_dir)) {
        std::vector<std::filesystem::path> corpus;
        for (const auto& entry : std::filesystem::directory_iterator(corpus_dir)) {
            const auto extension = entry.path().extension();
            const bool text = extension == ".txt" || extension == ".md";
            if (text && entry.path().filename() != "SOURCES.md") corpus.push_back(entry.path());
        }
        std::sort(corpus.begin(), corpus.end());
        inputs.insert(inputs.end(), corpus.begin(), corpus.end());
    }
    return inputs;
}

struct Book {
    std::string epub;
    std::size_t print_pages = 0;
    std::string skip_reason;  // non-empty: a stage this test relies on is not available
};

// Reads, prepares and typesets one text as the CLI does, then writes the EPUB.
Book make_book(const std::filesystem::path& input) {
    Book book;
    std::ifstream in(input, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Report report;
    readers::ReadOptions options;
    options.file_name = input.string();
    Document document;
    try {
        document = readers::read_document(readers::decode_source(bytes, options.file_name, report),
                                          readers::format_from_extension(input), options, report);
    } catch (const std::runtime_error& error) {
        if (std::string(error.what()).find("not supported yet") == std::string::npos) throw;
        book.skip_reason = std::string("reader not ready: ") + error.what();
        return book;
    }
    if (const auto sidecar = readers::find_sidecar(input)) readers::overlay_metadata(document.metadata, readers::read_sidecar(*sidecar));
    if (document.metadata.title.empty()) document.metadata.title = input.stem().string();
    if (input.stem().extension() == ".de") document.metadata.language = "de";
    const layout::Style style = layout::load_style("default");
    layout::prepare_document(document, style);
    const layout::TypesetDocument typeset = layout::typeset(document, style, report);
    book.print_pages = typeset.page_starts.size();
    book.epub = write_epub(document, style, typeset.page_starts, EpubOptions{}, report);
    return book;
}

class CorpusEpub : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(CorpusEpub, PageListMatchesThePrintEditionAndEpubcheckIsClean) {
    const Book book = make_book(GetParam());
    if (!book.skip_reason.empty()) GTEST_SKIP() << book.skip_reason;
    const EpubContents epub = read_epub(book.epub);
    const auto nav = parse_xml(epub.files.at("EPUB/nav.xhtml"));
    EXPECT_GT(book.print_pages, 0U);
    EXPECT_EQ(nav.select_nodes("//*[@epub:type='page-list']//*[local-name()='a']").size(), book.print_pages);

    if (!std::filesystem::exists(epubcheck_jar)) GTEST_SKIP() << "epubcheck is not installed";
    const auto path = scratch_directory("corpus-" + GetParam().stem().string()) / "book.epub";
    write_file(path, book.epub);
    const EpubcheckSummary summary = run_epubcheck(path);
    ASSERT_TRUE(summary.ran) << summary.output;
    EXPECT_EQ(summary.fatals + summary.errors + summary.warnings, 0) << summary.output.substr(0, 4000);
}

TEST_P(CorpusEpub, AceFindsNoViolation) {
    if (!ace_installed()) GTEST_SKIP() << "DAISY Ace is not installed: run scripts/install-ace.sh";
    const Book book = make_book(GetParam());
    if (!book.skip_reason.empty()) GTEST_SKIP() << book.skip_reason;
    const auto directory = scratch_directory("corpus-ace-" + GetParam().stem().string());
    write_file(directory / "book.epub", book.epub);
    const CommandResult run = run_ace(directory / "book.epub", directory / "out");
    ASSERT_TRUE(std::filesystem::exists(directory / "out/report.json")) << run.output;
    const CommandResult violations = run_command("node \"" + (source_dir / "tests/browser/ace-violations.js").string() +
                                                 "\" \"" + (directory / "out/report.json").string() + "\"");
    EXPECT_EQ(violations.output, "outcome\tpass\n") << violations.output;
}

std::string test_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
    std::string name;
    for (char c : info.param.stem().string()) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Texts, CorpusEpub, ::testing::ValuesIn(texts()), test_name);

}  // namespace
}  // namespace pamphlet::epub::testing
