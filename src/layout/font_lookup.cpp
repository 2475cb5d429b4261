#include "layout/font_lookup.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <utility>
#include <stdexcept>
#include <system_error>

namespace pamphlet::layout {
namespace {

struct FontconfigDeleter {
    void operator()(FcConfig* config) const { FcConfigDestroy(config); }
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
    void operator()(FcFontSet* set) const { FcFontSetDestroy(set); }
    void operator()(FcObjectSet* set) const { FcObjectSetDestroy(set); }
};
template <typename T>
using FcPointer = std::unique_ptr<T, FontconfigDeleter>;

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The font and cache folders of fontconfig's own fonts.conf (Debian's names them the same), and
// nothing else: no rule files.
constexpr const char* font_folders_only = R"(<?xml version="1.0"?>
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <dir prefix="xdg">fonts</dir>
  <dir>~/.fonts</dir>
  <cachedir>/var/cache/fontconfig</cachedir>
  <cachedir prefix="xdg">fontconfig</cachedir>
  <cachedir>~/.fontconfig</cachedir>
</fontconfig>
)";

bool path_exists(const std::filesystem::path& path) {
    std::error_code error;
    return std::filesystem::exists(path, error);
}

// Whoever points fontconfig elsewhere or writes rules of their own may get other files for a
// family than the plain folders give: then the system's configuration decides alone.
bool configuration_is_customised() {
    for (const char* variable : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT"}) {
        const char* value = std::getenv(variable);
        if (value != nullptr && *value != '\0') return true;
    }
    std::filesystem::path config_home;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') config_home = xdg;
    const char* home = std::getenv("HOME");
    if (config_home.empty() && home != nullptr && *home != '\0') config_home = std::filesystem::path(home) / ".config";
    if (!config_home.empty() && path_exists(config_home / "fontconfig")) return true;
    if (home != nullptr && *home != '\0') {
        const std::filesystem::path home_path(home);
        if (path_exists(home_path / ".fonts.conf") || path_exists(home_path / ".fonts.conf.d")) return true;
    }
    return path_exists("/etc/fonts/local.conf");
}

// The configuration's fonts that carry `family` among their names as fontconfig compares names
// (FcFontList: ignoring case and blanks), in the configuration's own order and with all their
// properties. Sorting fonts for a request, fontconfig weighs the family before anything else the
// request names (weight, slant, width), and any other family scores worse on it; so these few,
// sorted, begin as all the fonts sorted do, and sorting them costs a fraction of sorting every
// installed font (which grows with each font a desktop has).
FcPointer<FcFontSet> fonts_named(FcConfig* config, const std::string& family) {
    FcPointer<FcPattern> pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPointer<FcObjectSet> objects(FcObjectSetBuild(FC_FILE, FC_INDEX, nullptr));
    FcPointer<FcFontSet> listed(FcFontList(config, pattern.get(), objects.get()));
    FcPointer<FcFontSet> out(FcFontSetCreate());
    if (!listed || !out) return out;
    std::set<std::pair<std::string, int>> named;
    FcChar8* file = nullptr;
    int index = 0;
    for (int i = 0; i < listed->nfont; ++i)
        if (FcPatternGetString(listed->fonts[i], FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetInteger(listed->fonts[i], FC_INDEX, 0, &index) == FcResultMatch)
            named.emplace(reinterpret_cast<const char*>(file), index);
    // FcFontList's own order is its hash table's; ties in the sort keep the configuration's order.
    FcFontSet* all = FcConfigGetFonts(config, FcSetSystem);
    for (int i = 0; all != nullptr && i < all->nfont && !named.empty(); ++i) {
        FcPattern* font = all->fonts[i];
        if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch ||
            FcPatternGetInteger(font, FC_INDEX, 0, &index) != FcResultMatch ||
            named.count({reinterpret_cast<const char*>(file), index}) == 0)
            continue;
        FcPatternReference(font);
        if (!FcFontSetAdd(out.get(), font)) FcPatternDestroy(font);
    }
    return out;
}

// fontconfig's preference order for the request, keeping only TrueType .ttf files; among `only`
// when given, else among all the configuration's fonts.
std::vector<FontCandidate> sorted_candidates(FcConfig* config, std::string_view family, FontWeight weight,
                                             FontSlant slant, FcFontSet* only = nullptr) {
    FcPointer<FcPattern> pattern(FcPatternCreate());
    std::string family_text(family);
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family_text.c_str()));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight == FontWeight::bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.get(), FC_SLANT, slant == FontSlant::italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcPatternAddInteger(pattern.get(), FC_WIDTH, FC_WIDTH_NORMAL);
    FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    FcPointer<FcFontSet> sorted(only != nullptr ? FcFontSetSort(config, &only, 1, pattern.get(), FcFalse, nullptr, &result)
                                                : FcFontSort(config, pattern.get(), FcFalse, nullptr, &result));
    std::vector<FontCandidate> out;
    if (!sorted) return out;
    for (int i = 0; i < sorted->nfont; ++i) {
        FcPattern* font = sorted->fonts[i];
        FcChar8* file = nullptr;
        FcChar8* format = nullptr;
        if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) continue;
        if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch) continue;
        std::filesystem::path path(reinterpret_cast<const char*>(file));
        if (std::string_view(reinterpret_cast<const char*>(format)) != "TrueType") continue;
        if (lower_ascii(path.extension().string()) != ".ttf") continue;
        FontCandidate candidate;
        candidate.file = path;
        FcChar8* name = nullptr;
        for (int k = 0; FcPatternGetString(font, FC_FAMILY, k, &name) == FcResultMatch; ++k) {
            candidate.families.emplace_back(reinterpret_cast<const char*>(name));
        }
        int value = 0;
        if (FcPatternGetInteger(font, FC_WEIGHT, 0, &value) == FcResultMatch) {
            candidate.weight = value >= FC_WEIGHT_SEMIBOLD ? FontWeight::bold : FontWeight::normal;
        }
        if (FcPatternGetInteger(font, FC_SLANT, 0, &value) == FcResultMatch) {
            candidate.slant = value != FC_SLANT_ROMAN ? FontSlant::italic : FontSlant::normal;
        }
        out.push_back(std::move(candidate));
        if (out.size() >= 8) break;  // only the first is used; a few spare for the caller's checks
    }
    return out;
}

}  // namespace

bool is_exact_match(const FontCandidate& candidate, std::string_view family, FontWeight weight, FontSlant slant) {
    const std::string wanted = lower_ascii(family);
    const bool same_family = std::any_of(candidate.families.begin(), candidate.families.end(),
                                         [&](const std::string& name) { return lower_ascii(name) == wanted; });
    return same_family && candidate.weight == weight && candidate.slant == slant;
}

struct FontFinder::Implementation {
    FcPointer<FcConfig> system;  // both made on first use
    FcPointer<FcConfig> folders;
    bool folders_failed = false;  // or not to be trusted here
};

FontFinder::FontFinder() : implementation_(std::make_unique<Implementation>()) {}
FontFinder::~FontFinder() = default;

std::vector<FontCandidate> FontFinder::candidates(std::string_view family, FontWeight weight, FontSlant slant) {
    if (!implementation_->system) {
        implementation_->system.reset(FcInitLoadConfigAndFonts());
        if (!implementation_->system) throw std::runtime_error("fontconfig could not be initialised");
    }
    return sorted_candidates(implementation_->system.get(), family, weight, slant);
}

std::optional<FontCandidate> FontFinder::exact_in_font_folders(std::string_view family, FontWeight weight,
                                                               FontSlant slant) {
    Implementation& state = *implementation_;
    if (state.folders_failed) return std::nullopt;
    if (!state.folders) {
        if (configuration_is_customised()) {
            state.folders_failed = true;
            return std::nullopt;
        }
        FcPointer<FcConfig> config(FcConfigCreate());
        if (!config ||
            !FcConfigParseAndLoadFromMemory(config.get(), reinterpret_cast<const FcChar8*>(font_folders_only), FcFalse) ||
            !FcConfigBuildFonts(config.get())) {
            state.folders_failed = true;
            return std::nullopt;
        }
        state.folders = std::move(config);
    }
    const FcPointer<FcFontSet> named = fonts_named(state.folders.get(), std::string(family));
    if (!named || named->nfont == 0) return std::nullopt;
    std::vector<FontCandidate> found = sorted_candidates(state.folders.get(), family, weight, slant, named.get());
    if (found.empty() || !is_exact_match(found.front(), family, weight, slant)) return std::nullopt;
    return std::move(found.front());
}

}  // namespace pamphlet::layout
