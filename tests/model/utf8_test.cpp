// The one UTF-8 decoder (model/text.hpp) that check(), the readers' mending, the repair passes and
// the EPUB's XML escaping all rely on: what it accepts, what it refuses, and that encoding and
// decoding agree on every scalar value.
#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

#include "model/text.hpp"

using namespace pamphlet::model;

namespace {

// decode_utf8 at offset 0: the length, and the code point when valid.
std::pair<std::size_t, char32_t> decode(std::string_view bytes) {
    char32_t code_point = 0xDEAD;
    const std::size_t length = decode_utf8(bytes, 0, code_point);
    return {length, code_point};
}

}  // namespace

TEST(Utf8, DecodesOneToFourByteSequences) {
    EXPECT_EQ(decode("A"), (std::pair<std::size_t, char32_t>{1, U'A'}));
    EXPECT_EQ(decode("\xC3\xA9"), (std::pair<std::size_t, char32_t>{2, U'é'}));
    EXPECT_EQ(decode("\xE2\x80\x94"), (std::pair<std::size_t, char32_t>{3, U'—'}));
    EXPECT_EQ(decode("\xF0\x9F\x98\x80"), (std::pair<std::size_t, char32_t>{4, U'\U0001F600'}));
    // The boundaries of each length, and the last scalar value.
    EXPECT_EQ(decode("\x7F").second, 0x7Fu);
    EXPECT_EQ(decode("\xC2\x80").second, 0x80u);
    EXPECT_EQ(decode("\xE0\xA0\x80").second, 0x800u);
    EXPECT_EQ(decode("\xF0\x90\x80\x80").second, 0x10000u);
    EXPECT_EQ(decode("\xF4\x8F\xBF\xBF").second, 0x10FFFFu);
}

TEST(Utf8, DecodesInTheMiddleOfText) {
    const std::string_view text = "a\xC3\xA9z";
    char32_t code_point = 0;
    EXPECT_EQ(decode_utf8(text, 1, code_point), 2u);
    EXPECT_EQ(code_point, U'é');
    EXPECT_EQ(decode_utf8(text, 2, code_point), 0u) << "a continuation byte starts nothing";
    EXPECT_EQ(decode_utf8(text, 3, code_point), 1u);
    EXPECT_EQ(code_point, U'z');
}

TEST(Utf8, RefusesEveryKindOfBrokenSequence) {
    EXPECT_EQ(decode("\x80").first, 0u) << "stray continuation byte";
    EXPECT_EQ(decode("\xFF").first, 0u) << "byte that never starts a sequence";
    EXPECT_EQ(decode("\xF8\x88\x80\x80\x80").first, 0u) << "five-byte form";
    EXPECT_EQ(decode("\xC3").first, 0u) << "truncated at the end of the text";
    EXPECT_EQ(decode("\xE2\x80").first, 0u) << "truncated at the end of the text";
    EXPECT_EQ(decode("\xC3" "A").first, 0u) << "continuation missing";
    EXPECT_EQ(decode("\xE2\x80" "A").first, 0u) << "continuation missing";
    EXPECT_EQ(decode("\xC0\xBC").first, 0u) << "overlong '<'";
    EXPECT_EQ(decode("\xC1\xBF").first, 0u) << "overlong two-byte form";
    EXPECT_EQ(decode("\xE0\x80\x80").first, 0u) << "overlong three-byte form";
    EXPECT_EQ(decode("\xF0\x8F\xBF\xBF").first, 0u) << "overlong four-byte form";
    EXPECT_EQ(decode("\xED\xA0\x80").first, 0u) << "high surrogate";
    EXPECT_EQ(decode("\xED\xBF\xBF").first, 0u) << "low surrogate";
    EXPECT_EQ(decode("\xF4\x90\x80\x80").first, 0u) << "beyond U+10FFFF";
}

TEST(Utf8, DecodeOnlyReadsInsideTheView) {
    // The byte after the view would complete the sequence; the view ends first.
    const std::string backing = "\xC3\xA9";
    char32_t code_point = 0;
    EXPECT_EQ(decode_utf8(std::string_view(backing).substr(0, 1), 0, code_point), 0u);
}

TEST(Utf8, EncodingAndDecodingAgreeOnEveryScalarValue) {
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        std::string bytes;
        append_utf8(bytes, c);
        const std::size_t expected_length = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        ASSERT_EQ(bytes.size(), expected_length) << std::hex << static_cast<unsigned long>(c);
        char32_t decoded = 0;
        ASSERT_EQ(decode_utf8(bytes, 0, decoded), expected_length) << std::hex << static_cast<unsigned long>(c);
        ASSERT_EQ(decoded, c);
    }
}

TEST(Utf8, ReplacementCharacterIsUFFFD) {
    char32_t code_point = 0;
    ASSERT_EQ(decode_utf8(replacement_character, 0, code_point), replacement_character.size());
    EXPECT_EQ(code_point, 0xFFFDu);
}

TEST(Utf8, ForbiddenControlsAreC0ButTabAndNewlineAndDel) {
    for (char32_t c = 0; c < 0x20; ++c) EXPECT_EQ(is_forbidden_control(c), c != '\t' && c != '\n') << int(c);
    EXPECT_TRUE(is_forbidden_control(0x7F));
    EXPECT_FALSE(is_forbidden_control(U' '));
    EXPECT_FALSE(is_forbidden_control(0x85)) << "C1 controls are valid text; each backend decides how to show them";
    EXPECT_FALSE(is_forbidden_control(U'é'));
}

TEST(Utf8, ModelTextIsValidUtf8WithoutForbiddenControls) {
    EXPECT_TRUE(is_valid_model_text(""));
    EXPECT_TRUE(is_valid_model_text("Plain text,\twith a tab\nand a line break. Ça va — ok \xF0\x9F\x98\x80"));
    EXPECT_FALSE(is_valid_model_text("carriage\rreturn"));
    EXPECT_FALSE(is_valid_model_text(std::string("nul\0byte", 8)));
    EXPECT_FALSE(is_valid_model_text("delete\x7F"));
    EXPECT_FALSE(is_valid_model_text("cut off \xC3"));
    EXPECT_FALSE(is_valid_model_text("overlong \xC0\xBC"));
    EXPECT_FALSE(is_valid_model_text("surrogate \xED\xA0\x80 inside"));
}

TEST(Utf8, FilterReplacesBrokenBytesAndDropsWhatTheCallerRefuses) {
    const auto no_x = [](char32_t c) { return c != U'x'; };
    EXPECT_EQ(filter_utf8("a\xC3\xA9x\xC3!", no_x), "a\xC3\xA9\xEF\xBF\xBD!");  // é kept, x dropped, lone lead mended
    EXPECT_EQ(filter_utf8("\xED\xA0\x80", no_x), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate: three bad bytes
    EXPECT_EQ(filter_utf8("", no_x), "");
    EXPECT_EQ(filter_utf8("tab\tbell\x07", [](char32_t c) { return !is_forbidden_control(c); }), "tab\tbell");
}

// filter_utf8 the plain way: decode every character, ask about each, copy what stays.
std::string filter_one_by_one(std::string_view text, bool (*keep)(char32_t)) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        char32_t code_point = 0;
        const std::size_t length = decode_utf8(text, at, code_point);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++at;
            continue;
        }
        if (keep(code_point)) out.append(text.substr(at, length));
        at += length;
    }
    return out;
}

TEST(Utf8, FilterAgreesWithDecodingEveryCharacter) {
    // filter_utf8 asks about ASCII once per character value and copies runs; on random mixes of
    // ASCII, valid sequences and broken bytes it must give what asking about each one gives.
    bool (*const filters[])(char32_t) = {
        [](char32_t) { return true; },
        [](char32_t c) { return c != U'x' && c != U'<'; },
        [](char32_t c) { return c < 0x80; },
        [](char32_t c) { return !is_forbidden_control(c); },
        [](char32_t c) { return c >= 0x80; },
    };
    const std::string_view pieces[] = {"a", "x", "<", " ", "\t", "\x07", "\x7F", "\xC3\xA9", "\xE2\x80\x94",
                                       "\xF0\x9F\x98\x80", "\xC3", "\x80", "\xED\xA0\x80", "\xEF\xBF\xBF", "\xFF"};
    std::uint32_t state = 12345;  // a fixed linear congruential sequence: the same strings every run
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const int length = static_cast<int>(state % 12);
        for (int piece = 0; piece < length; ++piece) {
            state = state * 1664525u + 1013904223u;
            text += pieces[(state >> 16) % std::size(pieces)];
        }
        state = state * 1664525u + 1013904223u;
        for (const auto filter : filters) ASSERT_EQ(filter_utf8(text, filter), filter_one_by_one(text, filter)) << text;
    }
}
