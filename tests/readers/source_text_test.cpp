// decode_source: every encoding and line-end convention we accept comes out as clean UTF-8.
#include <gtest/gtest.h>

#include "model/diagnostics.hpp"
#include "readers/read_document.hpp"

namespace pamphlet::readers {
namespace {

std::string decode(std::string_view bytes, model::Report& report) { return decode_source(bytes, "in.txt", report); }

TEST(DecodeSource, KeepsUtf8AndDropsItsByteOrderMark) {
    model::Report report;
    EXPECT_EQ(decode("\xEF\xBB\xBF" "Caf\xC3\xA9\n", report), "Caf\xC3\xA9\n");
    EXPECT_EQ(decode("Caf\xC3\xA9\n", report), "Caf\xC3\xA9\n");
    EXPECT_TRUE(report.warnings.empty());
}

TEST(DecodeSource, TurnsCrLfAndCrIntoLf) {
    model::Report report;
    EXPECT_EQ(decode("one\r\ntwo\rthree\n", report), "one\ntwo\nthree\n");
}

TEST(DecodeSource, DecodesUtf16WithByteOrderMark) {
    model::Report report;
    // "Aé€😀\n" in UTF-16 little and big endian (the emoji as a surrogate pair).
    const std::string little("\xFF\xFE" "A\0\xE9\0\xAC\x20\x3D\xD8\x00\xDE\n\0", 14);
    const std::string big("\xFE\xFF" "\0A\0\xE9\x20\xAC\xD8\x3D\xDE\x00\0\n", 14);
    const std::string expected = "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\n";
    EXPECT_EQ(decode(little, report), expected);
    EXPECT_EQ(decode(big, report), expected);
    EXPECT_TRUE(report.warnings.empty());
}

TEST(DecodeSource, DetectsLegacyEightBitText) {
    model::Report report;
    // German in Windows-1252 / Latin-1: long enough for uchardet to be sure.
    std::string latin1;
    for (int i = 0; i < 20; ++i)
        latin1 += "Gr\xFC\xDF" "e aus K\xF6ln: Die Arbeiter h\xE4tten \xFC" "ber die F\xE4higkeit gesprochen.\n";
    const std::string text = decode(latin1, report);
    EXPECT_NE(text.find("Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln"), std::string::npos) << text.substr(0, 80);
    ASSERT_FALSE(report.warnings.empty());
    EXPECT_NE(report.warnings.front().message.find("decoded it as"), std::string::npos);
}

TEST(DecodeSource, ReplacesInvalidUtf8AndNamesTheLine) {
    model::Report report;
    // UTF-8 text (it has a valid "é") with a lone continuation byte on line 2.
    const std::string text = decode("caf\xC3\xA9 fine\nbro\x80ken\n", report);
    EXPECT_EQ(text, "caf\xC3\xA9 fine\nbro\xEF\xBF\xBDken\n");
    ASSERT_EQ(report.warnings.size(), 1u);
    EXPECT_EQ(report.warnings.front().line, 2);
    EXPECT_EQ(report.warnings.front().file, "in.txt");
}

TEST(DecodeSource, RemovesStrayNulBytesWithAWarning) {
    model::Report report;
    std::string bytes = "a line of ordinary text that goes on for a while\nand a second one with a stray ";
    bytes += '\0';
    bytes += " byte in it, which the extractor left behind by mistake\n";
    bytes += std::string(2000, 'x') + "\n";
    const std::string text = decode(bytes, report);
    EXPECT_EQ(text.find('\0'), std::string::npos);
    ASSERT_EQ(report.warnings.size(), 1u);
    EXPECT_EQ(report.warnings.front().line, 2);
}

TEST(DecodeSource, RefusesBinaryDataNamingTheFile) {
    model::Report report;
    std::string bytes("\x89PNG\r\n\x1A\n", 8);
    for (int i = 0; i < 200; ++i) bytes += std::string("\0\0\x01\x02\x03 IHDR", 10);
    try {
        decode(bytes, report);
        FAIL() << "binary data was accepted";
    } catch (const model::InputError& error) {
        EXPECT_EQ(error.file(), "in.txt");
        EXPECT_NE(std::string(error.what()).find("binary"), std::string::npos);
    }
}

}  // namespace
}  // namespace pamphlet::readers
