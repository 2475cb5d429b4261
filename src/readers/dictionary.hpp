// A spelling dictionary for the plain-text repairs: an RAII wrapper around libhunspell that
// answers "is this a word of the language?". Repairs use it as one kind of evidence beside the
// document's own vocabulary.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace pamphlet::readers {

class Dictionary {
public:
    // Loads /usr/share/hunspell/<language>.{aff,dic}, where <language> is a BCP 47 tag mapped to
    // the hunspell name ("en" -> en_US, "de" -> de_DE, "en-GB" -> en_GB). When no dictionary
    // exists for the language the dictionary is empty: knows() answers false for every word and
    // the repairs rely on the document's vocabulary alone.
    explicit Dictionary(std::string_view language);
    ~Dictionary();
    Dictionary(Dictionary&&) noexcept;
    Dictionary& operator=(Dictionary&&) noexcept;
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;

    bool loaded() const;
    // True if `word` (UTF-8, letters and inner apostrophes or hyphens) is spelled correctly.
    bool knows(std::string_view word) const;
    // The hunspell name that was loaded ("en_US"), empty when none.
    const std::string& name() const;

private:
    struct Handle;
    std::unique_ptr<Handle> handle_;
    std::string name_;
};

}  // namespace pamphlet::readers
