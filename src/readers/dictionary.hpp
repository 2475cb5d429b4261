// A spelling dictionary for the plain-text repairs: an RAII wrapper around libhunspell that
// answers "is this a word of the language?". Repairs use it as one kind of evidence beside the
// document's own vocabulary.
//
// Loading a hunspell dictionary is the costliest fixed step of reading a short text (about
// 140 million instructions for en_US), so it happens lazily, on the first question, and at most
// once per run: the run's Dictionaries store keeps every loaded dictionary for its documents.
// Most questions do not need it at all: a word list made at build time (word_list.hpp) gives
// hunspell's answers for the dictionaries it can list exactly, and hunspell is loaded only for a
// word the list cannot decide, or when the list is missing or older than the dictionary.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pamphlet::readers {

// The run's loaded hunspell dictionaries, shared by every document (and thread) of the run.
// Thread-safe: loading is under a lock, and so is each spelling check (hunspell keeps state
// while checking a word).
class WordList;

// The folder of the word lists this build made (empty when it made none).
std::filesystem::path built_word_lists();

class Dictionaries {
public:
    explicit Dictionaries(std::filesystem::path folder = "/usr/share/hunspell",
                          std::filesystem::path word_lists = built_word_lists());
    ~Dictionaries();
    Dictionaries(const Dictionaries&) = delete;
    Dictionaries& operator=(const Dictionaries&) = delete;

    // The hunspell name ("en_US") whose files exist for a BCP 47 tag, or empty. Reads no file.
    std::string name_for(std::string_view language) const;
    // True if hunspell name `name` spells `word` correctly; loads its files on first use.
    // False when they cannot be loaded.
    bool spell(const std::string& name, const std::string& word);
    // Loads dictionary `name` (its word list, else hunspell) if it is not yet; true when loaded.
    bool load(const std::string& name);
    // How many dictionaries have been loaded, as a word list or into hunspell (each once).
    std::size_t files_loaded() const;
    // How many of them had to be loaded into hunspell.
    std::size_t hunspell_loaded() const;
    // The usable word list of dictionary `name` (maps it on first use), or null.
    std::shared_ptr<const WordList> word_list(const std::string& name);

private:
    struct Handle;
    std::shared_ptr<Handle> handle(const std::string& name);
    void count_load(const std::string& name);  // under mutex_

    std::filesystem::path folder_;
    std::filesystem::path word_lists_;
    mutable std::mutex mutex_;  // guards the maps and the counts
    std::map<std::string, std::shared_ptr<Handle>> by_name_;  // null handle: failed to load
    std::map<std::string, std::shared_ptr<const WordList>> lists_;  // null: no usable list
    std::set<std::string> loaded_names_;  // loaded in either form
    std::size_t hunspell_loaded_ = 0;
};

class Dictionary {
public:
    // The dictionary /usr/share/hunspell/<language>.{aff,dic}, where <language> is a BCP 47 tag
    // mapped to the hunspell name ("en" -> en_US, "de" -> de_DE, "en-GB" -> en_GB). When no
    // dictionary exists for the language the dictionary is empty: knows() answers false for
    // every word and the repairs rely on the document's vocabulary alone. Nothing is read until
    // the first question; the first form loads into a store of its own, the second into the run's.
    explicit Dictionary(std::string_view language);
    Dictionary(std::string_view language, Dictionaries& run_dictionaries);
    ~Dictionary();
    Dictionary(Dictionary&&) noexcept;
    Dictionary& operator=(Dictionary&&) noexcept;
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;

    // True when a dictionary exists for the language (its files are there; nothing is loaded).
    bool available() const;
    // True when the dictionary is there and loads (loads it now if it was not yet).
    bool loaded() const;
    // True if `word` (UTF-8, letters and inner apostrophes or hyphens) is spelled correctly.
    bool knows(std::string_view word) const;
    // The hunspell name of the dictionary ("en_US"), empty when none.
    const std::string& name() const;

private:
    bool spell(const std::string& word) const;

    std::unique_ptr<Dictionaries> own_;  // when not given the run's
    Dictionaries* store_ = nullptr;
    std::string name_;
    // The store's word list, asked directly (no lock, no name lookup) once it is known.
    mutable std::shared_ptr<const WordList> list_;
    mutable bool list_known_ = false;
    // Answers already given: the repairs ask about the same words many times.
    mutable std::unordered_map<std::string, bool> answers_;
};

}  // namespace pamphlet::readers
