// The style loader (layout::parse_style) on arbitrary TOML: it must return a style whose numbers
// the layout can use, or refuse with layout::StyleError naming a file.
#include <cmath>

#include "fuzz_support.hpp"
#include "layout/style.hpp"

namespace {

bool usable_length(double value) { return std::isfinite(value) && value >= 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    using pamphlet::fuzz::finding;
    const std::string origin = "fuzz-style.toml";
    try {
        const pamphlet::layout::Style style = pamphlet::layout::parse_style(pamphlet::fuzz::as_text(data, size), origin);
        const auto& page = style.page;
        if (!(usable_length(page.width_pt) && page.width_pt > 0 && usable_length(page.height_pt) && page.height_pt > 0))
            finding("parse_style accepted a page without a positive finite size");
        for (double margin : {page.margin_top_pt, page.margin_bottom_pt, page.margin_inner_pt, page.margin_outer_pt})
            if (!usable_length(margin)) finding("parse_style accepted a negative or non-finite margin");
        if (page.margin_inner_pt + page.margin_outer_pt >= page.width_pt ||
            page.margin_top_pt + page.margin_bottom_pt >= page.height_pt)
            finding("parse_style accepted margins that leave no room for text");
        if (!(std::isfinite(style.font.size_pt) && style.font.size_pt > 0))
            finding("parse_style accepted a font size that is not positive and finite");
        if (!(std::isfinite(style.font.leading) && style.font.leading > 0))
            finding("parse_style accepted a leading that is not positive and finite");
        for (const auto& heading : style.headings)
            if (!(std::isfinite(heading.size) && heading.size > 0))
                finding("parse_style accepted a heading size that is not positive and finite");
        if (!(std::isfinite(style.notes.size) && style.notes.size > 0))
            finding("parse_style accepted a note size that is not positive and finite");
    } catch (const pamphlet::layout::StyleError& error) {
        // The origin, or the base style it names, where the mistake is.
        if (error.file().empty()) finding("a StyleError names no file:", error.what());
    } catch (const std::exception& error) {
        finding("parse_style threw something other than layout::StyleError:", error.what());
    }
    return 0;
}
