// Documents that carry their title as a first heading (`# Title` then `## Chapter` ...), as
// Markdown authors often write them, instead of in metadata.
#pragma once

#include "model/document.hpp"

namespace pamphlet::readers {

// When the metadata has no title, the first block is a level-1 heading, and no other level-1
// heading follows, that heading is the title: it is removed from the text, becomes
// metadata.title, and every other heading moves up one level (## becomes a section). Returns
// whether it did so. Documents with several level-1 headings are left alone: those are chapters.
bool promote_title_heading(model::Document& document);

}  // namespace pamphlet::readers
