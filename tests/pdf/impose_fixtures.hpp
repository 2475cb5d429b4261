// Fixtures for the imposition tests: source PDFs made with libharu carrying one big folio per
// page, the expected-order files of tests/data/impose/, and reading folios back per cell with
// pdftotext. Header-only: the test binaries compile only *_test.cpp files.
#pragma once

#include <hpdf.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "pdf/impose_layout.hpp"
#include "support/command.hpp"

namespace pamphlet::pdf::impose_testing {

inline constexpr double mm = 72.0 / 25.4;
inline constexpr double a4_width = 210 * mm;
inline constexpr double a4_height = 297 * mm;

// `pages` pages of the given size, each showing its 1-based number large in the middle. With
// `font_file`, the numbers are set in that TrueType font, embedded (to count embedded fonts).
// With `rotate` (a multiple of 90), every page carries that /Rotate.
inline std::string numbered_pdf(int pages, double width_pt, double height_pt,
                                const std::string& font_file = "", int rotate = 0) {
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> pdf(
        HPDF_New(nullptr, nullptr), &HPDF_Free);
    if (!pdf) throw std::runtime_error("HPDF_New failed");
    HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);
    HPDF_Font font = nullptr;
    if (font_file.empty()) {
        font = HPDF_GetFont(pdf.get(), "Helvetica", nullptr);
    } else {
        const char* name = HPDF_LoadTTFontFromFile(pdf.get(), font_file.c_str(), HPDF_TRUE);
        font = HPDF_GetFont(pdf.get(), name, "WinAnsiEncoding");
    }
    const float size = static_cast<float>(std::min(width_pt, height_pt) * 0.3);
    for (int number = 1; number <= pages; ++number) {
        HPDF_Page page = HPDF_AddPage(pdf.get());
        HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width_pt));
        HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height_pt));
        if (rotate != 0) HPDF_Page_SetRotate(page, static_cast<HPDF_UINT16>(rotate));
        const std::string text = std::to_string(number);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, size);
        const float text_width = HPDF_Page_TextWidth(page, text.c_str());
        HPDF_Page_TextOut(page, static_cast<HPDF_REAL>((width_pt - text_width) / 2),
                          static_cast<HPDF_REAL>(height_pt / 2 - size / 3), text.c_str());
        HPDF_Page_EndText(page);
    }
    if (HPDF_SaveToStream(pdf.get()) != HPDF_OK) throw std::runtime_error("HPDF_SaveToStream failed");
    std::string bytes(HPDF_GetStreamSize(pdf.get()), '\0');
    HPDF_UINT32 size_read = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(pdf.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size_read);
    bytes.resize(size_read);
    return bytes;
}

// One expected-order file of tests/data/impose/: a first line "impose SCHEMA pages=N
// [signature=A-B] [cover]", then one line per side "sheet S front|back [turned]: CELLS" with the
// 1-based folios in reading order (top row first), 0 for a blank, '^' before an upside-down one.
struct ExpectedImposition {
    std::string name;
    imposition::Schema schema = imposition::Schema::booklet;
    int pages = 0;
    imposition::LayoutOptions options;
    std::vector<std::string> sides;
};

inline ExpectedImposition read_expected(const std::filesystem::path& path) {
    ExpectedImposition expected;
    expected.name = path.stem().string();
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (line.starts_with("impose ")) {
            std::istringstream words(line.substr(7));
            std::string word;
            words >> word;
            expected.schema = imposition::parse_schema(word);
            while (words >> word) {
                if (word.starts_with("pages=")) expected.pages = std::stoi(word.substr(6));
                else if (word.starts_with("signature="))
                    expected.options.signature_range = imposition::parse_signature(word.substr(10));
                else if (word == "cover") expected.options.keep_back_cover = true;
                else throw std::runtime_error(path.string() + ": unknown word " + word);
            }
        } else {
            expected.sides.push_back(line);
        }
    }
    return expected;
}

// A side of a plan in the notation of the expected-order files.
inline std::string describe(const imposition::SheetSide& side) {
    std::string out = "sheet " + std::to_string(side.sheet + 1) + (side.back ? " back" : " front") +
                      (side.turned ? " turned:" : ":");
    for (const auto& placement : side.placements)
        out += std::string(" ") + (placement.upside_down ? "^" : "") + std::to_string(placement.page + 1);
    return out;
}

inline std::vector<std::filesystem::path> expected_files() {
    std::set<std::filesystem::path> sorted;
    for (const auto& entry : std::filesystem::directory_iterator(PAMPHLET_TEST_DATA_DIR "/impose"))
        if (entry.path().extension() == ".txt") sorted.insert(entry.path());
    return {sorted.begin(), sorted.end()};
}

// The text pdftotext finds on page `page` (1-based) inside the rectangle given in PDF points
// from the bottom-left corner, with surrounding whitespace removed.
inline std::string text_in(const std::filesystem::path& pdf, int page, double x, double y, double width,
                           double height, double page_height) {
    const auto number = [](double value) { return std::to_string(static_cast<long>(value + 0.5)); };
    const std::string command = "pdftotext -q -f " + std::to_string(page) + " -l " + std::to_string(page) +
                                " -x " + number(x) + " -y " + number(page_height - y - height) +
                                " -W " + number(width) + " -H " + number(height) + " " +
                                test_support::quote_for_shell(pdf.string()) + " -";
    std::string text = test_support::run_command(command).out;
    const auto first = text.find_first_not_of(" \n\f\t");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \n\f\t") - first + 1);
}

// One "q a b c d e f cm /Pn Do Q" of a sheet's content stream.
struct PlacedForm {
    int page = 0;  // 1-based source page
    double a = 0, b = 0, c = 0, d = 0, e = 0, f = 0;
};

inline std::vector<std::vector<PlacedForm>> placed_forms(const std::string& pdf_bytes) {
    QPDF pdf;
    pdf.processMemoryFile("imposed", pdf_bytes.data(), pdf_bytes.size());
    std::vector<std::vector<PlacedForm>> sheets;
    const std::regex placement(
        R"(q (\S+) (\S+) (\S+) (\S+) (\S+) (\S+) cm /P(\d+) Do Q)");
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        std::string content;
        for (auto& stream : page.getPageContents()) {
            auto data = stream.getStreamData(qpdf_dl_generalized);
            content.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        }
        std::vector<PlacedForm> forms;
        for (std::sregex_iterator it(content.begin(), content.end(), placement), end; it != end; ++it) {
            const auto& m = *it;
            forms.push_back({std::stoi(m[7]), std::stod(m[1]), std::stod(m[2]), std::stod(m[3]),
                             std::stod(m[4]), std::stod(m[5]), std::stod(m[6])});
        }
        sheets.push_back(std::move(forms));
    }
    return sheets;
}

// Distinct embedded font programs (/FontFile, /FontFile2, /FontFile3 streams) in a PDF.
inline int embedded_font_programs(const std::string& pdf_bytes) {
    QPDF pdf;
    pdf.processMemoryFile("counted", pdf_bytes.data(), pdf_bytes.size());
    std::set<QPDFObjGen> programs;
    for (auto& object : pdf.getAllObjects()) {
        if (!object.isDictionary()) continue;
        for (const char* key : {"/FontFile", "/FontFile2", "/FontFile3"})
            if (object.hasKey(key)) programs.insert(object.getKey(key).getObjGen());
    }
    return static_cast<int>(programs.size());
}

}  // namespace pamphlet::pdf::impose_testing
