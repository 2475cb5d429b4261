// Character-level helpers for setting text: UTF-8 decoding with byte offsets (line breaking maps
// every glyph back to its place in the source text), simple case mapping (hyphenation patterns are
// lower case; small capitals are faked from upper case) and the character classes line breaking
// needs. Deliberately small: covers Latin, Greek and Cyrillic, the scripts our corpus uses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet::layout {

struct DecodedCharacter {
    char32_t code = 0;
    std::size_t offset = 0;  // byte offset of its first byte
    std::size_t length = 0;  // bytes
};

// Decodes UTF-8 (model::decode_utf8's rules); a malformed byte becomes U+FFFD of length 1, so
// offsets always advance. Encoding is model::append_utf8.
std::vector<DecodedCharacter> decode_utf8(std::string_view text);

// Writes the UTF-8 bytes of `code` (as model::append_utf8) to `out`, which has room for four;
// returns how many. For loops that encode a character at a time into a buffer of their own.
inline std::size_t encode_utf8(char32_t code, char* out) {
    if (code < 0x80) {
        out[0] = static_cast<char>(code);
        return 1;
    }
    if (code < 0x800) {
        out[0] = static_cast<char>(0xC0 | (code >> 6));
        out[1] = static_cast<char>(0x80 | (code & 0x3F));
        return 2;
    }
    if (code < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (code >> 12));
        out[1] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (code & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (code >> 18));
    out[1] = static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (code & 0x3F));
    return 4;
}

// Simple one-to-one case mappings (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic); other
// characters map to themselves.
char32_t to_lower(char32_t code);
char32_t to_upper(char32_t code);

// The three classes below are asked of every glyph of a book, so they are inline.

// Letters and combining marks of the scripts above: what a hyphenation pattern can match.
inline bool is_word_letter(char32_t c) {
    if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return true;
    if (c < 0xC0) return false;
    if (c <= 0x24F) return c != 0xD7 && c != 0xF7;
    if (c >= 0x300 && c <= 0x36F) return true;  // combining diacritics
    if (c >= 0x370 && c <= 0x3FF) return c != 0x37E && c != 0x387;
    if (c >= 0x400 && c <= 0x52F) return c < 0x482 || c > 0x489;
    if (c >= 0x1E00 && c <= 0x1FFF) return true;  // Latin Extended Additional, Greek Extended
    return false;
}

// Break opportunities without a hyphen: after these a line may end inside a "word"
// (hyphen-minus, hyphen, en dash, em dash, slash).
inline bool is_breaking_dash(char32_t c) {
    return c == U'-' || c == 0x2010 || c == 0x2013 || c == 0x2014 || c == U'/';
}

// Spaces a line may break at and whose width is stretched when justifying.
inline bool is_breaking_space(char32_t c) {
    if (c > U' ') return c >= 0x2002 && (c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0x200A);
    return c == U' ' || c == U'\t';
}

// Optical margin alignment: the fraction of a character's advance that may hang outside the
// text block at the left or the right edge (punctuation, hyphens, quotes). The values follow the
// common practice of margin kerning: light marks hang most, dashes less, letters not at all.
double left_protrusion(char32_t code);
double right_protrusion(char32_t code);

}  // namespace pamphlet::layout
