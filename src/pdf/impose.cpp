// Draws an imposition plan (impose_layout) with libqpdf: every source page becomes a Form XObject
// that keeps its resources by reference, so fonts and images stay stored once however the pages
// are rearranged; new sheet pages place those forms with one `cm` each.
#include "pdf/impose.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFMatrix.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <vector>

#include "pdf/impose_geometry.hpp"
#include "pdf/impose_layout.hpp"
#include "pdf/impose_marks.hpp"
#include "pdf/impose_page_form.hpp"
#include "pdf/loaded_pdf.hpp"

namespace pamphlet::pdf {

namespace {

using namespace imposition;

// A PDF transformation matrix [a b c d e f]; `then` applies `next` after this one.
struct Affine {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

    Affine then(const Affine& next) const {
        return {a * next.a + b * next.c,          a * next.b + b * next.d,
                c * next.a + d * next.c,          c * next.b + d * next.d,
                e * next.a + f * next.c + next.e, e * next.b + f * next.d + next.f};
    }
    static Affine turn_about(double x, double y) { return {-1, 0, 0, -1, 2 * x, 2 * y}; }
    static Affine shift(double x) { return {1, 0, 0, 1, x, 0}; }
};

// The size a page shows (its trim box, turned by /Rotate), the largest over all pages: the cell.
std::pair<double, double> largest_page_size(std::vector<QPDFPageObjectHelper>& pages) {
    double width = 0;
    double height = 0;
    for (auto& page : pages) {
        const auto box = page.getTrimBox().getArrayAsRectangle();
        double w = std::abs(box.urx - box.llx);
        double h = std::abs(box.ury - box.lly);
        auto rotate = page.getAttribute("/Rotate", false);
        if (rotate.isInteger() && (rotate.getIntValueAsInt() % 180 + 180) % 180 == 90) std::swap(w, h);
        width = std::max(width, w);
        height = std::max(height, h);
    }
    return {width, height};
}

// Bookmarks, links, labels and the structure tree all point at the source pages, which are no
// longer pages; keeping them would also keep those pages' objects in the file.
void drop_page_references(QPDF& pdf) {
    auto root = pdf.getRoot();
    for (const char* key : {"/Outlines", "/PageLabels", "/Dests", "/Names", "/OpenAction",
                            "/StructTreeRoot", "/MarkInfo", "/AcroForm", "/PageMode"})
        root.removeKey(key);
}

// The source pages leave the page tree in one step. They are the first kids of the (flat) tree,
// the sheets having been appended after them; qpdf's removePage renumbers every later page at
// each call, quadratic in the page count (a thousand-page book's booklet spent most of its
// imposing time there).
void remove_source_pages(QPDF& pdf, const std::vector<QPDFPageObjectHelper>& pages) {
    QPDFObjectHandle tree = pdf.getRoot().getKey("/Pages");
    QPDFObjectHandle kids = tree.getKey("/Kids");
    std::vector<QPDFObjectHandle> sheets = kids.getArrayAsVector();
    if (sheets.size() < pages.size()) throw std::logic_error("impose: the page tree lost pages");
    for (std::size_t index = 0; index < pages.size(); ++index)
        if (sheets[index].getObjGen() != pages[index].getObjectHandle().getObjGen())
            throw std::logic_error("impose: the source pages are not first in the page tree");
    sheets.erase(sheets.begin(), sheets.begin() + static_cast<std::ptrdiff_t>(pages.size()));
    kids.setArrayFromVector(sheets);
    tree.replaceKey("/Count", QPDFObjectHandle::newInteger(static_cast<long long>(sheets.size())));
    pdf.updateAllPagesCache();
}

QPDFObjectHandle rectangle(const Rectangle& r, double grow = 0) {
    return QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(
        r.x - grow, r.y - grow, r.x + r.width + grow, r.y + r.height + grow));
}

std::string place(const Affine& m, std::string_view name) {
    return "q " + pdf_number(m.a) + ' ' + pdf_number(m.b) + ' ' + pdf_number(m.c) + ' ' +
           pdf_number(m.d) + ' ' + pdf_number(m.e) + ' ' + pdf_number(m.f) + " cm " +
           std::string(name) + " Do Q\n";
}

struct SheetDrawer {
    QPDF& pdf;
    QPDFPageDocumentHelper& document;
    const std::vector<QPDFObjectHandle>& forms;
    const SheetGeometry& geometry;
    const SignatureLayout& plan;
    const ImposeOptions& options;
    bool marks;
    QPDFObjectHandle job_font;

    void draw(const SheetSide& side) {
        auto page = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        page.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
        page.replaceKey("/MediaBox", rectangle({0, 0, geometry.sheet_width_pt, geometry.sheet_height_pt}));
        QPDFPageObjectHelper sheet(page);
        auto xobjects = QPDFObjectHandle::newDictionary();
        std::string content;
        for (const Placement& placement : side.placements) {
            if (placement.page == blank_page) continue;
            const auto& form = forms[static_cast<std::size_t>(placement.page)];
            const std::string name = "/P" + std::to_string(placement.page + 1);
            xobjects.replaceKey(name, form);
            const Rectangle cell = geometry.cell(placement.column, placement.row);
            // qpdf fits the form's visible box (its /Matrix included) into the cell, centred,
            // shrinking only; every page as large as the largest fills its cell exactly.
            const QPDFMatrix fit = sheet.getMatrixForFormXObjectPlacement(
                form, QPDFObjectHandle::Rectangle(cell.x, cell.y, cell.x + cell.width, cell.y + cell.height),
                false, true, false);
            Affine m{fit.a, fit.b, fit.c, fit.d, fit.e, fit.f};
            if (placement.upside_down)
                m = m.then(Affine::turn_about(cell.x + cell.width / 2, cell.y + cell.height / 2));
            if (placement.creep_pt != 0) m = m.then(Affine::shift(placement.creep_pt));
            if (side.turned)
                m = m.then(Affine::turn_about(geometry.sheet_width_pt / 2, geometry.sheet_height_pt / 2));
            content += place(m, name);
        }
        auto resources = QPDFObjectHandle::newDictionary();
        resources.replaceKey("/XObject", xobjects);
        if (plan.schema == Schema::zine) content += zine_guides(geometry);
        if (marks) {
            content += crop_marks(geometry, plan.schema);
            content += job_line(geometry, options.job_title, side.sheet + 1, plan.sheets, side.back);
            auto fonts = QPDFObjectHandle::newDictionary();
            fonts.replaceKey("/JobFont", job_font);
            resources.replaceKey("/Font", fonts);
            page.replaceKey("/TrimBox", rectangle(geometry.block));
            page.replaceKey("/BleedBox", rectangle(geometry.block, bleed_pt));
        }
        page.replaceKey("/Resources", resources);
        page.replaceKey("/Contents", QPDFObjectHandle::newStream(&pdf, content));
        document.addPage(sheet, false);
    }
};

void fill_report(ImpositionReport& report, const SignatureLayout& plan, const SheetGeometry& geometry,
                 const ImposeOptions& options, bool marks) {
    report.schema = std::string(schema_name(plan.schema));
    report.pages = plan.pages;
    report.sheets = plan.sheets;
    report.sides = static_cast<int>(plan.sides.size());
    report.blank_pages = plan.blank_pages;
    report.signature_pages = plan.signature_pages;
    report.signatures = plan.signatures;
    report.spine_width_mm = spine_width_mm(plan.padded_pages, options.paper_thickness_mm);
    const bool folded = plan.schema == Schema::booklet || plan.schema == Schema::duplex_booklet;
    report.largest_creep_mm = folded ? (plan.signature_pages / 4 - 1) * options.paper_thickness_mm : 0;
    report.scale = geometry.scale;
    report.sheet_width_pt = geometry.sheet_width_pt;
    report.sheet_height_pt = geometry.sheet_height_pt;
    report.crop_marks_drawn = marks;
    if (geometry.scale < 1)
        report.notes.push_back("pages shrunk to " + std::to_string(static_cast<int>(geometry.scale * 100 + 0.5)) +
                               "% to fit the sheet");
    if (options.crop_marks && !marks)
        report.notes.push_back("no crop marks: the sheet has no room around the pages (use a larger sheet)");
    // Staplers and folds give up around 20 sheets; beyond that, sections (signatures) are the way.
    if (folded && plan.signature_pages / 4 > 20)
        report.notes.push_back("one signature of " + std::to_string(plan.signature_pages / 4) +
                               " sheets is too thick to fold and staple well; consider --signature 16-32");
    if (!folded && options.paper_thickness_mm > 0 && plan.schema != Schema::zine)
        report.notes.push_back("paper thickness only shifts pages (creep) in folded booklets");
}

// Imposes the pages of `pdf` (rearranging it: the source pages become forms on new sheets).
std::string impose_loaded(QPDF& pdf, const ImposeOptions& options, ImpositionReport* report) {
    const Schema schema = parse_schema(options.schema);
    QPDFPageDocumentHelper document(pdf);
    auto pages = document.getAllPages();
    const SignatureLayout plan = layout_pages(
        schema, static_cast<int>(pages.size()),
        {options.signature_range, options.keep_back_cover, options.paper_thickness_mm});
    const auto [page_width, page_height] = largest_page_size(pages);
    const SheetGeometry geometry = fit_sheet(plan.columns, plan.rows, page_width, page_height,
                                             options.sheet_width_pt, options.sheet_height_pt);
    const bool marks = options.crop_marks && room_for_marks(geometry);

    std::vector<QPDFObjectHandle> forms;
    forms.reserve(pages.size());
    for (auto& page : pages) forms.push_back(page_as_form(page));

    auto job_font = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
    SheetDrawer drawer{pdf, document, forms, geometry, plan, options, marks, job_font};
    // New sheets go after the old pages (appending needs a last page), then the old ones leave.
    for (const SheetSide& side : plan.sides) drawer.draw(side);
    remove_source_pages(pdf, pages);
    drop_page_references(pdf);

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.setCompressStreams(true);
    writer.setDeterministicID(true);
    writer.write();
    const std::shared_ptr<Buffer> buffer(writer.getBuffer());
    if (report) fill_report(*report, plan, geometry, options, marks);
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

std::string impose(std::string_view pdf_bytes, const ImposeOptions& options, ImpositionReport* report) {
    parse_schema(options.schema);  // a bad option is the user's error, reported before the file's
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    try {
        pdf.processMemoryFile("PDF to impose", pdf_bytes.data(), pdf_bytes.size());
    } catch (const std::exception& error) {
        throw std::runtime_error(std::string("cannot read the PDF to impose: ") + error.what());
    }
    return impose_loaded(pdf, options, report);
}

std::string impose(RenderedPdf& rendered, const ImposeOptions& options, ImpositionReport* report) {
    parse_schema(options.schema);  // before the document is taken
    std::unique_ptr<LoadedPdf> loaded = rendered.take_loaded();
    if (!loaded) return impose(rendered.bytes(), options, report);
    return impose_loaded(loaded->document, options, report);
}

std::pair<int, int> parse_signature(std::string_view text) {
    return imposition::parse_signature(text);
}

std::vector<std::string> imposition_schemas() {
    return {"booklet", "duplex-booklet", "2up", "4up", "zine"};
}

std::string imposition_help() {
    return "booklet: fold and staple; print double-sided, flip on SHORT edge\n"
           "duplex-booklet: the same for printers that only flip on the long edge (backs turned)\n"
           "2up: two pages per side, cut in half\n"
           "4up: four pages per side; print double-sided (long edge), cut in four, stack the piles\n"
           "zine: eight-page mini zine on one side of one sheet; fold, cut the middle, fold\n";
}

}  // namespace pamphlet::pdf
