// Finding font files for a family, weight and slant with fontconfig, in two ways. The system's
// configuration (/etc/fonts with its dozens of rule files) is what a reader's desktop would use,
// but parsing it costs more than typesetting a short essay. Fonts are usually asked for by the
// exact name of an installed family, and then the rules change nothing: the same font folders
// read without any rule give the same file. So the folders alone are asked first, and the
// system's configuration only when they have no exact answer (tests compare both for every
// installed family).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/style.hpp"

namespace pamphlet::layout {

// What fontconfig says about one candidate file.
struct FontCandidate {
    std::filesystem::path file;
    std::vector<std::string> families;
    FontWeight weight = FontWeight::normal;
    FontSlant slant = FontSlant::normal;
};

// True when the candidate is the family asked for (any of its names, ignoring ASCII case), in
// the weight and slant asked for.
bool is_exact_match(const FontCandidate& candidate, std::string_view family, FontWeight weight, FontSlant slant);

// Not thread-safe: FontStore calls it under its lock.
class FontFinder {
public:
    FontFinder();
    ~FontFinder();
    FontFinder(const FontFinder&) = delete;
    FontFinder& operator=(const FontFinder&) = delete;

    // fontconfig's preference order for the request under the system's configuration, keeping
    // only TrueType-outline .ttf files (libharu cannot embed CFF outlines or collections).
    std::vector<FontCandidate> candidates(std::string_view family, FontWeight weight, FontSlant slant);

    // The file for an installed family asked for by its exact name, found in the standard font
    // folders without reading any configuration; nothing when that is not an exact match, or
    // when the environment or the user's own configuration may change the answer (then only
    // `candidates` can be trusted).
    std::optional<FontCandidate> exact_in_font_folders(std::string_view family, FontWeight weight, FontSlant slant);

private:
    struct Implementation;
    std::unique_ptr<Implementation> implementation_;
};

}  // namespace pamphlet::layout
