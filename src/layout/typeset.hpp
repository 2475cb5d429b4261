// Typesetting: turns a prepared document into positioned pages (frames) for a style. The PDF
// backend only draws these pages; the EPUB backend uses their page starts for its page list.
#pragma once

#include <memory>
#include <vector>

#include "layout/frame.hpp"
#include "layout/page_starts.hpp"
#include "layout/resources.hpp"
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
// Fonts and hyphenation patterns come from `resources`, shared with the run's other documents;
// the result is byte-for-byte the same as with fresh resources.
TypesetDocument typeset(const model::Document& document, const Style& style, const LayoutResources& resources,
                        model::Report& report);
// The same with resources of its own (loads every font and pattern file it needs).
TypesetDocument typeset(const model::Document& document, const Style& style, model::Report& report);

}  // namespace pamphlet::layout
