#include "readers/dictionary.hpp"

#include "readers/word_list.hpp"

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

struct Dictionaries::Handle {
    Hunhandle* hunspell = nullptr;
    std::mutex mutex;  // hunspell is not safe for two checks at once
    ~Handle() {
        if (hunspell != nullptr) Hunspell_destroy(hunspell);
    }
};

std::filesystem::path built_word_lists() {
#ifdef PAMPHLET_WORD_LISTS_DIR
    return PAMPHLET_WORD_LISTS_DIR;
#else
    return {};
#endif
}

Dictionaries::Dictionaries(std::filesystem::path folder, std::filesystem::path word_lists)
    : folder_(std::move(folder)), word_lists_(std::move(word_lists)) {}
Dictionaries::~Dictionaries() = default;

std::string Dictionaries::name_for(std::string_view language) const {
    for (const std::string& name : hunspell_names(language)) {
        std::error_code error;
        if (std::filesystem::exists(folder_ / (name + ".aff"), error) &&
            std::filesystem::exists(folder_ / (name + ".dic"), error))
            return name;
    }
    return {};
}

std::shared_ptr<Dictionaries::Handle> Dictionaries::handle(const std::string& name) {
    std::lock_guard lock(mutex_);
    auto found = by_name_.find(name);
    if (found == by_name_.end()) {
        auto loaded = std::make_shared<Handle>();
        const auto aff = folder_ / (name + ".aff");
        const auto dic = folder_ / (name + ".dic");
        loaded->hunspell = Hunspell_create(aff.c_str(), dic.c_str());
        if (loaded->hunspell == nullptr) {
            loaded.reset();
        } else {
            ++hunspell_loaded_;
            count_load(name);
        }
        found = by_name_.emplace(name, std::move(loaded)).first;
    }
    return found->second;
}

std::shared_ptr<const WordList> Dictionaries::word_list(const std::string& name) {
    std::lock_guard lock(mutex_);
    auto found = lists_.find(name);
    if (found == lists_.end()) {
        std::shared_ptr<const WordList> list;
        if (!word_lists_.empty())
            list = WordList::open(word_lists_ / (name + ".words"), folder_ / (name + ".aff"), folder_ / (name + ".dic"));
        if (list) count_load(name);
        found = lists_.emplace(name, std::move(list)).first;
    }
    return found->second;
}

void Dictionaries::count_load(const std::string& name) { loaded_names_.insert(name); }

bool Dictionaries::load(const std::string& name) { return word_list(name) != nullptr || handle(name) != nullptr; }

bool Dictionaries::spell(const std::string& name, const std::string& word) {
    if (const std::shared_ptr<const WordList> list = word_list(name))
        if (const std::optional<bool> answer = list->spell(word)) return *answer;

    const std::shared_ptr<Handle> loaded = handle(name);
    if (!loaded) return false;
    std::lock_guard lock(loaded->mutex);
    return Hunspell_spell(loaded->hunspell, word.c_str()) != 0;
}

std::size_t Dictionaries::files_loaded() const {
    std::lock_guard lock(mutex_);
    return loaded_names_.size();
}

std::size_t Dictionaries::hunspell_loaded() const {
    std::lock_guard lock(mutex_);
    return hunspell_loaded_;
}

Dictionary::Dictionary(std::string_view language)
    : own_(std::make_unique<Dictionaries>()), store_(own_.get()), name_(store_->name_for(language)) {}

Dictionary::Dictionary(std::string_view language, Dictionaries& run_dictionaries)
    : store_(&run_dictionaries), name_(store_->name_for(language)) {}

Dictionary::~Dictionary() = default;
Dictionary::Dictionary(Dictionary&&) noexcept = default;
Dictionary& Dictionary::operator=(Dictionary&&) noexcept = default;

bool Dictionary::available() const { return !name_.empty(); }

bool Dictionary::loaded() const { return available() && store_->load(name_); }

bool Dictionary::spell(const std::string& word) const {
    if (name_.empty()) return false;
    if (!list_known_) {
        list_ = store_->word_list(name_);
        list_known_ = true;
    }
    if (list_)
        if (const std::optional<bool> answer = list_->spell(word)) return *answer;
    return store_->spell(name_, word);
}

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
    if (name_.empty() || word.empty()) return false;
    std::string text(word);
    if (auto known = answers_.find(text); known != answers_.end()) return known->second;
    bool answer = spell(text);
    if (!answer && name_.starts_with("en")) {
        for (const std::string& variant : american_variants(text)) {
            if (spell(variant)) {
                answer = true;
                break;
            }
        }
    }
    answers_.emplace(std::move(text), answer);
    return answer;
}

const std::string& Dictionary::name() const { return name_; }

}  // namespace pamphlet::readers
