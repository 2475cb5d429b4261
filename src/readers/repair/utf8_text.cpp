#include "readers/repair/utf8_text.hpp"

#include <cstdint>
#include <cstring>

#include "model/text.hpp"

namespace pamphlet::readers::repair {

char32_t next_code_point(std::string_view text, std::size_t& offset) {
    // ASCII, most of every text, decoded here without the call into the model layer.
    if (const auto lead = static_cast<unsigned char>(text[offset]); lead < 0x80) {
        ++offset;
        return lead;
    }
    char32_t code_point = 0;
    const std::size_t length = model::decode_utf8(text, offset, code_point);
    if (length == 0) {
        ++offset;
        return 0xFFFD;
    }
    offset += length;
    return code_point;
}

void append_code_point(std::string& out, char32_t c) { model::append_utf8(out, c); }

bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == 0xD7 || c == 0xF7) return false;                 // multiplication and division signs
    if (c >= 0xC0 && c <= 0x24F) return true;                  // Latin-1 and Latin Extended
    if (c >= 0x370 && c <= 0x52F) return c != 0x37E && c != 0x387;  // Greek, Cyrillic
    return false;
}

bool is_upper(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    if (c >= 0x391 && c <= 0x3AB) return true;
    if (c >= 0x400 && c <= 0x42F) return true;
    if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;  // Latin Extended-A pairs upper/lower
    return false;
}

bool is_lower(char32_t c) { return is_letter(c) && !is_upper(c); }

char32_t to_lower(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x391 && c <= 0x3AB) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    if (c >= 0x100 && c <= 0x17F && c % 2 == 0) return c + 1;
    return c;
}

void to_lower(std::string_view word, std::string& out) {
    // Plain ASCII words (most of them) are lowered byte by byte, without decoding and encoding;
    // the first byte beyond ASCII sends the whole word through the code-point path.
    out.resize(word.size());
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (c >= 0x80) {
            out.clear();
            for (std::size_t k = 0; k < word.size();) append_code_point(out, to_lower(next_code_point(word, k)));
            return;
        }
        out[i] = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + 32 : c);
    }
}

std::string to_lower(std::string_view word) {
    std::string out;
    to_lower(word, out);
    return out;
}

std::size_t width(std::string_view text) {
    // Every byte but the UTF-8 continuation bytes (10xxxxxx) starts a code point. Counted eight
    // bytes at a time: the block passes measure every line of a novel several times.
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    std::size_t count = text.size();
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t bytes = 0;
        std::memcpy(&bytes, text.data() + i, 8);
        // Bit 7 of each byte: set for a continuation byte (bit 7 set, bit 6 clear).
        const std::uint64_t continuation = bytes & ~(bytes << 1) & high_bits;
        // One bit per byte at most: the multiplication sums the bytes into the top one.
        count -= static_cast<std::size_t>(((continuation >> 7) * 0x0101010101010101ULL) >> 56);
    }
    for (; i < text.size(); ++i) count -= (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
    return count;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::size_t leading_spaces(std::string_view text) {
    std::size_t count = 0;
    while (count < text.size() && (text[count] == ' ' || text[count] == '\t')) ++count;
    return count;
}

bool is_all_caps(std::string_view text) {
    bool any_letter = false;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_code_point(text, i);
        if (!is_letter(c)) continue;
        if (is_lower(c)) return false;
        any_letter = true;
    }
    return any_letter;
}

char32_t first_code_point(std::string_view text) {
    text = trim(text);
    std::size_t i = 0;
    return text.empty() ? 0 : next_code_point(text, i);
}

char32_t last_code_point(std::string_view text) {
    text = trim(text);
    if (text.empty()) return 0;
    std::size_t start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return next_code_point(text, start);
}

char32_t first_letter(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_code_point(text, i);
        if (is_letter(c) || (c >= '0' && c <= '9')) return c;
        if (c == ' ') return 0;  // a word that starts with no letter
    }
    return 0;
}

namespace {
bool is_closing_mark(char32_t c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB ||
           c == '_' || c == '*';
}

}  // namespace

char32_t last_before_closing_marks(std::string_view text) {
    text = trim(text);
    while (!text.empty()) {
        const char32_t c = last_code_point(text);
        if (!is_closing_mark(c)) return c;
        std::size_t start = text.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        text = text.substr(0, start);
    }
    return 0;
}

bool opens_with_quotation_mark(std::string_view text) {
    const char32_t c = first_code_point(text);
    return c == '"' || c == '\'' || c == 0x201C || c == 0x201E || c == 0x2018 || c == 0x201A || c == 0xAB ||
           c == 0x2039 || c == 0x2014;
}

bool ends_sentence(std::string_view text) {
    const char32_t c = last_before_closing_marks(text);
    return c == '.' || c == '?' || c == '!' || c == 0x2026;
}

bool ends_with_closing_punctuation(std::string_view text) {
    const char32_t c = last_before_closing_marks(text);
    return ends_sentence(text) || c == ':' || is_closing_mark(last_code_point(text));
}

}  // namespace pamphlet::readers::repair
