#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers::repair {

char32_t next_code_point(std::string_view text, std::size_t& offset) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(offset);
    int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || offset + static_cast<std::size_t>(length) > text.size()) {
        ++offset;
        return 0xFFFD;
    }
    char32_t c = length == 1 ? lead : lead & (0x7F >> length);
    for (int i = 1; i < length; ++i) {
        const unsigned char next = byte(offset + static_cast<std::size_t>(i));
        if ((next & 0xC0) != 0x80) {
            ++offset;
            return 0xFFFD;
        }
        c = (c << 6) | (next & 0x3F);
    }
    offset += static_cast<std::size_t>(length);
    return c;
}

void append_code_point(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

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

std::string to_lower(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size();) append_code_point(out, to_lower(next_code_point(word, i)));
    return out;
}

std::size_t width(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
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

// The last code point that is not a closing quote or bracket.
char32_t last_significant(std::string_view text) {
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
}  // namespace

bool ends_sentence(std::string_view text) {
    const char32_t c = last_significant(text);
    return c == '.' || c == '?' || c == '!' || c == 0x2026;
}

bool ends_with_closing_punctuation(std::string_view text) {
    const char32_t c = last_significant(text);
    return ends_sentence(text) || c == ':' || is_closing_mark(last_code_point(text));
}

}  // namespace pamphlet::readers::repair
