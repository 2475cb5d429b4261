// Plain-text views of model content, shared by every stage that needs to compare or measure text
// (repair reports, page-start anchors, tests, EPUB ids), and the one UTF-8 decoder all layers use.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/document.hpp"

namespace pamphlet::model {

// The text a reader sees in the running text: Text and Code contents, a LineBreak as "\n".
// Note bodies are *not* included (they are set elsewhere); a note reference contributes nothing.
// Page anchors (layout::TextPosition) are byte offsets into this string.
std::string visible_text(const Inlines& inlines);

// visible_text of a leaf block (see for_each_leaf_block): a heading's or paragraph's content,
// a verse's lines joined by "\n" (stanzas by "\n\n"), a preformatted block's text, a table's
// cells (tab between cells, newline between rows, then the caption), a figure's caption.
std::string visible_text(const Block& leaf);

// UTF-8 U+FFFD REPLACEMENT CHARACTER, which every layer puts where a byte could not be decoded.
inline constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

// decode_utf8 for a lead byte beyond ASCII (ASCII is decoded inline, below).
std::size_t decode_utf8_beyond_ascii(std::string_view text, std::size_t at, char32_t& code_point);

// Length (1 to 4) of the valid UTF-8 sequence starting at text[at], whose code point is stored in
// `code_point`; 0 when the bytes there are not one: a stray continuation byte or a bad lead byte,
// a truncated sequence, an overlong form, a surrogate, or a value beyond U+10FFFF. Callers that
// mend text replace the one byte at `at` and go on with the next. Requires at < text.size().
// Inline for ASCII, since every layer calls it once per character.
inline std::size_t decode_utf8(std::string_view text, std::size_t at, char32_t& code_point) {
    if (const auto lead = static_cast<unsigned char>(text[at]); lead < 0x80) {
        code_point = lead;
        return 1;
    }
    return decode_utf8_beyond_ascii(text, at, code_point);
}

// Appends the UTF-8 form of a Unicode scalar value.
void append_utf8(std::string& out, char32_t code_point);

// C0 control characters other than tab and newline, and DEL: no output can set them, so no model
// text may hold them.
bool is_forbidden_control(char32_t code_point);

// The first control character a TOML file may not hold anywhere, raw (TOML allows tab, line feed
// and the carriage return of CRLF, nothing else, not even in strings or comments), with its
// 1-based line and column in bytes; nothing when there is none. The style and metadata readers
// refuse such a file themselves: toml++ 3.3 does not always, and then breaks its own invariants.
struct ControlCharacter {
    unsigned char byte;
    int line;
    int column;
};
std::optional<ControlCharacter> first_control_character_outside_toml(std::string_view text);
// "control character U+0018 at column 5: TOML allows none but tab (write it escaped in a string)"
std::string control_character_message(const ControlCharacter& control);

// What model::check() requires of every text: valid UTF-8 without forbidden control characters.
bool is_valid_model_text(std::string_view text);

// `text` with every byte that starts no valid sequence replaced by U+FFFD and every code point
// `keep` refuses left out: how each layer mends text for its own output rules.
std::string filter_utf8(std::string_view text, bool (*keep)(char32_t code_point));

}  // namespace pamphlet::model
