// FontStore and FontLibrary: fontconfig finds the files (font_lookup), HarfBuzz (its built-in OpenType
// functions, no FreeType rasteriser needed for metrics) measures them. The store (shared by a
// run) parses each file once under a mutex; each document's FontLibrary caches measurements
// lazily for itself, so the hot per-glyph paths take no locks.
#include "layout/font_library.hpp"

#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "layout/font_lookup.hpp"
#include "layout/harfbuzz_handles.hpp"
#include "layout/pair_adjustment.hpp"

namespace pamphlet::layout {
namespace {

// The file mapped into memory by HarfBuzz (read-only, shared with the page cache): HarfBuzz and
// the subsetter touch only the tables and glyphs a document uses, so most of a font file is
// never read, and nothing is copied.
HbPointer<hb_blob_t> map_whole_file(const std::filesystem::path& file) {
    HbPointer<hb_blob_t> blob(hb_blob_create_from_file_or_fail(file.c_str()));
    if (!blob || hb_blob_get_length(blob.get()) == 0) throw std::runtime_error("cannot read font file " + file.string());
    return blob;
}

}  // namespace

// One parsed font file, shared by every document of a run. Immutable once built, so threads
// may read it together (HarfBuzz's font functions and hb_shape are safe on a shared hb_font_t).
struct FontFile {
    std::filesystem::path file;
    std::string family;
    FontWeight weight = FontWeight::normal;
    FontSlant slant = FontSlant::normal;
    HbPointer<hb_blob_t> blob;  // the whole file
    std::string_view bytes;     // the blob's contents
    HbPointer<hb_face_t> face;
    HbPointer<hb_font_t> font;
    double units_per_em = 1000;
    FaceMetrics metrics;
    PairAdjustmentScreen pairs;  // which pairs shaping could kern

    explicit FontFile(const FontCandidate& candidate)
        : file(candidate.file),
          family(candidate.families.empty() ? candidate.file.stem().string() : candidate.families.front()),
          weight(candidate.weight),
          slant(candidate.slant),
          blob(map_whole_file(candidate.file)),
          face(hb_face_create(blob.get(), 0)),
          pairs(face.get()) {
        unsigned length = 0;
        const char* data = hb_blob_get_data(blob.get(), &length);
        bytes = std::string_view(data, length);
        units_per_em = std::max(1u, hb_face_get_upem(face.get()));
        font.reset(hb_font_create(face.get()));  // HarfBuzz's OpenType functions; scale = upem
        hb_font_make_immutable(font.get());
        auto position = [&](hb_ot_metrics_tag_t tag, double fallback) {
            hb_position_t value = 0;
            return hb_ot_metrics_get_position(font.get(), tag, &value) ? value / units_per_em : fallback;
        };
        metrics.ascender = position(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, metrics.ascender);
        metrics.descender = position(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, metrics.descender);
        metrics.x_height = position(HB_OT_METRICS_TAG_X_HEIGHT, metrics.x_height);
        metrics.cap_height = position(HB_OT_METRICS_TAG_CAP_HEIGHT, metrics.cap_height);
    }
};

// A small open-addressing table from a character pair to its kerning: the line breaker asks for
// the kerning of every neighbouring pair of a novel, and std::unordered_map's node per entry and
// modulo hashing cost more than the look-up itself.
class PairKerning {
public:
    const double* find(std::uint64_t key) const {
        if (keys_.empty()) return nullptr;
        for (std::size_t slot = home(key);; slot = (slot + 1) & mask()) {
            if (keys_[slot] == key) return &values_[slot];
            if (keys_[slot] == empty) return nullptr;
        }
    }

    void insert(std::uint64_t key, double value) {
        if (2 * (count_ + 1) > keys_.size()) grow();
        std::size_t slot = home(key);
        while (keys_[slot] != empty && keys_[slot] != key) slot = (slot + 1) & mask();
        count_ += keys_[slot] == empty;
        keys_[slot] = key;
        values_[slot] = value;
    }

private:
    // No real pair has this key: a character is at most 0x10FFFF.
    static constexpr std::uint64_t empty = ~std::uint64_t{0};

    std::size_t mask() const { return keys_.size() - 1; }
    std::size_t home(std::uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
    }

    void grow() {
        std::vector<std::uint64_t> old_keys = std::move(keys_);
        std::vector<double> old_values = std::move(values_);
        const std::size_t size = old_keys.empty() ? 1024 : 2 * old_keys.size();
        keys_.assign(size, empty);
        values_.assign(size, 0.0);
        shift_ = 64 - static_cast<int>(std::countr_zero(size));
        count_ = 0;
        for (std::size_t i = 0; i < old_keys.size(); ++i)
            if (old_keys[i] != empty) insert(old_keys[i], old_values[i]);
    }

    std::vector<std::uint64_t> keys_;
    std::vector<double> values_;
    std::size_t count_ = 0;
    int shift_ = 64;
};

// A table of the common characters (Latin, Greek, Cyrillic, punctuation: below U+2100) in blocks
// of 256, each made on its first use and filled with `unknown`. A document uses a few blocks
// (Basic Latin, Latin-1, General Punctuation); flat tables of every one were a quarter of a
// megabyte per face, all written when made (a tenth of a pamphlet's page faults).
constexpr char32_t common_character_limit = 0x2100;

template <typename T>
class CommonCharacterTable {
public:
    static constexpr char32_t limit = common_character_limit;

    explicit CommonCharacterTable(T unknown) : unknown_(unknown) {}

    // The entry, or null when the character's block was never made.
    const T* find(char32_t character) const {
        const Block* block = blocks_[character >> 8].get();
        return block != nullptr ? &(*block)[character & 0xFF] : nullptr;
    }

    T& slot(char32_t character) {
        std::unique_ptr<Block>& block = blocks_[character >> 8];
        if (!block) {
            block = std::make_unique<Block>();
            block->fill(unknown_);
        }
        return (*block)[character & 0xFF];
    }

private:
    using Block = std::array<T, 256>;
    T unknown_;
    std::array<std::unique_ptr<Block>, (limit + 255) / 256> blocks_;
};

// A face as one document uses it: the shared file plus this document's lazily filled caches of
// glyph ids, advances, ink extents and kerning. The line breaker asks for these per glyph, so the
// common characters sit in tables indexed by character, not in hash maps.
struct LoadedFace {
    std::shared_ptr<const FontFile> shared;
    const FontFile& file;
    static constexpr char32_t common_characters = common_character_limit;
    static constexpr std::uint32_t unknown_glyph = 0xFFFFFFFF;
    mutable CommonCharacterTable<std::uint32_t> common_glyphs{unknown_glyph};
    mutable CommonCharacterTable<double> common_advances{-1.0};  // negative: not yet
    // NaN ascent: not yet measured.
    mutable CommonCharacterTable<InkExtent> common_ink{InkExtent{std::numeric_limits<double>::quiet_NaN(), 0}};
    mutable std::unordered_map<char32_t, hb_codepoint_t> glyphs;
    mutable std::unordered_map<char32_t, double> advances;
    mutable std::unordered_map<char32_t, InkExtent> ink;
    mutable PairKerning kerning;
    mutable HbPointer<hb_buffer_t> buffer;
    // The shaping plans of the pairs measured so far, one per direction, script and language
    // (a handful): hb_shape would look its plan up in the face's cache at every call, which cost
    // more than shaping the two characters.
    mutable std::vector<std::pair<hb_segment_properties_t, HbPointer<hb_shape_plan_t>>> plans;

    explicit LoadedFace(std::shared_ptr<const FontFile> loaded) : shared(std::move(loaded)), file(*shared) {}

    hb_codepoint_t lookup_glyph(char32_t character) const {
        hb_codepoint_t glyph = 0;
        return hb_font_get_nominal_glyph(file.font.get(), character, &glyph) ? glyph : 0;
    }

    hb_codepoint_t glyph(char32_t character) const {
        if (character < common_characters)
            if (const std::uint32_t* known = common_glyphs.find(character); known && *known != unknown_glyph) return *known;
        return remember_glyph(character);
    }

    [[gnu::noinline]] hb_codepoint_t remember_glyph(char32_t character) const {
        if (character < common_characters) {
            std::uint32_t& known = common_glyphs.slot(character);
            if (known == unknown_glyph) known = lookup_glyph(character);
            return known;
        }
        auto found = glyphs.find(character);
        if (found != glyphs.end()) return found->second;
        return glyphs.emplace(character, lookup_glyph(character)).first->second;
    }

    double measure_advance(char32_t character) const {
        return hb_font_get_glyph_h_advance(file.font.get(), glyph(character)) / file.units_per_em;
    }

    double advance(char32_t character) const {
        if (character < common_characters)
            if (const double* known = common_advances.find(character); known && *known >= 0) return *known;
        return remember_advance(character);
    }

    [[gnu::noinline]] double remember_advance(char32_t character) const {
        if (character < common_characters) {
            double& known = common_advances.slot(character);
            if (known < 0) known = measure_advance(character);
            return known;
        }
        auto found = advances.find(character);
        if (found != advances.end()) return found->second;
        return advances.emplace(character, measure_advance(character)).first->second;
    }

    InkExtent measure_ink(char32_t character) const {
        hb_glyph_extents_t extents{};
        InkExtent value{0, 0};
        if (hb_font_get_glyph_extents(file.font.get(), glyph(character), &extents)) {
            value = {extents.y_bearing / file.units_per_em, -(extents.y_bearing + extents.height) / file.units_per_em};
        }
        return value;
    }

    // The hot paths below answer from the tables in a few instructions; what fills the tables
    // sits in functions of its own, so the hot ones stay small enough to inline.
    InkExtent ink_extent(char32_t character) const {
        if (character < common_characters)
            if (const InkExtent* known = common_ink.find(character); known && !std::isnan(known->ascent)) return *known;
        return remember_ink(character);
    }

    [[gnu::noinline]] InkExtent remember_ink(char32_t character) const {
        if (character < common_characters) {
            InkExtent& known = common_ink.slot(character);
            if (std::isnan(known.ascent)) known = measure_ink(character);
            return known;
        }
        auto found = ink.find(character);
        if (found != ink.end()) return found->second;
        return ink.emplace(character, measure_ink(character)).first->second;
    }

    // Kerning as the PDF will need it: shape the pair with HarfBuzz (GPOS or the old kern
    // table) and compare with the nominal advance. Ligatures and contextual alternates are off
    // because libharu draws every code point with its nominal glyph; if shaping still substitutes
    // a glyph, the pair gets no kerning rather than a wrong one. Pairs the font's tables cannot
    // move (PairAdjustmentScreen) are not shaped: their kerning is zero.
    double kern(char32_t left, char32_t right) const {
        const std::uint64_t key = (static_cast<std::uint64_t>(left) << 32) | right;
        if (const double* found = kerning.find(key)) return *found;
        return remember_kern(left, right, key);
    }

    static constexpr hb_feature_t kerning_features[] = {
        {HB_TAG('l', 'i', 'g', 'a'), 0, 0, ~0u}, {HB_TAG('c', 'l', 'i', 'g'), 0, 0, ~0u},
        {HB_TAG('c', 'a', 'l', 't'), 0, 0, ~0u}, {HB_TAG('k', 'e', 'r', 'n'), 1, 0, ~0u},
    };

    // The plan hb_shape would use for the buffer: the same one, from the same cache, kept.
    hb_shape_plan_t* plan_for(hb_buffer_t* buffer_to_shape) const {
        hb_segment_properties_t properties;
        hb_buffer_get_segment_properties(buffer_to_shape, &properties);
        for (const auto& [known, plan] : plans)
            if (hb_segment_properties_equal(&known, &properties)) return plan.get();
        HbPointer<hb_shape_plan_t> plan(hb_shape_plan_create_cached(file.face.get(), &properties, kerning_features,
                                                                    std::size(kerning_features), nullptr));
        return plans.emplace_back(properties, std::move(plan)).second.get();
    }

    [[gnu::noinline]] double remember_kern(char32_t left, char32_t right, std::uint64_t key) const {
        double value = 0;
        hb_codepoint_t left_glyph = glyph(left);
        hb_codepoint_t right_glyph = glyph(right);
        if (left_glyph != 0 && right_glyph != 0 && file.pairs.may_adjust(left, left_glyph, right, right_glyph)) {
            if (!buffer) buffer.reset(hb_buffer_create());
            hb_buffer_t* pair = buffer.get();
            hb_buffer_clear_contents(pair);
            std::uint32_t text[2] = {left, right};
            hb_buffer_add_utf32(pair, text, 2, 0, 2);
            hb_buffer_guess_segment_properties(pair);
            hb_shape_plan_execute(plan_for(pair), file.font.get(), pair, kerning_features, std::size(kerning_features));
            unsigned count = 0;
            hb_glyph_info_t* info = hb_buffer_get_glyph_infos(pair, &count);
            hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(pair, &count);
            if (count == 2 && info[0].codepoint == left_glyph && info[1].codepoint == right_glyph &&
                positions[1].x_offset == 0) {
                value = (positions[0].x_advance - hb_font_get_glyph_h_advance(file.font.get(), left_glyph)) /
                        file.units_per_em;
            }
        }
        kerning.insert(key, value);
        return value;
    }
};

struct FontStore::Implementation {
    // What a family, weight and slant resolved to: the file and whether it is a substitute.
    struct Resolution {
        std::shared_ptr<const FontFile> file;
        bool substituted = false;
    };

    std::mutex mutex;  // guards everything below
    FontFinder finder;
    std::map<std::tuple<std::string, FontWeight, FontSlant>, Resolution> by_request;
    std::map<std::filesystem::path, std::shared_ptr<const FontFile>> by_file;
    std::size_t files_loaded = 0;

    std::shared_ptr<const FontFile> load(const FontCandidate& candidate) {
        auto found = by_file.find(candidate.file);
        if (found != by_file.end()) return found->second;
        auto file = std::make_shared<const FontFile>(candidate);
        ++files_loaded;
        by_file.emplace(candidate.file, file);
        return file;
    }

    Resolution resolve(std::string_view family, FontWeight weight, FontSlant slant) {
        std::lock_guard lock(mutex);
        auto key = std::make_tuple(std::string(family), weight, slant);
        auto found = by_request.find(key);
        if (found != by_request.end()) return found->second;
        // An installed family asked for by name: the font folders answer without the system's
        // rules (see font_lookup.hpp); anything else goes to fontconfig's full configuration.
        if (std::optional<FontCandidate> exact = finder.exact_in_font_folders(family, weight, slant))
            return by_request.emplace(key, Resolution{load(*exact), false}).first->second;
        std::vector<FontCandidate> options = finder.candidates(family, weight, slant);
        if (options.empty()) throw std::runtime_error("no TrueType font installed for \"" + std::string(family) + "\"");
        const FontCandidate& best = options.front();
        bool exact = is_exact_match(best, family, weight, slant);
        return by_request.emplace(key, Resolution{load(best), !exact}).first->second;
    }
};

FontStore::FontStore() : implementation_(std::make_unique<Implementation>()) {}
FontStore::~FontStore() = default;

std::size_t FontStore::files_loaded() const {
    std::lock_guard lock(implementation_->mutex);
    return implementation_->files_loaded;
}

struct FontLibrary::Implementation {
    std::shared_ptr<FontStore> store;
    std::vector<std::unique_ptr<LoadedFace>> faces;
    std::map<const FontFile*, FaceId> by_file;
    std::map<std::tuple<std::string, FontWeight, FontSlant>, std::pair<FaceId, bool>> by_request;
    std::map<std::pair<FaceId, char32_t>, FaceId> fallback_choice;

    FaceId add(std::shared_ptr<const FontFile> file) {
        auto found = by_file.find(file.get());
        if (found != by_file.end()) return found->second;
        faces.push_back(std::make_unique<LoadedFace>(file));
        auto id = static_cast<FaceId>(faces.size() - 1);
        by_file.emplace(file.get(), id);
        return id;
    }

    const LoadedFace& at(FaceId id) const {
        if (id < 0 || static_cast<std::size_t>(id) >= faces.size()) throw std::out_of_range("no such font face");
        return *faces[static_cast<std::size_t>(id)];
    }
};

FontLibrary::FontLibrary() : FontLibrary(std::make_shared<FontStore>()) {}

FontLibrary::FontLibrary(std::shared_ptr<FontStore> store) : implementation_(std::make_unique<Implementation>()) {
    if (!store) throw std::invalid_argument("FontLibrary needs a font store");
    implementation_->store = std::move(store);
}

FontLibrary::~FontLibrary() = default;

FaceId FontLibrary::face(std::string_view family, FontWeight weight, FontSlant slant, bool* substituted) {
    auto key = std::make_tuple(std::string(family), weight, slant);
    auto found = implementation_->by_request.find(key);
    if (found == implementation_->by_request.end()) {
        const FontStore::Implementation::Resolution resolved =
            implementation_->store->implementation_->resolve(family, weight, slant);
        found = implementation_->by_request
                    .emplace(key, std::make_pair(implementation_->add(resolved.file), resolved.substituted))
                    .first;
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

ShownGlyph FontLibrary::shown_glyph(FaceId preferred, char32_t character,
                                    const std::vector<std::string>& fallback_families) {
    const LoadedFace* loaded = &implementation_->at(preferred);
    ShownGlyph out;
    out.face = preferred;
    out.present = loaded->glyph(character) != 0;
    if (!out.present) {
        out.face = face_for(preferred, character, fallback_families);
        loaded = &implementation_->at(out.face);
        out.present = loaded->glyph(character) != 0;
    }
    out.advance_em = loaded->advance(character);
    out.ink_em = loaded->ink_extent(character);
    return out;
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

FaceMetrics FontLibrary::metrics(FaceId face) const { return implementation_->at(face).file.metrics; }

double FontLibrary::ink_ascent_em(FaceId face, char32_t character) const {
    return implementation_->at(face).ink_extent(character).ascent;
}

double FontLibrary::ink_descent_em(FaceId face, char32_t character) const {
    return implementation_->at(face).ink_extent(character).descent;
}

InkExtent FontLibrary::ink_extent_em(FaceId face, char32_t character) const {
    return implementation_->at(face).ink_extent(character);
}

const std::filesystem::path& FontLibrary::file(FaceId face) const { return implementation_->at(face).file.file; }

std::string_view FontLibrary::file_bytes(FaceId face) const { return implementation_->at(face).file.bytes; }

std::string FontLibrary::family_name(FaceId face) const { return implementation_->at(face).file.family; }

FontWeight FontLibrary::weight(FaceId face) const { return implementation_->at(face).file.weight; }

FontSlant FontLibrary::slant(FaceId face) const { return implementation_->at(face).file.slant; }

std::size_t FontLibrary::face_count() const { return implementation_->faces.size(); }

}  // namespace pamphlet::layout
