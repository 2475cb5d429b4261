// Fonts for typesetting: found by family name through fontconfig, read once per run, measured
// with HarfBuzz. Shared by the line breaker (widths, kerning), the PDF backend
// (embedding, subsetting) and the EPUB backend (--embed-fonts).
//
// CONTRACT (implemented by the typesetting work; the interface below is what others rely on).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "layout/style.hpp"

namespace pamphlet::layout {

// Index of a face in its FontLibrary; stable for the library's lifetime.
using FaceId = int;

struct FaceMetrics {  // in ems (fractions of the font size)
    double ascender = 0.8;
    double descender = -0.2;  // negative: below the baseline
    double x_height = 0.45;
    double cap_height = 0.7;
};

// How far a character's ink reaches above the baseline and below it, in ems (both positive when
// they extend that way).
struct InkExtent {
    double ascent = 0;
    double descent = 0;
};

// What face_for, has_glyph, advance_em and ink_extent_em would say of one character, asked at once (the line
// breaker asks this for every character of a book).
struct ShownGlyph {
    FaceId face = 0;
    bool present = false;  // the face has the character (false: no face has it)
    double advance_em = 0;
    InkExtent ink_em;      // as ink_extent_em
};

// The run's font files: fontconfig's answers and every parsed font file, shared by all the
// documents (and threads) of one run so each file is read and parsed once. Thread-safe; what it
// hands out is immutable. FontLibrary is the per-document view on it.
class FontStore {
public:
    FontStore();
    ~FontStore();
    FontStore(const FontStore&) = delete;
    FontStore& operator=(const FontStore&) = delete;

    // How many font files this store has read and parsed (each at most once).
    std::size_t files_loaded() const;

private:
    friend class FontLibrary;
    struct Implementation;
    std::unique_ptr<Implementation> implementation_;
};

// The faces one document uses. Face ids are given in the order the document asks for faces, so
// a document gets the same ids (and the same output) whether its store is fresh or shared with
// earlier documents. Not thread-safe (measurements are cached lazily): one per document.
class FontLibrary {
public:
    FontLibrary();  // with a store of its own
    explicit FontLibrary(std::shared_ptr<FontStore> store);
    ~FontLibrary();
    FontLibrary(const FontLibrary&) = delete;
    FontLibrary& operator=(const FontLibrary&) = delete;

    // The face for a family, weight and slant. A family that is not installed falls back to the
    // closest installed face fontconfig offers; `substituted` tells the caller to warn.
    FaceId face(std::string_view family, FontWeight weight, FontSlant slant, bool* substituted = nullptr);

    // A face that has `character`: `preferred` if it does, else the first of `fallback_families`
    // (same weight and slant) that does, else `preferred` (the caller warns of a missing glyph).
    FaceId face_for(FaceId preferred, char32_t character, const std::vector<std::string>& fallback_families);

    ShownGlyph shown_glyph(FaceId preferred, char32_t character, const std::vector<std::string>& fallback_families);

    bool has_glyph(FaceId face, char32_t character) const;
    double advance_em(FaceId face, char32_t character) const;                  // nominal advance
    double kerning_em(FaceId face, char32_t left, char32_t right) const;       // GPOS/kern pair
    FaceMetrics metrics(FaceId face) const;
    // Added by the line breaker: how far a character's ink reaches above the baseline and below
    // it (both positive when they extend that way), in ems. Lines report their real height from
    // these; the font-wide ascender and descender are much larger (Charis SIL: 1.20 and 0.44).
    double ink_ascent_em(FaceId face, char32_t character) const;
    double ink_descent_em(FaceId face, char32_t character) const;
    InkExtent ink_extent_em(FaceId face, char32_t character) const;  // both at once

    const std::filesystem::path& file(FaceId face) const;
    std::string_view file_bytes(FaceId face) const;  // the whole font file, read once
    std::string family_name(FaceId face) const;
    FontWeight weight(FaceId face) const;
    FontSlant slant(FaceId face) const;
    std::size_t face_count() const;

private:
    struct Implementation;
    std::unique_ptr<Implementation> implementation_;
};

}  // namespace pamphlet::layout
