// Typesetting: turns a prepared document into positioned pages (frames) for a style. The PDF
// backend only draws these pages; the EPUB backend uses their page starts for its page list.
#pragma once

#include <memory>
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
    std::shared_ptr<FontLibrary> font_storage;  // owns *fonts when typeset() made it
};

// Pages: [title page, blank verso] [contents..., blank verso if needed] body... The body starts
// on a recto. Every page has a PageStart; only text pages print a folio.
TypesetDocument typeset(const model::Document& document, const Style& style, model::Report& report);

}  // namespace pamphlet::layout
