// The hand-written note-marker scan finds exactly what the regular expression it replaced found.
#include <gtest/gtest.h>

#include <random>
#include <regex>

#include "readers/repair/note_markers.hpp"

namespace pamphlet::readers::repair {
namespace {

using Labels = std::set<std::string>;

Labels scan(std::string_view text) {
    Labels labels;
    collect_note_markers(text, labels);
    return labels;
}

// The former implementation, kept here as the reference the scan must agree with.
Labels by_regex(const std::string& text) {
    static const std::regex marker(R"(\S\[(\d{1,3})\])");
    Labels labels;
    for (std::sregex_iterator it(text.begin(), text.end(), marker), end; it != end; ++it) labels.insert((*it)[1].str());
    return labels;
}

TEST(NoteMarkers, FindsMarkersAfterText) {
    EXPECT_EQ(scan("A mystery.[1] And a second claim.[2]"), (Labels{"1", "2"}));
    EXPECT_EQ(scan("word[123] and word[7]"), (Labels{"123", "7"}));
}

TEST(NoteMarkers, IgnoresBracketsThatAreNoMarkers) {
    EXPECT_TRUE(scan("[1] a note body starts the line").empty());
    EXPECT_TRUE(scan("a space before [1] is no marker").empty());
    EXPECT_TRUE(scan("four digits[1234] or none[] or letters[a1]").empty());
    EXPECT_TRUE(scan("unclosed[12").empty());
    EXPECT_TRUE(scan("").empty());
}

TEST(NoteMarkers, MarkersDoNotOverlap) {
    // The "]" before "[2]" belongs to the first marker, so "[2]" has no character of its own.
    EXPECT_EQ(scan("a[1][2]"), (Labels{"1"}));
    EXPECT_EQ(scan("a[1]x[2]"), (Labels{"1", "2"}));
    EXPECT_EQ(scan("[[12]"), (Labels{"12"}));
    EXPECT_EQ(scan("é[3]"), (Labels{"3"}));  // after a multi-byte letter
}

TEST(NoteMarkers, AgreesWithTheRegularExpressionOnRandomText) {
    // Text built from the characters that matter to the pattern, so that near-misses abound.
    const std::string alphabet = "[]0123456789 \tab.\xC3\xA9";
    std::mt19937 random(20261125);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> length(0, 40);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        for (int n = length(random); n > 0; --n) text += alphabet[pick(random)];
        ASSERT_EQ(scan(text), by_regex(text)) << "text: " << text;
    }
}

}  // namespace
}  // namespace pamphlet::readers::repair
