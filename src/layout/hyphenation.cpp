#include "layout/hyphenation.hpp"

#include <hyphen.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

#include "layout/hyphenation_image.hpp"
#include "layout/hyphenation_loader.hpp"
#include "layout/shaping.hpp"
#include "model/text.hpp"

namespace pamphlet::layout {

// One pattern file as libhyphen's HyphenDict, from its compiled image or read by our own loader
// (libhyphen's loader takes two seconds of CPU on the German patterns), and hyphenated with by
// libhyphen. Dictionaries are either UTF-8 or ISO 8859-1 (German); libhyphen reports one entry
// per character either way.
class HyphenationPatterns::Dictionary {
public:
    explicit Dictionary(HyphenDictHandle handle) : handle_(std::move(handle)) {}

    // Character indices i such that a hyphen may follow character i.
    std::vector<std::size_t> break_after(const std::vector<char32_t>& lower_word) const {
        std::string encoded;
        for (char32_t c : lower_word) {
            if (handle_->utf8 != 0) {
                model::append_utf8(encoded, c);
            } else {
                if (c > 0xFF) return {};  // not representable in the dictionary's Latin-1
                encoded.push_back(static_cast<char>(c));
            }
        }
        std::vector<char> hyphens(encoded.size() + 5, '\0');
        // libhyphen does not promise that hyphenating is safe on a dictionary shared by threads;
        // documents cache their words, so this lock is taken once per distinct word.
        std::lock_guard lock(mutex_);
        char** replacements = nullptr;
        int* positions = nullptr;
        int* cuts = nullptr;
        constexpr int left = Hyphenation::minimum_left;
        constexpr int right = Hyphenation::minimum_right;
        int failed = hnj_hyphen_hyphenate3(handle_.get(), encoded.data(), static_cast<int>(encoded.size()),
                                           hyphens.data(), nullptr, &replacements, &positions, &cuts, left, right,
                                           left, right);
        // Non-standard hyphenation (German "Schiffahrt" -> "Schiff-fahrt") changes letters; we
        // only use plain breaks, so release those tables and ignore their entries.
        if (replacements != nullptr) {
            for (std::size_t i = 0; i < encoded.size(); ++i) std::free(replacements[i]);
            std::free(replacements);
        }
        std::free(positions);
        std::free(cuts);
        std::vector<std::size_t> out;
        if (failed != 0) return out;
        for (std::size_t i = 0; i < lower_word.size(); ++i) {
            if ((hyphens[i] - '0') % 2 == 1) out.push_back(i);
        }
        return out;
    }

private:
    HyphenDictHandle handle_;
    mutable std::mutex mutex_;
};

std::filesystem::path HyphenationPatterns::default_images_directory() {
#ifdef PAMPHLET_HYPHENATION_IMAGES_DIR
    return PAMPHLET_HYPHENATION_IMAGES_DIR;
#else
    return {};
#endif
}

HyphenationPatterns::HyphenationPatterns(std::filesystem::path directory, std::filesystem::path images_directory)
    : directory_(std::move(directory)), images_directory_(std::move(images_directory)) {}
HyphenationPatterns::~HyphenationPatterns() = default;

std::filesystem::path HyphenationPatterns::dictionary_file(std::string_view language) const {
    // BCP 47 "de-CH-1996" -> try hyph_de_CH.dic, then hyph_de.dic.
    std::string primary;
    std::string region;
    std::size_t part_start = 0;
    int part_index = 0;
    for (std::size_t i = 0; i <= language.size(); ++i) {
        if (i == language.size() || language[i] == '-' || language[i] == '_') {
            std::string_view part = language.substr(part_start, i - part_start);
            if (part_index == 0) {
                for (char c : part) primary.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
            } else if (part.size() == 2 && region.empty()) {
                for (char c : part) region.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
            }
            ++part_index;
            part_start = i + 1;
        }
    }
    if (primary.empty()) return {};
    std::vector<std::filesystem::path> candidates;
    if (!region.empty()) candidates.push_back(directory_ / ("hyph_" + primary + "_" + region + ".dic"));
    candidates.push_back(directory_ / ("hyph_" + primary + ".dic"));
    for (const auto& candidate : candidates) {
        std::error_code error;
        if (std::filesystem::is_regular_file(candidate, error)) return candidate;
    }
    return {};
}

std::shared_ptr<const HyphenationPatterns::Dictionary> HyphenationPatterns::dictionary(std::string_view language) {
    std::lock_guard lock(mutex_);
    auto found = by_language_.find(language);
    if (found != by_language_.end()) return found->second;
    std::shared_ptr<const Dictionary> loaded;
    std::filesystem::path file = dictionary_file(language);
    if (!file.empty()) {
        // Symlinked variants (hyph_de_AT.dic -> hyph_de_DE.dic) share one loaded dictionary.
        std::error_code error;
        std::filesystem::path canonical = std::filesystem::canonical(file, error);
        if (error) canonical = file;
        auto existing = by_file_.find(canonical);
        if (existing != by_file_.end()) {
            loaded = existing->second;
        } else {
            loaded = load(canonical);
            by_file_.emplace(canonical, loaded);
        }
    }
    by_language_.emplace(std::string(language), loaded);
    return loaded;
}

// Called with the lock held. The image is named after the resolved file, so hyph_en.dic and
// hyph_en_US.dic both use hyph_en_US.image; a missing or stale image leaves the text to parse.
std::shared_ptr<const HyphenationPatterns::Dictionary> HyphenationPatterns::load(const std::filesystem::path& file) {
    HyphenDictHandle handle;
    if (!images_directory_.empty()) {
        std::filesystem::path image = images_directory_ / file.filename();
        image.replace_extension(".image");
        handle = load_hyphenation_image(image, file);
    }
    const bool from_image = handle != nullptr;
    if (!from_image) handle = load_hyphen_dict(file);
    if (!handle) throw std::runtime_error("cannot load hyphenation patterns " + file.string());
    ++files_loaded_;
    if (from_image) ++images_loaded_;
    return std::make_shared<const Dictionary>(std::move(handle));
}

std::size_t HyphenationPatterns::files_loaded() const {
    std::lock_guard lock(mutex_);
    return files_loaded_;
}

std::size_t HyphenationPatterns::images_loaded() const {
    std::lock_guard lock(mutex_);
    return images_loaded_;
}

Hyphenation::Hyphenation(std::filesystem::path directory)
    : patterns_(std::make_shared<HyphenationPatterns>(std::move(directory))) {}

Hyphenation::Hyphenation(std::shared_ptr<HyphenationPatterns> patterns) : patterns_(std::move(patterns)) {
    if (!patterns_) throw std::invalid_argument("Hyphenation needs a pattern store");
}

Hyphenation::~Hyphenation() = default;

std::filesystem::path Hyphenation::dictionary_file(std::string_view language) const {
    return patterns_->dictionary_file(language);
}

const HyphenationPatterns::Dictionary* Hyphenation::dictionary(std::string_view language) {
    auto found = by_language_.find(language);
    if (found == by_language_.end())
        found = by_language_.emplace(std::string(language), patterns_->dictionary(language)).first;
    return found->second.get();
}

bool Hyphenation::supports(std::string_view language) const { return !dictionary_file(language).empty(); }

const std::vector<std::size_t>& Hyphenation::points(std::string_view word, std::string_view language) {
    // Most words were seen before: answer those from the cache before decoding anything.
    std::size_t length = 0;
    for (char byte : word) length += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    if (length < static_cast<std::size_t>(minimum_left + minimum_right)) return no_points_;
    key_.assign(language).push_back('\x1f');
    key_.append(word);
    if (auto known = known_words_.find(key_); known != known_words_.end()) return known->second;

    std::vector<std::size_t> out;
    const HyphenationPatterns::Dictionary* patterns = dictionary(language);
    if (patterns != nullptr) {
        const std::vector<DecodedCharacter> characters = decode_utf8(word);
        std::vector<char32_t> lower;
        lower.reserve(characters.size());
        for (const auto& character : characters) lower.push_back(to_lower(character.code));
        for (std::size_t after : patterns->break_after(lower)) {
            std::size_t before_count = after + 1;
            if (before_count < static_cast<std::size_t>(minimum_left)) continue;
            if (characters.size() - before_count < static_cast<std::size_t>(minimum_right)) continue;
            out.push_back(characters[before_count].offset);
        }
    }
    constexpr std::size_t most_words_remembered = 200000;
    if (known_words_.size() >= most_words_remembered) known_words_.clear();
    return known_words_.emplace(key_, std::move(out)).first->second;
}

}  // namespace pamphlet::layout
