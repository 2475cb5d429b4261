// Hyphenation points from the TeX-style pattern dictionaries Debian ships for LibreOffice
// (`hyphen-*` packages, /usr/share/hyphen/hyph_<lang>.dic), read by our loader and applied with
// libhyphen. A dictionary is chosen by BCP 47 language tag and loaded on first use, once per
// HyphenationPatterns store (one store serves every document of a run; each document has its own
// Hyphenation with its own word cache).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pamphlet::layout {

// The run's loaded pattern files, shared by every document and thread. Thread-safe.
class HyphenationPatterns {
public:
    // The build's compiled images of the installed pattern files (hyphenation_image.hpp), or an
    // empty path when this build has none.
    static std::filesystem::path default_images_directory();

    // A pattern file is taken from its image in `images_directory` when that image is valid for
    // it (named after the file the pattern path resolves to, so every alias uses one image), and
    // parsed from its text otherwise.
    explicit HyphenationPatterns(std::filesystem::path directory = "/usr/share/hyphen",
                                 std::filesystem::path images_directory = default_images_directory());
    ~HyphenationPatterns();
    HyphenationPatterns(const HyphenationPatterns&) = delete;
    HyphenationPatterns& operator=(const HyphenationPatterns&) = delete;

    class Dictionary;  // owns one HyphenDict
    // The patterns for a language, loaded on first use; null when it has none.
    std::shared_ptr<const Dictionary> dictionary(std::string_view language);
    // The dictionary file a language tag resolves to, or an empty path.
    std::filesystem::path dictionary_file(std::string_view language) const;
    // How many pattern files have been loaded (each at most once), from their images or their text.
    std::size_t files_loaded() const;
    // How many of those came from their compiled images.
    std::size_t images_loaded() const;

private:
    std::shared_ptr<const Dictionary> load(const std::filesystem::path& file);

    std::filesystem::path directory_;
    std::filesystem::path images_directory_;
    mutable std::mutex mutex_;  // guards the maps and the counts
    std::map<std::string, std::shared_ptr<const Dictionary>, std::less<>> by_language_;  // null: none
    std::map<std::filesystem::path, std::shared_ptr<const Dictionary>> by_file_;
    std::size_t files_loaded_ = 0;
    std::size_t images_loaded_ = 0;
};

class Hyphenation {
public:
    // Fewest characters kept before and after a hyphen (TeX's lefthyphenmin/righthyphenmin for
    // English); the dictionaries may ask for more, never less.
    static constexpr int minimum_left = 2;
    static constexpr int minimum_right = 3;

    explicit Hyphenation(std::filesystem::path directory = "/usr/share/hyphen");  // patterns of its own
    explicit Hyphenation(std::shared_ptr<HyphenationPatterns> patterns);         // the run's
    ~Hyphenation();
    Hyphenation(const Hyphenation&) = delete;
    Hyphenation& operator=(const Hyphenation&) = delete;

    // Byte offsets into `word` (UTF-8, letters only, any case) where the word may be broken with
    // a hyphen: a hyphen goes *before* the character starting at that offset. Empty when the
    // language has no dictionary or the word is too short. The reference is valid until the next
    // call (the answers are cached per word, and most words of a book are asked for many times).
    const std::vector<std::size_t>& points(std::string_view word, std::string_view language);

    // Whether a dictionary exists for the language ("en", "en-GB", "de-CH", "de-1996"...), without
    // loading it (the large German patterns take tens of milliseconds to load).
    bool supports(std::string_view language) const;

    // The dictionary file a language tag resolves to, or an empty path.
    std::filesystem::path dictionary_file(std::string_view language) const;

private:
    const HyphenationPatterns::Dictionary* dictionary(std::string_view language);

    std::shared_ptr<HyphenationPatterns> patterns_;
    // This document's languages, so the shared store's lock is taken once per language.
    std::map<std::string, std::shared_ptr<const HyphenationPatterns::Dictionary>, std::less<>> by_language_;
    // Words repeat a lot in running text; remembering their points makes hyphenating a novel cheap.
    std::unordered_map<std::string, std::vector<std::size_t>> known_words_;  // key: language '\x1f' word
    std::string key_;  // reused for lookups
    std::vector<std::size_t> no_points_;  // the answer for short words: always empty
};

}  // namespace pamphlet::layout
