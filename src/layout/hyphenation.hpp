// Hyphenation points from the TeX-style pattern dictionaries Debian ships for LibreOffice
// (`hyphen-*` packages, /usr/share/hyphen/hyph_<lang>.dic), read with libhyphen. A dictionary is
// chosen by BCP 47 language tag and loaded once per Hyphenation object, on first use.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pamphlet::layout {

class Hyphenation {
public:
    // Fewest characters kept before and after a hyphen (TeX's lefthyphenmin/righthyphenmin for
    // English); the dictionaries may ask for more, never less.
    static constexpr int minimum_left = 2;
    static constexpr int minimum_right = 3;

    explicit Hyphenation(std::filesystem::path directory = "/usr/share/hyphen");
    ~Hyphenation();
    Hyphenation(const Hyphenation&) = delete;
    Hyphenation& operator=(const Hyphenation&) = delete;

    // Byte offsets into `word` (UTF-8, letters only, any case) where the word may be broken with
    // a hyphen: a hyphen goes *before* the character starting at that offset. Empty when the
    // language has no dictionary or the word is too short.
    std::vector<std::size_t> points(std::string_view word, std::string_view language);

    // Whether a dictionary exists for the language ("en", "en-GB", "de-CH", "de-1996"...), without
    // loading it (libhyphen takes about two seconds of CPU to load the large German patterns).
    bool supports(std::string_view language) const;

    // The dictionary file a language tag resolves to, or an empty path.
    std::filesystem::path dictionary_file(std::string_view language) const;

private:
    class Dictionary;  // owns one HyphenDict
    const Dictionary* dictionary(std::string_view language);

    std::filesystem::path directory_;
    std::map<std::string, std::shared_ptr<const Dictionary>, std::less<>> by_language_;  // null: none
    std::map<std::filesystem::path, std::shared_ptr<const Dictionary>> by_file_;
    // Words repeat a lot in running text; remembering their points makes hyphenating a novel cheap.
    std::unordered_map<std::string, std::vector<std::size_t>> known_words_;  // key: language '\x1f' word
};

}  // namespace pamphlet::layout
