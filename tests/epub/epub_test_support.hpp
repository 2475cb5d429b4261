// Helpers the EPUB tests share: a document that uses every model kind, reading an .epub back
// (libzip + pugixml), and running the external validators.
#pragma once

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include <pugixml.hpp>
#include <zip.h>

#include "epub/write_epub.hpp"
#include "layout/prepare.hpp"
#include "model/document.hpp"
#include "model/text.hpp"
#include "model/walk.hpp"

namespace pamphlet::epub::testing {

using namespace pamphlet::model;

inline Inlines text(const std::string& value) { return {Text{value}}; }

inline NoteReference note(std::string body_text, Inlines extra = {}) {
    NoteReference reference;
    Paragraph paragraph{text(std::move(body_text))};
    for (Inline& node : extra) paragraph.content.push_back(std::move(node));
    reference.body.push_back(Block(paragraph));
    return reference;
}

// A document with every block and inline kind, notes of both kinds, text before the first
// heading, nested headings and a hostile string. Prepared like the pipeline prepares it.
inline Document sample_document() {
    Document document;
    document.metadata.title = "On <Things> & \"Stuff\"";
    document.metadata.subtitle = "A pamphlet";
    document.metadata.contributors = {{"Ada Writer", "aut"}, {"Tom Translator", "trl"}};
    document.metadata.language = "en";
    document.metadata.date = "1906-05-01";
    document.metadata.description = "A test document.";
    document.metadata.source = "https://example.org/original";
    document.metadata.rights = "Public domain";

    Blocks& blocks = document.blocks;
    blocks.push_back(Paragraph{text("Opening words before any heading. <script>alert('x')</script> stay text.")});
    blocks.push_back(BlockQuote{{Block(Paragraph{text("A motto for the whole.")})}, true});
    blocks.push_back(Heading{1, text("First part"), ""});
    Paragraph first;
    first.content = {Text{"Some "}, Emphasis{text("emphasis")}, Text{", "}, Strong{text("strength")},
                     Text{", "}, SmallCaps{text("small caps")}, Text{", "}, Code{"code()"},
                     Text{" and a note"}, note("The first note.", {Text{" With a note on the note"},
                                                                     []{ NoteReference r = note("A secondary note.");
                                                                         r.kind = NoteKind::secondary; return r; }()}),
                     Text{". A "}, Link{"https://example.org/?a=1&b=2", text("safe link")}, Text{", an "},
                     Link{"javascript:alert(1)", text("unsafe one")}, Text{" and a"}, LineBreak{},
                     Text{"line break, "}, LanguageSpan{"de", text("ein deutsches Wort")}, Text{"."}};
    blocks.push_back(first);
    Paragraph second{text("A second paragraph that is indented, with a second note")};
    second.content.push_back(note("The second note."));
    second.content.push_back(Text{" in it."});
    blocks.push_back(second);
    Paragraph centred{text("A centred line.")};
    centred.alignment = Alignment::center;
    centred.no_indent = true;
    blocks.push_back(centred);
    blocks.push_back(Heading{2, text("A subsection"), ""});
    blocks.push_back(Verse{{{text("First line of verse,"), text("second line.")}, {text("Another stanza.")}}});
    blocks.push_back(SceneBreak{});
    blocks.push_back(Preformatted{"  preformatted <text>\n  kept as is"});
    blocks.push_back(ListBlock{true, 3, {{Block(Paragraph{text("third item")})}, {Block(Paragraph{text("fourth")})}}});
    blocks.push_back(BlockQuote{{Block(Paragraph{text("An ordinary quotation.")})}, false});
    blocks.push_back(Heading{1, text("Second part"), ""});
    Table table;
    table.column_alignment = {Alignment::left, Alignment::right};
    table.header_rows = {{text("Year"), text("Members")}};
    table.body_rows = {{text("1864"), text("12")}, {text("1872"), text("45")}};
    table.caption = text("Membership");
    blocks.push_back(table);
    blocks.push_back(Figure{"/nonexistent/figure.png", "A missing figure", text("A caption")});
    blocks.push_back(Paragraph{text("Closing paragraph of the second part.")});
    blocks.push_back(Heading{3, text("A deep heading"), ""});
    blocks.push_back(Paragraph{text("Text under a deep heading.")});
    layout::prepare_document(document, layout::Style{});
    return document;
}

// Page starts spread over the sample: several per leaf, some at offset 0, one past the end.
inline layout::PageStarts sample_page_starts(const Document& document) {
    std::vector<std::size_t> leaf_lengths;
    for_each_leaf_block(document, [&](const Block& leaf, std::size_t) {
        leaf_lengths.push_back(visible_text(leaf).size());
    });
    layout::PageStarts starts;
    int page = 0;
    const auto add = [&](std::size_t leaf, std::size_t offset) {
        ++page;
        starts.push_back({page, std::to_string(page), {leaf, offset}});
    };
    add(0, 0);
    add(0, 0);  // a title page and its blank verso both point at the first text
    for (std::size_t leaf = 2; leaf < leaf_lengths.size(); leaf += 2) {
        std::size_t middle = leaf_lengths[leaf] / 2;
        const std::string text = visible_text([&] {
            Block found;
            for_each_leaf_block(document, [&](const Block& b, std::size_t i) { if (i == leaf) found = b; });
            return found;
        }());
        while (middle > 0 && (static_cast<unsigned char>(text[middle]) & 0xC0) == 0x80) --middle;
        add(leaf, middle);
    }
    add(leaf_lengths.size(), 0);  // a last page with no text of its own
    return starts;
}

// The files of an .epub, in zip order.
struct EpubContents {
    std::vector<std::string> names;
    std::map<std::string, std::string> files;
    std::map<std::string, bool> stored;  // compression method is STORE
};

inline EpubContents read_epub(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) throw std::runtime_error("zip source");
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (archive == nullptr) {
        zip_source_free(source);
        throw std::runtime_error(std::string("not a zip: ") + zip_error_strerror(&error));
    }
    EpubContents contents;
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t index = 0; index < count; ++index) {
        zip_stat_t stat;
        zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat);
        std::string data(static_cast<std::size_t>(stat.size), '\0');
        zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
        if (file == nullptr) throw std::runtime_error("zip entry");
        zip_fread(file, data.data(), stat.size);
        zip_fclose(file);
        contents.names.push_back(stat.name);
        contents.stored[stat.name] = stat.comp_method == ZIP_CM_STORE;
        contents.files[stat.name] = std::move(data);
    }
    zip_discard(archive);
    return contents;
}

inline pugi::xml_document parse_xml(const std::string& text) {
    pugi::xml_document document;
    const pugi::xml_parse_result result = document.load_buffer(text.data(), text.size());
    if (!result) throw std::runtime_error(std::string("XML does not parse: ") + result.description());
    return document;
}

inline std::filesystem::path scratch_directory(const std::string& name) {
    // One folder per process: ctest runs tests in parallel, and a shared folder let one test
    // delete another's EPUB before epubcheck read it.
    const auto directory = std::filesystem::temp_directory_path() /
                           ("pamphlet-epub-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    return directory;
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

struct CommandResult {
    int status = -1;
    std::string output;
};

inline CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) return result;
    std::array<char, 4096> buffer{};
    std::size_t read = 0;
    while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), read);
    result.status = pclose(pipe);
    return result;
}

inline const std::filesystem::path source_dir = PAMPHLET_SOURCE_DIR;

// DAISY Ace, installed by scripts/install-ace.sh and run as ace-puppeteer with Debian's chromium.
inline const std::filesystem::path ace_program = source_dir / "node_modules/.bin/ace-puppeteer";
inline const std::filesystem::path chromium_program = "/usr/bin/chromium";

inline bool ace_installed() { return std::filesystem::exists(ace_program) && std::filesystem::exists(chromium_program); }

// Checks `epub` and writes Ace's report to `report_directory`/report.json. Ace gives Chromium 5 s
// to start by default; two Chromiums starting at once beside a build on a two-core CI machine
// missed that, and Ace then says only "Re-run Ace using the --verbose option". Two minutes
// (ACE_TIMEOUT_INITIAL) is a bound on a hung browser, not on a slow one.
inline CommandResult run_ace(const std::filesystem::path& epub, const std::filesystem::path& report_directory) {
    return run_command("ACE_TIMEOUT_INITIAL=120000 PUPPETEER_EXECUTABLE_PATH=" + chromium_program.string() + " \"" +
                       ace_program.string() + "\" -f -s -o \"" + report_directory.string() + "\" \"" + epub.string() +
                       "\"");
}

inline const char* epubcheck_jar = "/usr/share/java/epubcheck.jar";

// epubcheck's summary counts, e.g. "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos".
struct EpubcheckSummary {
    bool ran = false;
    int fatals = -1, errors = -1, warnings = -1;
    std::string output;
};

inline EpubcheckSummary run_epubcheck(const std::filesystem::path& epub) {
    EpubcheckSummary summary;
    const CommandResult result = run_command("java -jar " + std::string(epubcheck_jar) + " \"" + epub.string() + "\"");
    summary.output = result.output;
    std::smatch match;
    const std::regex counts(R"((\d+) fatals? / (\d+) errors? / (\d+) warnings?)");
    if (std::regex_search(summary.output, match, counts)) {
        summary.ran = true;
        summary.fatals = std::stoi(match[1]);
        summary.errors = std::stoi(match[2]);
        summary.warnings = std::stoi(match[3]);
    } else if (summary.output.find("No errors or warnings detected") != std::string::npos) {
        summary.ran = true;
        summary.fatals = summary.errors = summary.warnings = 0;
    }
    return summary;
}

}  // namespace pamphlet::epub::testing
