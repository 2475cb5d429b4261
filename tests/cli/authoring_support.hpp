// Helpers the authoring-format tests share: converting through the real binary, reading the
// outputs back (libzip, and the tools a user has: pdftotext, qpdf, epubcheck) and normalising
// them so that assertions and goldens do not depend on ids, page breaks or spacing.
#pragma once

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <zip.h>

#include "support/command.hpp"

namespace pamphlet::test_support::authoring {

inline const std::filesystem::path data_dir = PAMPHLET_TEST_DATA_DIR;

// Converts `input` to `output` (the extension picks the backend) with fixed dates.
inline CommandResult convert(const std::filesystem::path& input, const std::filesystem::path& output,
                             const std::string& extra_arguments = "") {
    return run_command("SOURCE_DATE_EPOCH=0 " + quote_for_shell(PAMPHLET_BINARY) + " " +
                       quote_for_shell(input.string()) + " -o " + quote_for_shell(output.string()) + " " +
                       extra_arguments);
}

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

inline std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n\f");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n\f") - first + 1);
}

// ---- EPUB ----------------------------------------------------------------------------------

// Every file in the EPUB by name, read with libzip (no unzip tool needed on the machine).
inline std::map<std::string, std::string> epub_files(const std::filesystem::path& epub) {
    std::map<std::string, std::string> files;
    int error = 0;
    const std::unique_ptr<zip_t, decltype(&zip_discard)> archive(zip_open(epub.c_str(), ZIP_RDONLY, &error), &zip_discard);
    if (!archive) return files;
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t index = 0; index < count; ++index) {
        const auto at = static_cast<zip_uint64_t>(index);
        const std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(archive.get(), at, 0), &zip_fclose);
        if (!file) continue;
        std::string bytes;
        char buffer[8192];
        zip_int64_t read = 0;
        while ((read = zip_fread(file.get(), buffer, sizeof buffer)) > 0) bytes.append(buffer, static_cast<std::size_t>(read));
        files[zip_get_name(archive.get(), at, 0)] = std::move(bytes);
    }
    return files;
}

inline std::string epub_entry(const std::filesystem::path& epub, const std::string& name) {
    const auto files = epub_files(epub);
    const auto found = files.find(name);
    return found == files.end() ? std::string() : found->second;
}

// What the <body> of every section document (section-N.xhtml) holds, in reading order.
inline std::string epub_body_text(const std::filesystem::path& epub) {
    std::vector<std::pair<int, std::string>> sections;
    const std::regex section_name(R"(^EPUB/section-(\d+)\.xhtml$)");
    for (auto& [name, xhtml] : epub_files(epub)) {
        std::smatch match;
        if (std::regex_match(name, match, section_name)) sections.emplace_back(std::stoi(match[1]), std::move(xhtml));
    }
    std::sort(sections.begin(), sections.end());
    std::string bodies;
    for (const auto& [number, xhtml] : sections) {
        const auto start = xhtml.find("<body>");
        const auto end = xhtml.rfind("</body>");
        if (start == std::string::npos || end == std::string::npos) continue;
        bodies += xhtml.substr(start + 6, end - start - 6);
    }
    return bodies;
}

// Body markup without what changes with pagination or the id scheme: print page markers, ids,
// labels and fragment targets go; each block starts on its own line so goldens read well.
inline std::string normalise_epub_body(std::string body) {
    body = std::regex_replace(body, std::regex(R"re(<span epub:type="pagebreak"[^>]*/>)re"), "");
    body = std::regex_replace(body, std::regex(R"re( (id|aria-labelledby|aria-label)="[^"]*")re"), "");
    body = std::regex_replace(body, std::regex(R"re(href="#[^"]*")re"), "href=\"#\"");
    body = std::regex_replace(
        body, std::regex(R"re((<(section|/section|h[1-6]|p|blockquote|div|/div|ul|/ul|ol|/ol|li|table|/table|tr|pre|hr|aside|figure)[ >/]))re"),
        "\n$1");
    std::string out;
    for (const std::string& line : lines_of(body))
        if (!trim(line).empty()) out += line + "\n";
    return out;
}

struct EpubcheckResult {
    bool ran = false;
    int fatals = -1, errors = -1, warnings = -1;
    std::string output;
};

inline EpubcheckResult run_epubcheck(const std::filesystem::path& epub) {
    EpubcheckResult result;
    const CommandResult run = run_command("java -jar " + std::string(epubcheck_jar) + " " + quote_for_shell(epub.string()));
    result.output = run.out + run.err;
    std::smatch match;
    if (std::regex_search(result.output, match, std::regex(R"((\d+) fatals? / (\d+) errors? / (\d+) warnings?)"))) {
        result.ran = true;
        result.fatals = std::stoi(match[1]);
        result.errors = std::stoi(match[2]);
        result.warnings = std::stoi(match[3]);
    }
    return result;
}

// ---- PDF -----------------------------------------------------------------------------------

// pdftotext's text, one trimmed line per line, runs of spaces made one, blank lines dropped.
inline std::string normalise_pdf_text(const std::string& text) {
    std::string out;
    for (const std::string& line : lines_of(text)) {
        const std::string squeezed = std::regex_replace(trim(line), std::regex("[ \t]+"), " ");
        if (!squeezed.empty()) out += squeezed + "\n";
    }
    return out;
}

// One word as pdftotext -bbox places it, with the width of its page.
struct PlacedWord {
    int page = 0;
    double page_width = 0;
    double x_min = 0, x_max = 0, y_min = 0;
    std::string text;
};

inline std::vector<PlacedWord> pdf_words(const std::filesystem::path& pdf) {
    std::vector<PlacedWord> words;
    const std::regex page_line(R"re(<page width="([0-9.]+)")re");
    const std::regex word_line(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">(.*)</word>)re");
    int page = 0;
    double width = 0;
    for (const std::string& line : lines_of(run_command("pdftotext -bbox " + quote_for_shell(pdf.string()) + " -").out)) {
        std::smatch match;
        if (std::regex_search(line, match, page_line)) {
            ++page;
            width = std::stod(match[1]);
        } else if (std::regex_search(line, match, word_line)) {
            words.push_back({page, width, std::stod(match[1]), std::stod(match[3]), std::stod(match[2]), match[4]});
        }
    }
    return words;
}

// The words of the PDF line that holds `line_text` (its words in a row, left to right), or none.
// Words are grouped into lines by page and baseline, since pdftotext's word order need not be
// the order on the line (a centred "* * *" is not).
inline std::vector<PlacedWord> pdf_line(const std::vector<PlacedWord>& words, const std::string& line_text) {
    std::istringstream in(line_text);
    std::vector<std::string> wanted;
    for (std::string word; in >> word;) wanted.push_back(word);
    std::map<std::pair<int, long>, std::vector<PlacedWord>> lines;
    for (const PlacedWord& word : words) lines[{word.page, std::lround(word.y_min * 2)}].push_back(word);
    for (auto& [key, line] : lines) {
        std::sort(line.begin(), line.end(), [](const PlacedWord& a, const PlacedWord& b) { return a.x_min < b.x_min; });
        for (std::size_t at = 0; at + wanted.size() <= line.size(); ++at) {
            bool all = true;
            for (std::size_t k = 0; k < wanted.size() && all; ++k) all = line[at + k].text == wanted[k];
            if (all) return {line.begin() + static_cast<long>(at), line.begin() + static_cast<long>(at + wanted.size())};
        }
    }
    return {};
}

// The outline (bookmark) titles qpdf reads from the PDF, in document order (depth first).
inline std::vector<std::string> pdf_outline_titles(const std::filesystem::path& pdf) {
    const std::string json = run_command("qpdf --json --json-key=outlines " + quote_for_shell(pdf.string())).out;
    // qpdf writes each outline's "title" after its kids: collect then order by nesting is not
    // needed for presence checks, so keep qpdf's order.
    std::vector<std::string> titles;
    const std::regex title(R"re("title": "((?:[^"\\]|\\.)*)")re");
    for (auto it = std::sregex_iterator(json.begin(), json.end(), title); it != std::sregex_iterator(); ++it)
        titles.push_back((*it)[1]);
    return titles;
}

inline CommandResult qpdf_check(const std::filesystem::path& pdf) {
    return run_command("qpdf --check " + quote_for_shell(pdf.string()));
}

}  // namespace pamphlet::test_support::authoring
