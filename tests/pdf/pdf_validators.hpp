// Running the PDF validators (qpdf, pdffonts, pdftotext, pdftoppm) from tests. Header-only:
// the test binaries compile only *_test.cpp files.
#pragma once

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "support/command.hpp"

namespace pamphlet::pdf::testing {

using test_support::run_command;
using test_support::read_file;

// Writes `bytes` as NAME.pdf in `folder` and returns its path.
inline std::filesystem::path write_pdf_file(const test_support::ScratchFolder& folder, const std::string& bytes,
                                            const std::string& name) {
    const auto path = folder / (name + ".pdf");
    test_support::write_file(path, bytes);
    return path;
}

// The font rows of `pdffonts` (after its two header lines).
inline std::vector<std::string> pdffonts_rows(const std::filesystem::path& pdf) {
    std::istringstream lines(run_command("pdffonts " + pdf.string()).out);
    std::vector<std::string> rows;
    std::string line;
    int index = 0;
    while (std::getline(lines, line))
        if (index++ >= 2 && !line.empty()) rows.push_back(line);
    return rows;
}

// A pdffonts row's columns "emb sub uni" all say yes. The row ends "... emb sub uni object ID";
// splitting on whitespace from the end avoids depending on the name's width.
inline bool embedded_subset_unicode(const std::string& row) {
    std::istringstream in(row);
    std::vector<std::string> columns{std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
    if (columns.size() < 6) return false;
    const std::size_t n = columns.size();
    return columns[n - 5] == "yes" && columns[n - 4] == "yes" && columns[n - 3] == "yes";
}

// Marks a word that ended its line with a hyphen: it may be a word broken by the line setter
// ("sub-" + "lime") or a word whose own hyphen fell at the line end ("manager-" + "for").
inline constexpr char line_end_hyphen = '\x01';

// Words for comparing extracted text with the source: hyphens dropped (a line may break at a
// compound's own hyphen), words split at dashes (lines may break after them) and no-break
// spaces, ASCII lower case (small capitals come back upper case). A word ending its line in a
// hyphen gets `line_end_hyphen` appended.
inline std::vector<std::string> comparable_words(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        for (const std::string space : {"\u2013", "\u2014", "\u00a0", "\u2009", "\u202f"})
            for (auto at = line.find(space); at != std::string::npos; at = line.find(space, at + 1))
                line.replace(at, space.size(), " ");
        std::istringstream in(line);
        std::vector<std::string> line_words{std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
        for (std::size_t w = 0; w < line_words.size(); ++w) {
            const std::string& word = line_words[w];
            const bool hyphen_at_end = w + 1 == line_words.size() &&
                                       (word.ends_with("-") || word.ends_with("\u2010") || word.ends_with("\u00ad"));
            std::string kept;
            for (std::size_t i = 0; i < word.size(); ++i) {
                if (word[i] == '-') continue;
                if (word.compare(i, 3, "\u2010") == 0) {
                    i += 2;
                    continue;
                }
                if (word.compare(i, 2, "\u00ad") == 0) {
                    i += 1;
                    continue;
                }
                kept += (word[i] >= 'A' && word[i] <= 'Z') ? static_cast<char>(word[i] - 'A' + 'a') : word[i];
            }
            if (kept.empty()) continue;
            if (hyphen_at_end) kept += line_end_hyphen;
            words.push_back(kept);
        }
    }
    return words;
}

// `extracted` is `expected`, or `expected` followed by a note marker's digits ("mystery.1").
inline bool same_word_maybe_marked(const std::string& expected, const std::string& extracted) {
    if (extracted.rfind(expected, 0) != 0) return false;
    return extracted.find_first_not_of("0123456789", expected.size()) == std::string::npos;
}

// How many of `expected` (source words, no line-end marks) are found, in order, in `extracted`;
// extra extracted words (running heads, folios, notes) are skipped over, a word broken at a line
// end is joined again.
inline std::size_t words_found_in_order(const std::vector<std::string>& expected,
                                        const std::vector<std::string>& extracted) {
    std::size_t found = 0;
    std::size_t at = 0;
    for (; found < expected.size(); ++found) {
        const std::size_t limit = std::min(extracted.size(), at + 1500);  // a page's furniture and notes
        std::size_t next = 0;
        for (std::size_t k = at; k < limit && next == 0; ++k) {
            std::string word = extracted[k];
            if (!word.empty() && word.back() == line_end_hyphen) {
                word.pop_back();
                if (same_word_maybe_marked(expected[found], word)) next = k + 1;
                else if (k + 1 < extracted.size() && same_word_maybe_marked(expected[found], word + extracted[k + 1]))
                    next = k + 2;
            } else if (same_word_maybe_marked(expected[found], word)) {
                next = k + 1;
            }
        }
        if (next == 0) break;
        at = next;
    }
    return found;
}

}  // namespace pamphlet::pdf::testing
