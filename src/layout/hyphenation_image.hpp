// Compiled images of libhyphen pattern files. Parsing a .dic costs every run that hyphenates
// (11.7 M instructions for en_US, 80 ms for the German megabyte), so the build parses each
// installed file once (src/tools/hyphenation_image_generator.cpp) and writes the resulting
// HyphenDict, every level, as an image; a run maps the image and points the dictionary's states
// at it instead of parsing. An image records the size and modification time of the .dic it was
// made from and is used only while the .dic still has them, so an updated pattern package falls
// back to parsing the text. Both sides are built by the same compiler for the same machine, so
// the image is in its byte order and its HyphenTrans layout.
#pragma once

#include <hyphen.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include "layout/hyphenation_loader.hpp"

namespace pamphlet::layout {

// A file as stat() sees it: what an image is checked against.
struct SourceStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const SourceStamp&) const = default;
};

// The stamp of `file` (symlinks followed), or nothing when it cannot be stat'ed.
std::optional<SourceStamp> source_stamp(const std::filesystem::path& file);

// The image of `dict` and the levels after it, for a source file with stamp `source`.
std::vector<std::byte> hyphenation_image(const HyphenDict& dict, const SourceStamp& source);

// Writes the image of `dict` to `image` atomically (a temporary beside it, then renamed), so a
// reader never sees half a file; false when it cannot be written.
bool save_hyphenation_image(const HyphenDict& dict, const SourceStamp& source, const std::filesystem::path& image);

// The dictionary in the image file when the image is whole and undamaged and `source` still has
// the stamp it records; null otherwise (the caller then parses `source`).
HyphenDictHandle load_hyphenation_image(const std::filesystem::path& image, const std::filesystem::path& source);

// The same for an image already in memory (copied, so `image` need not outlive the result).
HyphenDictHandle hyphenation_image_dict(std::span<const std::byte> image, const std::filesystem::path& source);

}  // namespace pamphlet::layout
