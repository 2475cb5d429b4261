// Running the PDF validators (qpdf, pdffonts, pdftotext, pdftoppm) from tests. Header-only:
// the test binaries compile only *_test.cpp files.
#pragma once

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

// Whitespace-separated words of `text`, with a word ending in a hyphen at a line end joined to
// the next one (the hyphen dropped): the text as a reader would reassemble it.
inline std::vector<std::string> words_joining_hyphens(const std::string& text) {
    std::vector<std::string> words;
    bool join_next = false;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream in(line);
        std::vector<std::string> line_words{std::istream_iterator<std::string>(in),
                                            std::istream_iterator<std::string>()};
        for (std::size_t i = 0; i < line_words.size(); ++i) {
            if (join_next && i == 0 && !words.empty())
                words.back() += line_words[i];
            else
                words.push_back(line_words[i]);
            join_next = false;
        }
        if (!line_words.empty()) {
            std::string& last = words.back();
            const std::string soft = "\u2010";
            if (last.size() > 1 && last.back() == '-') {
                last.pop_back();
                join_next = true;
            } else if (last.size() > soft.size() && last.ends_with(soft)) {
                last.resize(last.size() - soft.size());
                join_next = true;
            }
        }
    }
    return words;
}

}  // namespace pamphlet::pdf::testing
