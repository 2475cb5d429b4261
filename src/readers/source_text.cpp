// Input bytes to clean UTF-8: the one place that knows about byte order marks, UTF-16, legacy
// 8-bit encodings (detected with uchardet), line-end conventions and binary files.
#include <iconv.h>
#include <uchardet/uchardet.h>

#include <memory>

#include "model/text.hpp"
#include "readers/read_document.hpp"
#include "readers/repair/utf8_text.hpp"

namespace pamphlet::readers {

namespace {

using repair::append_code_point;

// Length of the valid UTF-8 sequence at `offset`, or 0 (model::decode_utf8's rules).
std::size_t valid_sequence_length(std::string_view bytes, std::size_t offset) {
    char32_t ignored = 0;
    return model::decode_utf8(bytes, offset, ignored);
}

struct Utf8Census {
    std::size_t multibyte = 0;  // valid sequences of two or more bytes
    std::size_t invalid = 0;    // bytes that start no valid sequence
};

Utf8Census count_utf8(std::string_view bytes) {
    Utf8Census census;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = valid_sequence_length(bytes, i);
        if (length == 0) {
            ++census.invalid;
            ++i;
            continue;
        }
        census.multibyte += length > 1;
        i += length;
    }
    return census;
}

// Replaces invalid sequences with U+FFFD, warning once per line that had one.
std::string repair_utf8(std::string_view bytes, const std::string& file_name, model::Report& report) {
    std::string out;
    out.reserve(bytes.size());
    int line = 1;
    int warned_line = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = valid_sequence_length(bytes, i);
        if (length == 0) {
            append_code_point(out, 0xFFFD);
            if (warned_line != line) {
                report.warn(file_name, line, "invalid UTF-8 replaced with U+FFFD");
                warned_line = line;
            }
            ++i;
            continue;
        }
        if (bytes[i] == '\n') ++line;
        out.append(bytes.substr(i, length));
        i += length;
    }
    return out;
}

std::string decode_utf16(std::string_view bytes, bool big_endian, const std::string& file_name, model::Report& report) {
    std::string out;
    out.reserve(bytes.size());
    bool replaced = false;
    const auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return big_endian ? (a << 8) | b : (b << 8) | a;
    };
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        char32_t c = unit(i);
        if (c >= 0xD800 && c <= 0xDBFF && i + 3 < bytes.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
            replaced = true;
        }
        append_code_point(out, c);
    }
    if (i < bytes.size()) replaced = true;  // an odd trailing byte
    if (replaced) report.warn(file_name, 0, "broken UTF-16 replaced with U+FFFD");
    return out;
}

// The charset uchardet guesses for bytes that are not UTF-8 ("WINDOWS-1252", "KOI8-R"), or "".
std::string detect_charset(std::string_view bytes) {
    const std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(uchardet_new(),
                                                                                                 &uchardet_delete);
    if (!detector) return "";
    if (uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return "";
    uchardet_data_end(detector.get());
    return uchardet_get_charset(detector.get());
}

// Converts with iconv; returns false if the charset is unknown or the bytes do not fit it.
bool convert_with_iconv(std::string_view bytes, const std::string& charset, std::string& out) {
    iconv_t descriptor = iconv_open("UTF-8", charset.c_str());
    if (descriptor == reinterpret_cast<iconv_t>(-1)) return false;
    const std::unique_ptr<void, int (*)(iconv_t)> closer(descriptor, &iconv_close);
    std::string input(bytes);
    char* in = input.data();
    std::size_t in_left = input.size();
    out.assign(input.size() * 4 + 16, '\0');
    char* dest = out.data();
    std::size_t out_left = out.size();
    if (iconv(descriptor, &in, &in_left, &dest, &out_left) == static_cast<std::size_t>(-1)) return false;
    out.resize(out.size() - out_left);
    return true;
}

// Binary data has NUL bytes or many control characters that text never has.
bool looks_binary(std::string_view bytes) {
    const std::string_view sample = bytes.substr(0, 65536);
    std::size_t nul = 0;
    std::size_t control = 0;
    for (unsigned char c : sample) {
        if (c == 0) ++nul;
        else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ++control;
    }
    return nul * 100 > sample.size() || (nul + control) * 20 > sample.size();
}

// "\r\n" and "\r" to "\n"; NUL bytes removed.
std::string normalise_line_ends(std::string_view text, const std::string& file_name, model::Report& report) {
    std::string out;
    out.reserve(text.size());
    int line = 1;
    int nul_line = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r') {
            out += '\n';
            ++line;
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (c == '\0') {
            if (nul_line != line) report.warn(file_name, line, "NUL bytes removed");
            nul_line = line;
        } else {
            if (c == '\n') ++line;
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string decode_source(std::string_view bytes, const std::string& file_name, model::Report& report) {
    std::string utf8;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        utf8 = repair_utf8(bytes.substr(3), file_name, report);
    } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        utf8 = decode_utf16(bytes.substr(2), bytes[0] == '\xFE', file_name, report);
    } else {
        if (looks_binary(bytes))
            throw model::InputError(file_name, 0, 0, "this looks like binary data, not text (NUL or control bytes)");
        const Utf8Census census = count_utf8(bytes);
        if (census.invalid == 0) {
            utf8 = std::string(bytes);
        } else if (census.multibyte > 0 && census.multibyte >= census.invalid) {
            // UTF-8 with a few broken bytes: keep the rest, mark the damage.
            utf8 = repair_utf8(bytes, file_name, report);
        } else {
            const std::string charset = detect_charset(bytes);
            std::string converted;
            if (!charset.empty() && charset != "UTF-8" && charset != "ASCII" && convert_with_iconv(bytes, charset, converted)) {
                report.warn(file_name, 0, "the text is not UTF-8; decoded it as " + charset + " (detected)");
                utf8 = std::move(converted);
            } else {
                utf8 = repair_utf8(bytes, file_name, report);
            }
        }
    }
    return normalise_line_ends(utf8, file_name, report);
}

}  // namespace pamphlet::readers
