// What typesetting loads from disk, kept for a whole run: the font files (via fontconfig) and the
// hyphenation patterns per language. One LayoutResources serves every document a process
// converts (the command line's inputs, a batch's thread pool), so a file is read and parsed once
// per run instead of once per document. Thread-safe; each is loaded lazily, on first use, so a
// run loads only the faces and languages its documents use.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>

#include "layout/font_library.hpp"
#include "layout/hyphenation.hpp"

namespace pamphlet::layout {

class LayoutResources {
public:
    explicit LayoutResources(std::filesystem::path hyphenation_directory = "/usr/share/hyphen");

    // The shared stores; each document builds its own FontLibrary and Hyphenation on them.
    const std::shared_ptr<FontStore>& fonts() const { return fonts_; }
    const std::shared_ptr<HyphenationPatterns>& hyphenation() const { return hyphenation_; }

    // Files read so far (for tests and the benchmark: each should be read once per run).
    std::size_t font_files_loaded() const { return fonts_->files_loaded(); }
    std::size_t pattern_files_loaded() const { return hyphenation_->files_loaded(); }

private:
    std::shared_ptr<FontStore> fonts_;
    std::shared_ptr<HyphenationPatterns> hyphenation_;
};

}  // namespace pamphlet::layout
