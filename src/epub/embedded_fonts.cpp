#include "epub/embedded_fonts.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include <fontconfig/fontconfig.h>

namespace pamphlet::epub {
namespace {

template <auto release>
struct Releaser {
    template <typename T>
    void operator()(T* handle) const { release(handle); }
};
using Pattern = std::unique_ptr<FcPattern, Releaser<FcPatternDestroy>>;

struct InstalledFace {
    std::string file;
    int index = 0;
};

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The file of exactly this family, weight and slant, or an empty file when fontconfig would
// substitute another family or synthesise the style.
InstalledFace find_face(const std::string& family, layout::FontWeight weight, layout::FontSlant slant) {
    Pattern pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT,
                        weight == layout::FontWeight::bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.get(), FC_SLANT,
                        slant == layout::FontSlant::italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    Pattern match(FcFontMatch(nullptr, pattern.get(), &result));
    if (!match) return {};
    FcChar8* matched_family = nullptr;
    FcChar8* file = nullptr;
    int matched_weight = 0, matched_slant = 0, index = 0;
    if (FcPatternGetString(match.get(), FC_FAMILY, 0, &matched_family) != FcResultMatch ||
        FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch)
        return {};
    FcPatternGetInteger(match.get(), FC_WEIGHT, 0, &matched_weight);
    FcPatternGetInteger(match.get(), FC_SLANT, 0, &matched_slant);
    FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
    if (lowercase(reinterpret_cast<const char*>(matched_family)) != lowercase(family)) return {};
    const bool bold_found = matched_weight >= FC_WEIGHT_DEMIBOLD;
    const bool italic_found = matched_slant != FC_SLANT_ROMAN;
    if (bold_found != (weight == layout::FontWeight::bold) || italic_found != (slant == layout::FontSlant::italic))
        return {};
    return {reinterpret_cast<const char*>(file), index};
}

std::string file_stem(const std::string& family, layout::FontWeight weight, layout::FontSlant slant) {
    std::string stem;
    for (char c : lowercase(family)) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) stem += c;
        else if (!stem.empty() && stem.back() != '-') stem += '-';
    }
    if (stem.empty() || stem.back() != '-') stem += '-';
    if (weight == layout::FontWeight::bold) stem += "bold";
    if (slant == layout::FontSlant::italic) stem += "italic";
    if (weight == layout::FontWeight::normal && slant == layout::FontSlant::normal) stem += "regular";
    return stem;
}

}  // namespace

std::set<char32_t> characters_in(const std::vector<std::string_view>& texts) {
    std::set<char32_t> characters;
    for (std::string_view text : texts) {
        std::size_t at = 0;
        while (at < text.size()) {
            const auto lead = static_cast<unsigned char>(text[at]);
            const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                                                   : (lead >> 3) == 0x1E ? 4 : 0;
            if (length == 0 || at + length > text.size()) {
                ++at;
                continue;
            }
            char32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
            for (std::size_t i = 1; i < length; ++i)
                code_point = (code_point << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
            characters.insert(code_point);
            at += length;
        }
    }
    return characters;
}

std::vector<FontFile> embedded_fonts(const layout::Style& style, const std::set<char32_t>& characters,
                                     model::Report& report, layout::FontSubsetter* subsetter) {
    layout::FontSubsetter own_subsetter;  // parses nothing unless used
    if (subsetter == nullptr) subsetter = &own_subsetter;
    std::vector<FontFile> fonts;
    for (const auto weight : {layout::FontWeight::normal, layout::FontWeight::bold}) {
        for (const auto slant : {layout::FontSlant::normal, layout::FontSlant::italic}) {
            const InstalledFace installed = find_face(style.font.family, weight, slant);
            if (installed.file.empty()) {
                report.warn("", 0, "EPUB: --embed-fonts: no installed " + file_stem(style.font.family, weight, slant) +
                                       " face of \"" + style.font.family + "\"; reading systems will use their own");
                continue;
            }
            std::string extension = lowercase(installed.file.substr(installed.file.find_last_of('.') + 1));
            const bool opentype_cff = extension == "otf";
            FontFile font;
            font.face = {style.font.family, weight, slant,
                         "fonts/" + file_stem(style.font.family, weight, slant) + (opentype_cff ? ".otf" : ".ttf")};
            font.media_type = opentype_cff ? "font/otf" : "font/ttf";
            try {
                // Layout tables kept: the reading system shapes the text (ligatures, kerning).
                const layout::FontSource source(installed.file, {}, static_cast<unsigned>(installed.index));
                font.bytes = subsetter->subset(source, characters, layout::SubsetOptions{});
            } catch (const std::runtime_error& error) {
                report.warn(installed.file, 0, std::string("EPUB: --embed-fonts: ") + error.what());
                continue;
            }
            fonts.push_back(std::move(font));
        }
    }
    return fonts;
}

}  // namespace pamphlet::epub
