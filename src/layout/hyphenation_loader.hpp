// Our own reader for libhyphen's pattern files (/usr/share/hyphen/hyph_*.dic). libhyphen's
// hnj_hyphen_load keeps its trie states in a fixed table of 31,627 chained buckets, so the German
// file (a 69,000-word compound level plus the TeX patterns, about a million states) takes two
// seconds of CPU to load. This loader builds the very same HyphenDict (same states in the same
// order, same match strings, replacements, fallbacks, transitions, options and implicit first
// level) with a hash map that grows, and allocates every part with malloc so that libhyphen's
// hnj_hyphen_free releases it. Hyphenating still goes through libhyphen.
#pragma once

#include <hyphen.h>

#include <filesystem>
#include <memory>
#include <string_view>

namespace pamphlet::layout {

// Releases a dictionary the way it was made. This loader, like libhyphen, allocates every part
// on its own, and hnj_hyphen_free releases them one by one; a dictionary made from a compiled
// image (hyphenation_image.hpp) is a few blocks pointing into the image, all kept by `owner`.
struct HyphenDictFree {
    std::shared_ptr<void> owner;  // null: the dictionary is released with hnj_hyphen_free
    void operator()(HyphenDict* dict);
};
using HyphenDictHandle = std::unique_ptr<HyphenDict, HyphenDictFree>;

// The dictionary in a pattern file's text, read as hnj_hyphen_load_file reads it.
HyphenDictHandle parse_hyphen_dict(std::string_view text);

// The dictionary in a pattern file; null when the file cannot be read (as hnj_hyphen_load).
HyphenDictHandle load_hyphen_dict(const std::filesystem::path& file);

}  // namespace pamphlet::layout
