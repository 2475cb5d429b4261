// Scaffolding until the EPUB backend lands.
#include "epub/write_epub.hpp"

#include <stdexcept>

namespace pamphlet::epub {

std::string write_epub(const model::Document&, const layout::Style&, const layout::PageStarts&,
                       const EpubOptions&, model::Report&) {
    throw std::runtime_error("EPUB output is not available yet");
}

}  // namespace pamphlet::epub
