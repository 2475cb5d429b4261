#include "layout/resources.hpp"

#include <utility>

namespace pamphlet::layout {

LayoutResources::LayoutResources(std::filesystem::path hyphenation_directory)
    : fonts_(std::make_shared<FontStore>()),
      hyphenation_(std::make_shared<HyphenationPatterns>(std::move(hyphenation_directory))) {}

}  // namespace pamphlet::layout
