// Small UTF-8 helpers the repair passes share: what counts as a letter, case, and widths in
// characters rather than bytes (line widths decide block quotes and page structure).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pamphlet::readers::repair {

// Decodes the code point at `offset` (model::decode_utf8) and advances it; a byte that does not
// start a valid sequence reads as U+FFFD and is stepped over alone.
char32_t next_code_point(std::string_view text, std::size_t& offset);
// model::append_utf8, under the name the repair passes use.
void append_code_point(std::string& out, char32_t code_point);

// Letters of the scripts our texts use: ASCII, Latin-1 and Latin Extended, Greek, Cyrillic.
// Punctuation (quotes, dashes) is not a letter.
bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
char32_t to_lower(char32_t c);
std::string to_lower(std::string_view word);
// The same into `out` (replaced), for loops over many words that reuse one buffer.
void to_lower(std::string_view word, std::string& out);

// Number of code points.
std::size_t width(std::string_view text);
// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);
// Number of leading spaces (a tab counts as one).
std::size_t leading_spaces(std::string_view text);

// True if the text has letters and none of them is lower case ("CONCLUSION", "WHO DID IT?").
bool is_all_caps(std::string_view text);
// First and last code point of the trimmed text (0 if empty).
char32_t first_code_point(std::string_view text);
char32_t last_code_point(std::string_view text);
// First letter in the text, skipping quotes and brackets (0 if none).
char32_t first_letter(std::string_view text);

// The last code point of the trimmed text that is not a closing quote or bracket (0 if none):
// the '?' of "âWhy?â".
char32_t last_before_closing_marks(std::string_view text);
// Opens with a quotation mark (any language's) or the dash that opens speech in Russian or
// French: a line of dialogue.
bool opens_with_quotation_mark(std::string_view text);

// Ends a sentence: . ? ! possibly followed by closing quotes or brackets.
bool ends_sentence(std::string_view text);
// Ends with any punctuation that closes a clause or a unit: sentence ends, colon, and closing
// quotes or brackets after them.
bool ends_with_closing_punctuation(std::string_view text);

}  // namespace pamphlet::readers::repair
