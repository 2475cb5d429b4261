// The layout of a word-list file: every spelling a hunspell dictionary accepts, written at build
// time by src/tools/word_list_generator.cpp and read at run time by readers::WordList, which
// maps the file and searches it in place (no parsing). Both sides are built by the same compiler
// for the same machine, so the integers are in its byte order.
//
//   Header
//   Letter  letters[letter_count]   sorted by code point: the characters the list decides
//   uint32  live[live_count]        sorted: the other characters hunspell might accept a word
//                                   with (see Header::live_count)
//   Convert converts[convert_count] the dictionary's ICONV table (one character to one)
//   uint32  offsets[word_count + 1] word i is bytes [offsets[i], offsets[i+1]) of the text
//   char    text[text_size]         the words, UTF-8, sorted bytewise, not separated
#pragma once

#include <cstdint>

namespace pamphlet::readers::word_list_format {

inline constexpr char magic[8] = {'P', 'A', 'M', 'W', 'L', '0', '0', '1'};

struct Header {
    char magic[8];
    // The .aff and .dic the list was made from, as stat() saw them: a list is used only while
    // the installed files still match, so an updated dictionary falls back to hunspell.
    std::uint64_t aff_size;
    std::int64_t aff_mtime_ns;
    std::uint64_t dic_size;
    std::int64_t dic_mtime_ns;
    // Nonzero when the generator refused the dictionary (it compounds, or uses a directive the
    // list cannot reproduce exactly): the run must ask hunspell.
    std::uint32_t refused;
    std::uint32_t letter_count;
    // Characters outside the letters that are not "dead": those of the dictionary's stems and
    // affixes, their case partners, and those spell() treats specially (digits, dots, ...).
    // A word with a dead character is rejected by hunspell whatever else it holds: no case
    // mapping of it can match a stem, and every hyphen-break piece holding it fails too.
    std::uint32_t live_count;
    std::uint32_t convert_count;
    std::uint32_t word_count;
    std::uint64_t text_size;
};

// One character of the list's alphabet with hunspell's own case mapping of it (hunspell's
// tables, not the C library's), which the run needs to classify a word's capitalisation.
struct Letter {
    std::uint32_t code;
    std::uint32_t lower;
    std::uint32_t upper;
};

// An input conversion (ICONV): hunspell replaces `from` by `to` before checking a word.
struct Convert {
    std::uint32_t from;
    std::uint32_t to;
};

}  // namespace pamphlet::readers::word_list_format
