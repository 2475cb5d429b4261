#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "output_checks.hpp"

namespace pamphlet::fuzz {
namespace {

// Counts content-stream tokens; qpdf reports syntax damage as warnings or exceptions.
class TokenCounter : public QPDFObjectHandle::TokenFilter {
public:
    void handleToken(QPDFTokenizer::Token const& token) override {
        if (token.getType() == QPDFTokenizer::tt_bad) bad = true;
    }
    bool bad = false;
};

}  // namespace

std::string pdf_structure_problem(std::string_view pdf_bytes, std::size_t expected_pages) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        const std::string buffer(pdf_bytes);
        pdf.processMemoryFile("fuzz.pdf", buffer.data(), buffer.size());
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
        if (pages.size() != expected_pages)
            return "qpdf finds " + std::to_string(pages.size()) + " pages, the layout made " +
                   std::to_string(expected_pages);
        for (QPDFPageObjectHelper& page : pages) {
            TokenCounter tokens;
            page.filterContents(&tokens);
            if (tokens.bad) return "a page's content stream holds a bad token";
        }
        if (pdf.anyWarnings()) return std::string("qpdf warns: ") + pdf.getWarnings().front().what();
    } catch (const std::exception& error) {
        return std::string("qpdf cannot parse it: ") + error.what();
    }
    return {};
}

}  // namespace pamphlet::fuzz
