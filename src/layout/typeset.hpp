// Typesetting: turns a prepared document into positioned pages (frames) for a style. The PDF
// backend only draws these pages; the EPUB backend uses their page starts for its page list.
#pragma once

#include <vector>

#include "layout/frame.hpp"
#include "layout/page_starts.hpp"
#include "layout/style.hpp"
#include "model/diagnostics.hpp"
#include "model/document.hpp"

namespace pamphlet::layout {

struct TypesetDocument {
    std::vector<Page> pages;
    PageStarts page_starts;       // one per page, same order
    std::vector<OutlineEntry> outline;
    const FontLibrary* fonts = nullptr;  // the faces GlyphRun::face refers to
};

TypesetDocument typeset(const model::Document& document, const Style& style, model::Report& report);

}  // namespace pamphlet::layout
