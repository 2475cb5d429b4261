// A precompiled word list (made at build time by src/tools/word_list_generator.cpp, layout in
// word_list_format.hpp): the same answers as hunspell's spell() for the words it can decide,
// without loading hunspell (about 160 million instructions for en_US, load and unload).
//
// The list holds every spelling hunspell accepts that has no digit, dot or space; a word with a
// hyphen is decided by repeating hunspell's default BREAK recursion on the list. A word with a
// "dead" character (one no stem, affix or case mapping can match) is rejected. A word with any
// other character outside the list's alphabet is not decided: the caller asks hunspell.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "readers/word_list_format.hpp"

namespace pamphlet::readers {

class WordList {
public:
    // The list at `list` when it was made from exactly these .aff and .dic files (same size and
    // modification time) and its dictionary was not refused; null otherwise.
    static std::unique_ptr<const WordList> open(const std::filesystem::path& list, const std::filesystem::path& aff,
                                                const std::filesystem::path& dic);
    ~WordList();
    WordList(const WordList&) = delete;
    WordList& operator=(const WordList&) = delete;

    // hunspell's answer for `word` (UTF-8), or nothing when only hunspell can tell.
    std::optional<bool> spell(std::string_view word) const;
    // How many words the list holds.
    std::size_t size() const { return header_->word_count; }

private:
    WordList(void* address, std::size_t length);
    bool index();
    const word_list_format::Letter* letter(std::uint32_t code) const;
    const word_list_format::Letter* search_letter(std::uint32_t code) const;
    bool contains(std::string_view word) const;
    bool decide(const std::string& word) const;
    std::string break_form(const std::string& word) const;

    void* address_;       // the mapped file
    std::size_t length_;
    const word_list_format::Header* header_ = nullptr;
    const word_list_format::Letter* letters_ = nullptr;
    const std::uint32_t* live_ = nullptr;
    const word_list_format::Convert* converts_ = nullptr;
    const std::uint32_t* offsets_ = nullptr;
    const char* text_ = nullptr;
    std::array<const word_list_format::Letter*, 128> ascii_{};  // letter() without a search
};

}  // namespace pamphlet::readers
