#include "readers/dictionary.hpp"

#include <hunspell/hunspell.h>

#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

namespace pamphlet::readers {

namespace {

// Candidate hunspell file names for a BCP 47 tag, most specific first.
std::vector<std::string> hunspell_names(std::string_view language) {
    std::string tag(language);
    for (char& c : tag) if (c == '-') c = '_';
    const std::string primary = tag.substr(0, tag.find('_'));
    std::vector<std::string> names;
    if (tag.find('_') != std::string::npos) {
        std::string region = tag.substr(tag.find('_') + 1);
        for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        names.push_back(primary + "_" + region);
    }
    std::string upper = primary;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (primary == "en") names.push_back("en_US");
    names.push_back(primary + "_" + upper);  // de_DE, fr_FR, ...
    return names;
}

}  // namespace

struct Dictionary::Handle {
    Hunhandle* hunspell = nullptr;
    ~Handle() {
        if (hunspell != nullptr) Hunspell_destroy(hunspell);
    }
};

Dictionary::Dictionary(std::string_view language) {
    const std::filesystem::path folder = "/usr/share/hunspell";
    for (const std::string& name : hunspell_names(language)) {
        const auto aff = folder / (name + ".aff");
        const auto dic = folder / (name + ".dic");
        if (!std::filesystem::exists(aff) || !std::filesystem::exists(dic)) continue;
        handle_ = std::make_unique<Handle>();
        handle_->hunspell = Hunspell_create(aff.c_str(), dic.c_str());
        if (handle_->hunspell == nullptr) {
            handle_.reset();
            continue;
        }
        name_ = name;
        break;
    }
}

Dictionary::~Dictionary() = default;
Dictionary::Dictionary(Dictionary&&) noexcept = default;
Dictionary& Dictionary::operator=(Dictionary&&) noexcept = default;

bool Dictionary::loaded() const { return handle_ != nullptr; }

namespace {

// The American spellings of a British word ("labour" -> "labor", "equalled" -> "equaled",
// "organisation" -> "organization", "centre" -> "center", "defence" -> "defense"), so that an
// en_US dictionary does not reject the British texts in our corpus.
std::vector<std::string> american_variants(const std::string& word) {
    std::vector<std::string> variants;
    const auto replace_all = [&](std::string_view from, std::string_view to) {
        std::string out = word;
        bool changed = false;
        for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size())) {
            out.replace(at, from.size(), to);
            changed = true;
        }
        if (changed) variants.push_back(out);
    };
    replace_all("our", "or");
    replace_all("lled", "led");
    replace_all("lling", "ling");
    replace_all("ise", "ize");
    replace_all("isa", "iza");
    replace_all("yse", "yze");
    replace_all("tre", "ter");
    replace_all("ence", "ense");
    replace_all("ae", "e");
    replace_all("oe", "e");
    replace_all("ogue", "og");
    return variants;
}

}  // namespace

bool Dictionary::knows(std::string_view word) const {
    if (!handle_ || word.empty()) return false;
    const std::string text(word);
    if (Hunspell_spell(handle_->hunspell, text.c_str()) != 0) return true;
    if (!name_.starts_with("en")) return false;
    for (const std::string& variant : american_variants(text))
        if (Hunspell_spell(handle_->hunspell, variant.c_str()) != 0) return true;
    return false;
}

const std::string& Dictionary::name() const { return name_; }

}  // namespace pamphlet::readers
