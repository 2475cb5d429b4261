#include "model/text.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace pamphlet::model {
namespace {

void append_visible(const Inlines& inlines, std::string& out);

void append_visible(const Inline& node, std::string& out) {
    std::visit(
        [&out](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, Text> || std::is_same_v<T, Code>) {
                out += value.text;
            } else if constexpr (std::is_same_v<T, LineBreak>) {
                out += '\n';
            } else if constexpr (std::is_same_v<T, NoteReference>) {
                // The body is set elsewhere; the marker is generated, not text.
            } else {
                append_visible(value.children, out);
            }
        },
        node.value);
}

void append_visible(const Inlines& inlines, std::string& out) {
    for (const Inline& node : inlines) append_visible(node, out);
}

}  // namespace

std::string visible_text(const Inlines& inlines) {
    std::string out;
    append_visible(inlines, out);
    return out;
}

std::string visible_text(const Block& leaf) {
    std::string out;
    if (const auto* heading = std::get_if<Heading>(&leaf.value)) {
        append_visible(heading->content, out);
    } else if (const auto* paragraph = std::get_if<Paragraph>(&leaf.value)) {
        append_visible(paragraph->content, out);
    } else if (const auto* verse = std::get_if<Verse>(&leaf.value)) {
        for (std::size_t s = 0; s < verse->stanzas.size(); ++s) {
            if (s > 0) out += "\n\n";
            const auto& lines = verse->stanzas[s];
            for (std::size_t l = 0; l < lines.size(); ++l) {
                if (l > 0) out += '\n';
                append_visible(lines[l], out);
            }
        }
    } else if (const auto* pre = std::get_if<Preformatted>(&leaf.value)) {
        out = pre->text;
    } else if (const auto* table = std::get_if<Table>(&leaf.value)) {
        // Cells separated by tabs, rows by newlines, caption last.
        bool first_row = true;
        for (const auto* rows : {&table->header_rows, &table->body_rows})
            for (const auto& row : *rows) {
                if (!first_row) out += '\n';
                first_row = false;
                for (std::size_t c = 0; c < row.size(); ++c) {
                    if (c > 0) out += '\t';
                    append_visible(row[c], out);
                }
            }
        if (!table->caption.empty()) {
            if (!out.empty()) out += '\n';
            append_visible(table->caption, out);
        }
    } else if (const auto* figure = std::get_if<Figure>(&leaf.value)) {
        append_visible(figure->caption, out);
    }
    return out;
}

std::size_t decode_utf8_beyond_ascii(std::string_view text, std::size_t at, char32_t& code_point) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    }
    std::size_t length = 0;
    char32_t value = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
    } else {
        return 0;
    }
    if (length > text.size() - at) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return 0;
        value = (value << 6) | (byte(at + i) & 0x3F);
    }
    // The shortest form only: an overlong sequence could smuggle "<" or a control character
    // past a check that looks at bytes.
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    code_point = value;
    return length;
}

void append_utf8(std::string& out, char32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

std::optional<ControlCharacter> first_control_character_outside_toml(std::string_view text) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte == '\n') {
            ++line;
            line_start = at + 1;
        } else if ((byte < 0x20 && byte != '\t' && byte != '\r') || byte == 0x7F) {
            return ControlCharacter{byte, line, static_cast<int>(at - line_start) + 1};
        }
    }
    return std::nullopt;
}

std::string control_character_message(const ControlCharacter& control) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string code = "U+00";
    code += hex[control.byte >> 4];
    code += hex[control.byte & 0xF];
    return "control character " + code + " at column " + std::to_string(control.column) +
           ": TOML allows none but tab (write it escaped in a string)";
}

bool is_forbidden_control(char32_t code_point) {
    return (code_point < 0x20 && code_point != '\n' && code_point != '\t') || code_point == 0x7F;
}

namespace {

// True if the eight bytes at `at` are all printable ASCII (0x20 to 0x7E), tested together: most of
// every text is, and needs no decoding. The test may answer false for printable bytes after a
// byte that is not (a borrow crosses into them); callers then look at each byte.
bool printable_ascii_8(std::string_view text, std::size_t at) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    std::uint64_t bytes = 0;
    std::memcpy(&bytes, text.data() + at, 8);
    const std::uint64_t below_space = (bytes - ones * 0x20) & ~bytes & high_bits;
    const std::uint64_t above_tilde = ((bytes + ones * (0x7F - 0x7E)) | bytes) & high_bits;
    return (below_space | above_tilde) == 0;
}

}  // namespace

bool is_valid_model_text(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        if (at + 8 <= text.size() && printable_ascii_8(text, at)) {
            at += 8;
            continue;
        }
        char32_t code_point = 0;
        const std::size_t length = decode_utf8(text, at, code_point);
        if (length == 0 || is_forbidden_control(code_point)) return false;
        at += length;
    }
    return true;
}

std::string filter_utf8(std::string_view text, bool (*keep)(char32_t code_point)) {
    // Most text is ASCII: `keep` is asked once per ASCII character here, not once per byte of
    // the text, and bytes that stay are copied in runs. (The EPUB backend filters every
    // paragraph: decoding and asking per character was 2% of a pamphlet's run.)
    bool keep_ascii[0x80];
    for (char32_t code = 0; code < 0x80; ++code) keep_ascii[code] = keep(code);
    std::string out;
    out.reserve(text.size());
    std::size_t kept_from = 0;  // start of the bytes kept but not yet copied
    const auto drop = [&](std::size_t at, std::size_t length, bool mend) {
        out.append(text.substr(kept_from, at - kept_from));
        if (mend) out += replacement_character;
        kept_from = at + length;
    };
    for (std::size_t at = 0; at < text.size();) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte < 0x80) {
            if (!keep_ascii[byte]) drop(at, 1, false);
            ++at;
            continue;
        }
        char32_t code_point = 0;
        const std::size_t length = decode_utf8(text, at, code_point);
        if (length == 0) {
            drop(at, 1, true);
            ++at;
            continue;
        }
        if (!keep(code_point)) drop(at, length, false);
        at += length;
    }
    out.append(text.substr(kept_from));
    return out;
}

}  // namespace pamphlet::model
