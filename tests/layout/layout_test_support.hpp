// Helpers the layout tests share.
#pragma once

#include <string>
#include <utility>

#include "layout/hyphenation.hpp"
#include "model/document.hpp"

namespace pamphlet::layout::testing {

// One object for the tests that only read: loading the German patterns costs seconds.
inline Hyphenation& shared_hyphenation() {
    static Hyphenation hyphenation;
    return hyphenation;
}

// A paragraph of plain text.
inline model::Block paragraph(std::string text) { return model::Paragraph{{model::Text{std::move(text)}}}; }

}  // namespace pamphlet::layout::testing
