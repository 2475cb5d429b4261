// Scaffolding until the typesetter lands: one empty page per document.
#include "layout/typeset.hpp"

namespace pamphlet::layout {

TypesetDocument typeset(const model::Document&, const Style& style, model::Report&) {
    TypesetDocument result;
    result.pages.push_back(Page{style.page.width_pt, style.page.height_pt, "1", {}});
    result.page_starts.push_back(PageStart{1, "1", {}});
    return result;
}

}  // namespace pamphlet::layout
