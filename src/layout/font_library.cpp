// FontLibrary: fontconfig finds the files, HarfBuzz (its built-in OpenType functions, no FreeType
// rasteriser needed for metrics) measures them. Not thread-safe: measurements are cached lazily.
#include "layout/font_library.hpp"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace pamphlet::layout {
namespace {

struct FontconfigDeleter {
    void operator()(FcConfig* config) const { FcConfigDestroy(config); }
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
    void operator()(FcFontSet* set) const { FcFontSetDestroy(set); }
};
struct HarfBuzzDeleter {
    void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
    void operator()(hb_face_t* face) const { hb_face_destroy(face); }
    void operator()(hb_font_t* font) const { hb_font_destroy(font); }
    void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
};
template <typename T>
using FcPointer = std::unique_ptr<T, FontconfigDeleter>;
template <typename T>
using HbPointer = std::unique_ptr<T, HarfBuzzDeleter>;

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string read_whole_file(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) throw std::runtime_error("cannot read font file " + file.string());
    return std::string(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
}

// What fontconfig says about one candidate file.
struct Candidate {
    std::filesystem::path file;
    std::vector<std::string> families;
    FontWeight weight = FontWeight::normal;
    FontSlant slant = FontSlant::normal;
};

}  // namespace

struct LoadedFace {
    std::filesystem::path file;
    std::string family;
    FontWeight weight = FontWeight::normal;
    FontSlant slant = FontSlant::normal;
    std::string bytes;  // must outlive the blob, which points into it
    HbPointer<hb_blob_t> blob;
    HbPointer<hb_face_t> face;
    HbPointer<hb_font_t> font;
    double units_per_em = 1000;
    FaceMetrics metrics;
    // Advances of the common characters (Latin, Greek, Cyrillic, punctuation) in a flat table;
    // negative: not measured yet.
    static constexpr char32_t common_characters = 0x2100;
    mutable std::vector<double> common_advances = std::vector<double>(common_characters, -1.0);
    mutable std::unordered_map<char32_t, double> advances;
    mutable std::unordered_map<char32_t, std::pair<double, double>> ink;  // ascent, descent
    mutable std::unordered_map<std::uint64_t, double> kerning;
    mutable HbPointer<hb_buffer_t> buffer;

    explicit LoadedFace(const Candidate& candidate)
        : file(candidate.file),
          family(candidate.families.empty() ? candidate.file.stem().string() : candidate.families.front()),
          weight(candidate.weight),
          slant(candidate.slant),
          bytes(read_whole_file(candidate.file)) {
        blob.reset(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr,
                                  nullptr));
        face.reset(hb_face_create(blob.get(), 0));
        units_per_em = std::max(1u, hb_face_get_upem(face.get()));
        font.reset(hb_font_create(face.get()));  // HarfBuzz's OpenType functions; scale = upem
        buffer.reset(hb_buffer_create());
        auto position = [&](hb_ot_metrics_tag_t tag, double fallback) {
            hb_position_t value = 0;
            return hb_ot_metrics_get_position(font.get(), tag, &value) ? value / units_per_em : fallback;
        };
        metrics.ascender = position(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, metrics.ascender);
        metrics.descender = position(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, metrics.descender);
        metrics.x_height = position(HB_OT_METRICS_TAG_X_HEIGHT, metrics.x_height);
        metrics.cap_height = position(HB_OT_METRICS_TAG_CAP_HEIGHT, metrics.cap_height);
    }

    hb_codepoint_t glyph(char32_t character) const {
        hb_codepoint_t glyph = 0;
        return hb_font_get_nominal_glyph(font.get(), character, &glyph) ? glyph : 0;
    }

    double advance(char32_t character) const {
        if (character < common_characters) {
            double& known = common_advances[character];
            if (known < 0) known = hb_font_get_glyph_h_advance(font.get(), glyph(character)) / units_per_em;
            return known;
        }
        auto found = advances.find(character);
        if (found != advances.end()) return found->second;
        double value = hb_font_get_glyph_h_advance(font.get(), glyph(character)) / units_per_em;
        advances.emplace(character, value);
        return value;
    }

    const std::pair<double, double>& ink_extent(char32_t character) const {
        auto found = ink.find(character);
        if (found != ink.end()) return found->second;
        hb_glyph_extents_t extents{};
        std::pair<double, double> value{0, 0};
        if (hb_font_get_glyph_extents(font.get(), glyph(character), &extents)) {
            value = {extents.y_bearing / units_per_em, -(extents.y_bearing + extents.height) / units_per_em};
        }
        return ink.emplace(character, value).first->second;
    }

    // Kerning as the PDF will need it: shape the pair with HarfBuzz (GPOS or the old kern
    // table) and compare with the nominal advance. Ligatures and contextual alternates are off
    // because libharu draws every code point with its nominal glyph; if shaping still substitutes
    // a glyph, the pair gets no kerning rather than a wrong one.
    double kern(char32_t left, char32_t right) const {
        std::uint64_t key = (static_cast<std::uint64_t>(left) << 32) | right;
        auto found = kerning.find(key);
        if (found != kerning.end()) return found->second;
        double value = 0;
        hb_codepoint_t left_glyph = glyph(left);
        hb_codepoint_t right_glyph = glyph(right);
        if (left_glyph != 0 && right_glyph != 0) {
            hb_buffer_t* pair = buffer.get();
            hb_buffer_clear_contents(pair);
            std::uint32_t text[2] = {left, right};
            hb_buffer_add_utf32(pair, text, 2, 0, 2);
            hb_buffer_guess_segment_properties(pair);
            static const hb_feature_t features[] = {
                {HB_TAG('l', 'i', 'g', 'a'), 0, 0, ~0u}, {HB_TAG('c', 'l', 'i', 'g'), 0, 0, ~0u},
                {HB_TAG('c', 'a', 'l', 't'), 0, 0, ~0u}, {HB_TAG('k', 'e', 'r', 'n'), 1, 0, ~0u},
            };
            hb_shape(font.get(), pair, features, sizeof features / sizeof features[0]);
            unsigned count = 0;
            hb_glyph_info_t* info = hb_buffer_get_glyph_infos(pair, &count);
            hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(pair, &count);
            if (count == 2 && info[0].codepoint == left_glyph && info[1].codepoint == right_glyph &&
                positions[1].x_offset == 0) {
                value = (positions[0].x_advance - hb_font_get_glyph_h_advance(font.get(), left_glyph)) / units_per_em;
            }
        }
        kerning.emplace(key, value);
        return value;
    }
};

struct FontLibrary::Implementation {
    FcPointer<FcConfig> config;
    std::vector<std::unique_ptr<LoadedFace>> faces;
    std::map<std::filesystem::path, FaceId> by_file;
    std::map<std::tuple<std::string, FontWeight, FontSlant>, std::pair<FaceId, bool>> by_request;
    std::map<std::pair<FaceId, char32_t>, FaceId> fallback_choice;

    // fontconfig's preference order for the request, keeping only TrueType-outline .ttf files
    // (libharu cannot embed CFF outlines or collections).
    std::vector<Candidate> candidates(std::string_view family, FontWeight weight, FontSlant slant) const {
        FcPointer<FcPattern> pattern(FcPatternCreate());
        std::string family_text(family);
        FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family_text.c_str()));
        FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight == FontWeight::bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        FcPatternAddInteger(pattern.get(), FC_SLANT, slant == FontSlant::italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
        FcPatternAddInteger(pattern.get(), FC_WIDTH, FC_WIDTH_NORMAL);
        FcConfigSubstitute(config.get(), pattern.get(), FcMatchPattern);
        FcDefaultSubstitute(pattern.get());
        FcResult result = FcResultNoMatch;
        FcPointer<FcFontSet> sorted(FcFontSort(config.get(), pattern.get(), FcFalse, nullptr, &result));
        std::vector<Candidate> out;
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
            Candidate candidate;
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

    FaceId load(const Candidate& candidate) {
        auto found = by_file.find(candidate.file);
        if (found != by_file.end()) return found->second;
        faces.push_back(std::make_unique<LoadedFace>(candidate));
        auto id = static_cast<FaceId>(faces.size() - 1);
        by_file.emplace(candidate.file, id);
        return id;
    }

    const LoadedFace& at(FaceId id) const {
        if (id < 0 || static_cast<std::size_t>(id) >= faces.size()) throw std::out_of_range("no such font face");
        return *faces[static_cast<std::size_t>(id)];
    }
};

FontLibrary::FontLibrary() : implementation_(std::make_unique<Implementation>()) {
    implementation_->config.reset(FcInitLoadConfigAndFonts());
    if (!implementation_->config) throw std::runtime_error("fontconfig could not be initialised");
}

FontLibrary::~FontLibrary() = default;

FaceId FontLibrary::face(std::string_view family, FontWeight weight, FontSlant slant, bool* substituted) {
    auto key = std::make_tuple(std::string(family), weight, slant);
    auto found = implementation_->by_request.find(key);
    if (found == implementation_->by_request.end()) {
        std::vector<Candidate> candidates = implementation_->candidates(family, weight, slant);
        if (candidates.empty()) {
            throw std::runtime_error("no TrueType font installed for \"" + std::string(family) + "\"");
        }
        const Candidate& best = candidates.front();
        std::string wanted = lower_ascii(family);
        bool same_family = std::any_of(best.families.begin(), best.families.end(),
                                       [&](const std::string& name) { return lower_ascii(name) == wanted; });
        bool exact = same_family && best.weight == weight && best.slant == slant;
        found = implementation_->by_request.emplace(key, std::make_pair(implementation_->load(best), !exact)).first;
    }
    if (substituted != nullptr) *substituted = found->second.second;
    return found->second.first;
}

FaceId FontLibrary::face_for(FaceId preferred, char32_t character, const std::vector<std::string>& fallback_families) {
    if (has_glyph(preferred, character)) return preferred;
    auto key = std::make_pair(preferred, character);
    auto found = implementation_->fallback_choice.find(key);
    if (found != implementation_->fallback_choice.end()) return found->second;
    FaceId chosen = preferred;
    for (const std::string& family : fallback_families) {
        FaceId candidate = face(family, weight(preferred), slant(preferred));
        if (has_glyph(candidate, character)) {
            chosen = candidate;
            break;
        }
    }
    implementation_->fallback_choice.emplace(key, chosen);
    return chosen;
}

bool FontLibrary::has_glyph(FaceId face, char32_t character) const {
    return implementation_->at(face).glyph(character) != 0;
}

double FontLibrary::advance_em(FaceId face, char32_t character) const {
    return implementation_->at(face).advance(character);
}

double FontLibrary::kerning_em(FaceId face, char32_t left, char32_t right) const {
    return implementation_->at(face).kern(left, right);
}

FaceMetrics FontLibrary::metrics(FaceId face) const { return implementation_->at(face).metrics; }

double FontLibrary::ink_ascent_em(FaceId face, char32_t character) const {
    return implementation_->at(face).ink_extent(character).first;
}

double FontLibrary::ink_descent_em(FaceId face, char32_t character) const {
    return implementation_->at(face).ink_extent(character).second;
}

const std::filesystem::path& FontLibrary::file(FaceId face) const { return implementation_->at(face).file; }

std::string_view FontLibrary::file_bytes(FaceId face) const { return implementation_->at(face).bytes; }

std::string FontLibrary::family_name(FaceId face) const { return implementation_->at(face).family; }

FontWeight FontLibrary::weight(FaceId face) const { return implementation_->at(face).weight; }

FontSlant FontLibrary::slant(FaceId face) const { return implementation_->at(face).slant; }

std::size_t FontLibrary::face_count() const { return implementation_->faces.size(); }

}  // namespace pamphlet::layout
