#include "layout/shaping.hpp"

#include "model/text.hpp"

namespace pamphlet::layout {

std::vector<DecodedCharacter> decode_utf8(std::string_view text) {
    std::vector<DecodedCharacter> out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto lead = static_cast<unsigned char>(text[at]);
        if (lead < 0x80) {  // most text is ASCII: no call for it
            out.push_back({lead, at, 1});
            ++at;
            continue;
        }
        char32_t code = 0;
        std::size_t length = model::decode_utf8(text, at, code);
        if (length == 0) {
            code = 0xFFFD;
            length = 1;
        }
        out.push_back({code, at, length});
        at += length;
    }
    return out;
}

char32_t to_lower(char32_t c) {
    if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
    if (c >= 0x100 && c <= 0x17F) {
        // Latin Extended-A alternates upper/lower, with the run 0x139-0x148 and 0x179-0x17E offset
        // by one and a few singletons (ı, ĸ, ŉ, ſ) that have no pair.
        bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c == 0x130 ? U'i' : c;
        if (c == 0x178) return 0xFF;
        bool upper = odd_upper ? (c % 2 == 1) : (c % 2 == 0);
        return upper ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek
    if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic basic
    if (c >= 0x400 && c <= 0x40F) return c + 80;                // Ѐ-Џ
    return c;
}

char32_t to_upper(char32_t c) {
    if ((c >= U'a' && c <= U'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
    if (c == 0xFF) return 0x178;
    if (c >= 0x100 && c <= 0x17F) {
        bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c == 0x131 ? U'I' : c;
        bool lower = odd_upper ? (c % 2 == 0) : (c % 2 == 1);
        return lower ? c - 1 : c;
    }
    if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) return c - 32;
    if (c == 0x3C2) return 0x3A3;  // final sigma
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

double left_protrusion(char32_t c) {
    switch (c) {
        case 0x201C: case 0x2018: case 0x201E: case 0x201A: case U'"': case U'\'':
            return 0.5;
        case 0x00AB: case 0x2039:
            return 0.4;
        case U'(': case U'[':
            return 0.1;
        case 0x2013: case 0x2014:
            return 0.2;
        default:
            return 0;
    }
}

double right_protrusion(char32_t c) {
    switch (c) {
        case U'.': case U',':
            return 0.7;
        case U'-': case 0x2010: case 0x00AD:
            return 0.7;
        case 0x201D: case 0x2019: case U'"': case U'\'':
            return 0.5;
        case U':': case U';':
            return 0.4;
        case 0x00BB: case 0x203A:
            return 0.4;
        case 0x2013:
            return 0.3;
        case 0x2014:
            return 0.2;
        case U'!': case U'?': case U')': case U']': case 0x2026:
            return 0.15;
        default:
            return 0;
    }
}

}  // namespace pamphlet::layout
