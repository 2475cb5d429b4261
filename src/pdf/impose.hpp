// Imposition: puts the pages of a finished PDF on printer sheets so that the printed, folded (or
// cut) stack reads in order. Works on PDF bytes, so it imposes any PDF, ours or not.
//
// Typical use from the command line layer:
//
//     pdf::ImposeOptions options;
//     options.schema = "booklet";                       // --impose
//     std::tie(options.sheet_width_pt, options.sheet_height_pt) =
//         layout::parse_paper_size("a4");               // --sheet (either orientation)
//     options.signature_range = pdf::parse_signature("12-32");  // --signature
//     options.keep_back_cover = true;                   // --cover
//     options.paper_thickness_mm = 0.1;                 // --paper-thickness
//     options.crop_marks = true;                        // --crop-marks
//     pdf::ImpositionReport report;
//     std::string sheets = pdf::impose(pdf_bytes, options, &report);
//
// Errors in the options (unknown schema, bad signature) throw std::invalid_argument with a message
// meant for the user; a PDF that cannot be read throws std::runtime_error.
//
// Which schema for which printer (the text of imposition_help() below, for --help):
//   booklet         Saddle-stitched booklet: fold the printed stack in the middle and staple.
//                   Print double-sided with "flip on short edge" (in some drivers "short-edge
//                   binding" or "tablet"). Choose this when the printer offers that setting.
//   duplex-booklet  The same booklet with every back side turned upside down, for printers and
//                   drivers that can only flip on the long edge (their default duplex). Printing
//                   this one with short-edge flipping gives upside-down backs.
//   2up             Two consecutive pages per side, nothing to fold: cut in half.
//   4up             Four pages per side; print double-sided (long edge), cut the stack in four,
//                   lay the piles on each other (top left, top right, bottom left, bottom right).
//   zine            The one-sheet, eight-page mini zine: single-sided; fold, cut the middle
//                   and push into a booklet (docs/printing.md has the steps).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pdf/write_pdf.hpp"

namespace pamphlet::pdf {

struct ImposeOptions {
    std::string schema = "booklet";  // booklet, duplex-booklet, 2up, 4up, zine
    // Sheet size in points, as layout::parse_paper_size returns it; either orientation: the sheet
    // is turned to suit the schema (landscape for booklets, 2up and zines of portrait pages).
    double sheet_width_pt = 595.276;
    double sheet_height_pt = 841.89;
    // Booklets: pages per folded signature, or a range to choose the size with fewest blanks
    // (parse_signature). Unset: one signature holding the whole document.
    std::optional<std::pair<int, int>> signature_range;
    // Keep the last page last (the back cover), with any blank pages before it.
    bool keep_back_cover = false;
    // Booklets: shift the pages of inner sheets toward the spine by this much per sheet from the
    // outside (creep), and report the spine width. 0: no creep. Office paper is about 0.1 mm.
    double paper_thickness_mm = 0;
    // Crop marks, cut/fold marks and a job line, drawn when the sheet has room around the pages
    // (sheet larger than the folded spread); the sheet's TrimBox and BleedBox are set with them.
    bool crop_marks = false;
    // Printed in the job line (ASCII; other characters print as '?').
    std::string job_title;
};

struct ImpositionReport {
    std::string schema;
    int pages = 0;            // pages of the source PDF
    int sheets = 0;           // sheets of paper (double-sided except zine)
    int sides = 0;            // pages of the imposed PDF
    int blank_pages = 0;      // padding added
    int signature_pages = 0;  // pages per signature (booklets), or per zine
    int signatures = 0;
    double spine_width_mm = 0;  // one paper thickness per leaf, 0 without a thickness
    double largest_creep_mm = 0;  // shift of the innermost sheet's pages
    double scale = 1;         // pages were shrunk by this factor to fit (1: actual size)
    double sheet_width_pt = 0;  // as imposed (turned if needed)
    double sheet_height_pt = 0;
    bool crop_marks_drawn = false;
    std::vector<std::string> notes;  // things the user should know (marks skipped, shrinking)
};

// Imposes `pdf_bytes` (a complete PDF file) and returns the bytes of the imposed PDF. Each source
// page becomes one Form XObject placed on the sheets, so fonts and images are stored once; the
// result is written with object streams and a deterministic ID (same input, same bytes).
// Outlines, links and named destinations of the source are dropped: they point at pages that no
// longer exist as pages.
std::string impose(std::string_view pdf_bytes, const ImposeOptions& options,
                   ImpositionReport* report = nullptr);

// The same for a PDF just rendered (write_pdf_document): imposes the document it keeps loaded,
// which it takes (a second imposition of the same PDF reads its bytes), saving the parse of the
// file. The result equals imposing rendered.bytes() but for the file identifier.
std::string impose(RenderedPdf& rendered, const ImposeOptions& options, ImpositionReport* report = nullptr);

// Parses a --signature argument: "16" -> {16, 16}, "12-32" -> {12, 32}. Throws
// std::invalid_argument when it is not a number or range of whole pages holding a multiple of 4.
std::pair<int, int> parse_signature(std::string_view text);

// The schema names, and a few lines for --help on which to choose for which printer.
std::vector<std::string> imposition_schemas();
std::string imposition_help();

}  // namespace pamphlet::pdf
