// Every kind of bad input issue 8 lists, through the real binary as a user meets it. Each test
// asserts the exact outcome: a good document (status 0, the earlier output replaced by a
// complete file) or a clear refusal (status 1, "pamphlet: FILE[:LINE]: ..." saying what is
// wrong, the earlier output byte-for-byte unchanged, no temporary file left beside it).
// Large inputs are generated here rather than committed.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <sys/mount.h>

#include "support/command.hpp"

using namespace pamphlet::test_support;
namespace fs = std::filesystem;

namespace {

const std::string earlier_output = "earlier output: must survive every failure\n";

// The binary with a time limit, so that a hang fails the test instead of stalling the suite
// (`timeout` exits with 124 then).
CommandResult run_pamphlet_limited(const std::string& arguments, int seconds = 300) {
    return run_command("timeout " + std::to_string(seconds) + " " + quote_for_shell(PAMPHLET_BINARY) + " " + arguments);
}

std::set<std::string> entries_of(const fs::path& folder) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
    return names;
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

struct Conversion {
    fs::path input;
    fs::path output;
    CommandResult result;
};

// Writes `bytes` as `input_name` and the earlier output as `output_name` in `folder`, then runs
// `pamphlet INPUT -o OUTPUT EXTRA`.
Conversion convert(const ScratchFolder& folder, const std::string& input_name, const std::string& bytes,
                   const std::string& output_name = "out.pdf", const std::string& extra = "", int seconds = 300) {
    Conversion conversion{folder / input_name, folder / output_name, {}};
    write_file(conversion.input, bytes);
    write_file(conversion.output, earlier_output);
    conversion.result = run_pamphlet_limited(quote_for_shell(conversion.input.string()) + " -o " +
                                                 quote_for_shell(conversion.output.string()) + " " + extra,
                                             seconds);
    return conversion;
}

// A refusal: status 1, one message naming the input (and `line`, when given) and containing
// `words`, the earlier output unchanged and nothing new in the folder.
void expect_refused(const Conversion& conversion, int line, const std::vector<std::string>& words) {
    const CommandResult& result = conversion.result;
    EXPECT_EQ(result.exit_status, 1) << result.err;
    std::string location = "pamphlet: " + conversion.input.string();
    if (line > 0) location += ":" + std::to_string(line);
    EXPECT_EQ(result.err.rfind(location, 0), 0u) << "the message must start with " << location << "\n" << result.err;
    for (const std::string& word : words) EXPECT_NE(result.err.find(word), std::string::npos) << word << "\n" << result.err;
    EXPECT_EQ(result.err.find("internal error"), std::string::npos) << result.err;
    EXPECT_EQ(read_file(conversion.output), earlier_output);
    EXPECT_EQ(entries_of(conversion.input.parent_path()),
              (std::set<std::string>{conversion.input.filename().string(), conversion.output.filename().string()}));
}

// A good document: status 0, the earlier output replaced by a PDF qpdf finds sound, nothing
// else left in the folder.
void expect_converted(const Conversion& conversion) {
    const CommandResult& result = conversion.result;
    ASSERT_EQ(result.exit_status, 0) << result.err;
    EXPECT_EQ(read_file(conversion.output).rfind("%PDF-", 0), 0u);
    EXPECT_EQ(run_command("qpdf --check " + quote_for_shell(conversion.output.string()) + " >/dev/null").exit_status, 0);
    EXPECT_EQ(entries_of(conversion.input.parent_path()),
              (std::set<std::string>{conversion.input.filename().string(), conversion.output.filename().string()}));
}

// A warning printed as "FILE:LINE: warning: ..." containing `words`.
void expect_warning(const Conversion& conversion, int line, const std::string& words) {
    const std::string prefix = conversion.input.string() + ":" + std::to_string(line) + ": warning: ";
    // Several warnings may name the same line: one of them must hold the words.
    const std::string& err = conversion.result.err;
    std::size_t at = err.find(prefix);
    ASSERT_NE(at, std::string::npos) << "expected " << prefix << "\n" << err;
    bool found = false;
    for (; at != std::string::npos && !found; at = err.find(prefix, at + 1))
        found = err.substr(at, err.find('\n', at) - at).find(words) != std::string::npos;
    EXPECT_TRUE(found) << "no warning " << prefix << "... " << words << "\n" << err;
}

const std::string two_paragraphs = "The first paragraph of the text.\n\nThe second paragraph of the text.\n";

}  // namespace

// ---- Empty, blank and binary files -------------------------------------------------------------

TEST(BadInput, EmptyFileIsRefused) {
    ScratchFolder folder;
    expect_refused(convert(folder, "essay.txt", ""), 0, {"empty"});
}

TEST(BadInput, WhitespaceOnlyFileIsRefusedAsEmpty) {
    ScratchFolder folder;
    expect_refused(convert(folder, "essay.md", " \n\t\n   \r\n\n"), 0, {"empty"});
}

TEST(BadInput, BinaryFileIsRefusedAsBinary) {
    ScratchFolder folder;
    std::string png = "\x89PNG\r\n\x1a\n";
    for (int i = 0; i < 4096; ++i) png += static_cast<char>((i * 37 + 11) % 256);
    expect_refused(convert(folder, "essay.txt", png), 0, {"binary"});
}

// ---- Encodings ---------------------------------------------------------------------------------

TEST(BadInput, InvalidUtf8IsReplacedWithAWarningNamingTheLine) {
    ScratchFolder folder;
    const auto conversion = convert(folder, "essay.txt", "Café crème, naïve and déjà vu.\n\nA stray byte \xff here.\n");
    expect_converted(conversion);
    expect_warning(conversion, 3, "UTF-8");
    const std::string text = pdf_text(conversion.output);
    EXPECT_NE(text.find("Café crème"), std::string::npos) << text;  // the valid text kept as it was
    EXPECT_NE(text.find("A stray byte"), std::string::npos) << text;
}

TEST(BadInput, LegacyEncodingIsDetectedWithAWarning) {
    ScratchFolder folder;
    std::string latin1;
    for (int i = 0; i < 20; ++i) latin1 += "Le caf\xe9 est tr\xe8s cher, dit la soci\xe9t\xe9 \xe0 l'\xe9t\xe9.\n\n";
    const auto conversion = convert(folder, "essay.txt", latin1);
    expect_converted(conversion);
    EXPECT_NE(conversion.result.err.find("warning"), std::string::npos) << conversion.result.err;
    EXPECT_NE(conversion.result.err.find("not UTF-8"), std::string::npos) << conversion.result.err;
    EXPECT_NE(pdf_text(conversion.output).find("société à l’été"), std::string::npos) << pdf_text(conversion.output);
}

TEST(BadInput, Utf16WithByteOrderMarkIsDecoded) {
    for (const bool big_endian : {false, true}) {
        SCOPED_TRACE(big_endian ? "UTF-16BE" : "UTF-16LE");
        ScratchFolder folder;
        const std::string text = "Добрый день, société.\n\nSecond paragraph.\n";
        // UTF-8 to UTF-16 for this text's characters (all in the Basic Multilingual Plane).
        std::string utf16 = big_endian ? "\xFE\xFF" : "\xFF\xFE";
        for (std::size_t i = 0; i < text.size();) {
            const unsigned char lead = static_cast<unsigned char>(text[i]);
            char32_t code = lead;
            std::size_t length = 1;
            if (lead >= 0xE0) code = lead & 0x0F, length = 3;
            else if (lead >= 0xC0) code = lead & 0x1F, length = 2;
            for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
            i += length;
            const char high = static_cast<char>(code >> 8), low = static_cast<char>(code & 0xFF);
            utf16 += big_endian ? std::string{high, low} : std::string{low, high};
        }
        const auto conversion = convert(folder, "essay.txt", utf16);
        expect_converted(conversion);
        const std::string extracted = pdf_text(conversion.output);
        EXPECT_NE(extracted.find("Добрый день, société."), std::string::npos) << extracted;
        EXPECT_NE(extracted.find("Second paragraph."), std::string::npos) << extracted;
    }
}

TEST(BadInput, NulBytesInTextAreRemovedWithAWarningNamingTheLine) {
    ScratchFolder folder;
    std::string text = repeat("A line of ordinary text that goes on for a while.\n", 40);
    text += std::string("Here a NUL\0byte sits.\n", 22);
    const auto conversion = convert(folder, "essay.txt", text);
    expect_converted(conversion);
    expect_warning(conversion, 41, "NUL");
    EXPECT_NE(pdf_text(conversion.output).find("NULbyte"), std::string::npos);
}

// CR (old Mac), CRLF (Windows), LF and a mix of all three give byte-identical output.
TEST(BadInput, LineEndsOfEveryKindGiveTheSameDocument) {
    const std::string lines = "Title Line\n\nThe first paragraph\nruns over two lines.\n\nThe second paragraph.\n";
    auto with_line_ends = [&](const std::vector<std::string>& ends) {
        std::string out;
        std::size_t count = 0;
        for (char c : lines) out += c == '\n' ? ends[count++ % ends.size()] : std::string(1, c);
        return out;
    };
    std::string reference;
    for (const auto& [name, ends] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"LF", {"\n"}}, {"CRLF", {"\r\n"}}, {"CR", {"\r"}}, {"mixed", {"\r\n", "\n", "\r"}}}) {
        SCOPED_TRACE(name);
        ScratchFolder folder;
        const auto conversion = convert(folder, "essay.txt", with_line_ends(ends));
        expect_converted(conversion);
        const std::string pdf = read_file(conversion.output);
        if (reference.empty()) reference = pdf;
        EXPECT_TRUE(pdf == reference) << "the output differs from the LF version";
    }
}

// ---- Size ----------------------------------------------------------------------------------------

TEST(BadInput, FiftyMegabytesWithoutANewlineIsRefusedAsTooLarge) {
    ScratchFolder folder;
    std::string huge = repeat("word ", 50 * 1024 * 1024 / 5);
    const auto conversion = convert(folder, "essay.txt", huge, "out.pdf", "", 120);
    expect_refused(conversion, 0, {"50.0 MB", "limit", "16.0 MB"});
}

TEST(BadInput, TwoHundredThousandCharacterWordIsSetWithoutLosingALetter) {
    ScratchFolder folder;
    const std::string alphabet = "bcdfghjk";  // letters the page furniture (title "Q", folios) lacks
    const std::string word = repeat(alphabet, 25000);
    const auto conversion = convert(folder, "essay.txt", "Before it.\n\n" + word + "\n\nAfter it.\n", "out.pdf", "--title Q");
    expect_converted(conversion);
    std::string letters;  // the text without the line breaks, hyphens and folios the layout added
    for (char c : pdf_text(conversion.output))
        if (alphabet.find(c) != std::string::npos) letters += c;
    EXPECT_NE(letters.find(word), std::string::npos) << "the word lost letters: " << letters.size() << " left";
}

TEST(BadInput, HundredThousandParagraphsAreAllSet) {
    ScratchFolder folder;
    std::string text;
    for (int i = 1; i <= 100000; ++i) text += "Paragraph number " + std::to_string(i) + ".\n\n";
    const auto conversion = convert(folder, "essay.txt", text, "out.pdf", "", 540);
    expect_converted(conversion);
    const std::string extracted = pdf_text(conversion.output);
    EXPECT_NE(extracted.find("Paragraph number 1."), std::string::npos);
    EXPECT_NE(extracted.find("Paragraph number 50000."), std::string::npos);
    EXPECT_NE(extracted.find("Paragraph number 100000."), std::string::npos);
}

// ---- Markdown nested 10,000 deep ------------------------------------------------------------------

namespace {

// Markup nested beyond the limit (docs/limits.md) is refused naming the line (0: any line).
void expect_too_deep(const std::string& input_name, const std::string& text, int line) {
    ScratchFolder folder;
    expect_refused(convert(folder, input_name, text), line, {"nest", "limit of 100"});
}

}  // namespace

TEST(BadInput, MarkdownQuotesNestedTenThousandDeepAreRefused) {
    expect_too_deep("essay.md", "# Title\n\n" + repeat(">", 10000) + " deep\n", 3);
}

TEST(BadInput, MarkdownQuotesNestedOnePerLineAreRefused) {
    std::string text;
    for (int depth = 1; depth <= 10000; depth += 1 + depth / 10) text += repeat("> ", depth) + "level\n";
    expect_too_deep("essay.md", text, 0);
}

TEST(BadInput, MarkdownListsNestedTenThousandDeepAreRefused) {
    expect_too_deep("essay.md", "Intro.\n\n" + repeat("- ", 10000) + "item\n", 3);
}

TEST(BadInput, MarkdownEmphasisNestedTenThousandDeepIsRefused) {
    expect_too_deep("essay.md", "Intro.\n\n" + repeat("*", 10000) + "deep" + repeat("*", 10000) + "\n", 3);
}

TEST(BadInput, MuseQuotesNestedTenThousandDeepAreRefused) {
    expect_too_deep("essay.muse", "#title Deep\n\n" + repeat("<quote>\n", 10000) + "deep\n" + repeat("</quote>\n", 10000), 0);
}

TEST(BadInput, MarkdownNestedTwentyDeepIsStillADocument) {
    ScratchFolder folder;
    const std::string text = "# Title\n\n" + repeat("> ", 10) + repeat("- ", 10) + "*deep **text** here*\n";
    expect_converted(convert(folder, "essay.md", text));
}

// ---- Notes ---------------------------------------------------------------------------------------

TEST(BadInput, TenThousandFootnotesAreAllSet) {
    ScratchFolder folder;
    std::string body = "# Notes\n\n", notes;
    for (int i = 1; i <= 10000; ++i) {
        body += "Claim " + std::to_string(i) + ".[^" + std::to_string(i) + "]" + (i % 10 == 0 ? "\n\n" : " ");
        notes += "[^" + std::to_string(i) + "]: Source " + std::to_string(i) + ".\n\n";
    }
    const auto conversion = convert(folder, "essay.md", body + "\n\n" + notes, "out.pdf", "--title Notes", 540);
    expect_converted(conversion);
    EXPECT_EQ(conversion.result.err.find("warning"), std::string::npos) << conversion.result.err;
    const std::string extracted = pdf_text(conversion.output);
    EXPECT_NE(extracted.find("Source 1."), std::string::npos);
    EXPECT_NE(extracted.find("Source 10000."), std::string::npos);
}

TEST(BadInput, NoteReferenceWithoutANoteWarnsWithTheLine) {
    ScratchFolder folder;
    const auto conversion = convert(folder, "essay.md", "# Title\n\nA claim.[^missing]\n\nMore text.\n");
    expect_converted(conversion);
    expect_warning(conversion, 3, "[^missing]");
}

TEST(BadInput, NoteWithoutAReferenceWarnsWithTheLine) {
    ScratchFolder folder;
    const auto conversion = convert(folder, "essay.md", "# Title\n\nA claim.\n\n[^lonely]: A note nobody cites.\n");
    expect_converted(conversion);
    expect_warning(conversion, 5, "[^lonely]");
}

// ---- Fonts -----------------------------------------------------------------------------------------

// U+12000 (cuneiform) and U+E000 (private use) are in no font Debian installs for us.
TEST(BadInput, CharactersNoFontHasWarnWithTheLineAndCodePoint) {
    ScratchFolder folder;
    const auto conversion = convert(folder, "essay.txt", "Plain words first.\n\nA sign \xF0\x92\x80\x80 and \xEE\x80\x80 here.\n");
    expect_converted(conversion);
    expect_warning(conversion, 3, "U+12000");
    expect_warning(conversion, 3, "U+E000");
    EXPECT_NE(pdf_text(conversion.output).find("Plain words first."), std::string::npos);
}

// ---- Style files -----------------------------------------------------------------------------------

namespace {

// Converts a good text with `style_text` as its style file (none when empty): the refusal must
// name the style file, at `line` when it is not 0, say `word`, and keep the earlier output.
void expect_style_refused(const std::string& style_text, int line, const std::string& word) {
    ScratchFolder folder;
    const fs::path style = folder / "look.toml";
    if (!style_text.empty()) write_file(style, style_text);
    const auto conversion =
        convert(folder, "essay.txt", two_paragraphs, "out.pdf", "--style " + quote_for_shell(style.string()));
    EXPECT_EQ(conversion.result.exit_status, 1) << conversion.result.err;
    const std::string location = style.string() + (line > 0 ? ":" + std::to_string(line) : std::string());
    EXPECT_NE(conversion.result.err.find(location), std::string::npos) << location << "\n" << conversion.result.err;
    EXPECT_NE(conversion.result.err.find(word), std::string::npos) << word << "\n" << conversion.result.err;
    EXPECT_EQ(read_file(conversion.output), earlier_output);
}

}  // namespace

TEST(BadInput, StyleWithAnUnknownKeyNamesFileLineAndKey) {
    expect_style_refused("name = \"look\"\n[page]\nsize = \"a5\"\ncolour = \"red\"\n", 4, "colour");
}

TEST(BadInput, StyleWithTomlSyntaxErrorNamesFileAndLine) {
    expect_style_refused("name = \"look\"\n\n[font]\nsize_pt = \"unterminated\n", 4, "look.toml");
}

TEST(BadInput, StyleWithAnImpossibleValueNamesTheKey) {
    expect_style_refused("[page]\nsize = \"a5\"\nmargin_inner_mm = 200\n", 3, "margin");
}

TEST(BadInput, MissingStyleFileIsNamed) {
    expect_style_refused("", 0, "look.toml");
}

// The mistake is in a base style the user's style names: the message starts at the user's own
// `base =` line, then names the base file, its line and the key.
TEST(BadInput, StyleWithAMistakeInItsBaseNamesTheBaseLineAndTheBaseFile) {
    ScratchFolder folder;
    const fs::path house = folder / "house.toml";
    write_file(house, "name = \"house\"\n[page]\nsize = \"a5\"\n\n[font]\nsise_pt = 11\n");
    const fs::path style = folder / "look.toml";
    write_file(style, "name = \"look\"\nbase = \"house.toml\"\n");
    const auto conversion =
        convert(folder, "essay.txt", two_paragraphs, "out.pdf", "--style " + quote_for_shell(style.string()));
    EXPECT_EQ(conversion.result.exit_status, 1) << conversion.result.err;
    EXPECT_EQ(conversion.result.err, "pamphlet: style " + style.string() + ":2: in base style 'house.toml' (" +
                                         house.string() + ":6: unknown key 'font.sise_pt')\n");
    EXPECT_EQ(read_file(conversion.output), earlier_output);
    EXPECT_EQ(entries_of(folder.path()), (std::set<std::string>{"essay.txt", "out.pdf", "house.toml", "look.toml"}));
}

// ---- Where the output goes -------------------------------------------------------------------------

TEST(BadOutput, MissingOutputFolderIsNamedAndNotCreated) {
    ScratchFolder folder;
    write_file(folder / "essay.txt", two_paragraphs);
    const auto target = folder / "no-such-folder" / "out.pdf";
    const auto result = run_pamphlet_limited(quote_for_shell((folder / "essay.txt").string()) + " -o " +
                                             quote_for_shell(target.string()));
    EXPECT_EQ(result.exit_status, 1) << result.err;
    EXPECT_NE(result.err.find(target.string()), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("internal error"), std::string::npos) << result.err;
    EXPECT_EQ(entries_of(folder.path()), std::set<std::string>{"essay.txt"});
}

TEST(BadOutput, OutputFolderThatIsAFileIsNamed) {
    ScratchFolder folder;
    write_file(folder / "essay.txt", two_paragraphs);
    write_file(folder / "blocker", "a regular file where a folder should be\n");
    const auto target = folder / "blocker" / "out.pdf";
    const auto result = run_pamphlet_limited(quote_for_shell((folder / "essay.txt").string()) + " -o " +
                                             quote_for_shell(target.string()));
    EXPECT_EQ(result.exit_status, 1) << result.err;
    EXPECT_NE(result.err.find(target.string()), std::string::npos) << result.err;
    EXPECT_EQ(read_file(folder / "blocker"), "a regular file where a folder should be\n");
    EXPECT_EQ(entries_of(folder.path()), (std::set<std::string>{"essay.txt", "blocker"}));
}

// A mounted file system the test owns; skipped where mounting is not allowed.
class Mount {
public:
    Mount(const fs::path& where, const std::string& options) : where_(where) {
        fs::create_directories(where);
        mounted_ = ::mount("tmpfs", where.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~Mount() {
        if (mounted_) ::umount2(where_.c_str(), MNT_DETACH);
    }
    Mount(const Mount&) = delete;
    Mount& operator=(const Mount&) = delete;
    bool mounted() const { return mounted_; }
    bool make_read_only() const {
        return ::mount("tmpfs", where_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
    }

private:
    fs::path where_;
    bool mounted_ = false;
};

TEST(BadOutput, ReadOnlyOutputFolderKeepsTheEarlierOutput) {
    ScratchFolder folder;
    write_file(folder / "essay.txt", two_paragraphs);
    const Mount mount(folder / "read-only", "size=1m");
    if (!mount.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)";
    const auto target = folder / "read-only" / "out.pdf";
    write_file(target, earlier_output);
    ASSERT_TRUE(mount.make_read_only());
    const auto result = run_pamphlet_limited(quote_for_shell((folder / "essay.txt").string()) + " -o " +
                                             quote_for_shell(target.string()));
    EXPECT_EQ(result.exit_status, 1) << result.err;
    EXPECT_NE(result.err.find(target.string()), std::string::npos) << result.err;
    EXPECT_EQ(read_file(target), earlier_output);
    EXPECT_EQ(entries_of(folder / "read-only"), std::set<std::string>{"out.pdf"});
}

TEST(BadOutput, FullDiskKeepsTheEarlierOutputAndLeavesNoTemporaryFile) {
    ScratchFolder folder;
    std::string text;
    for (int i = 1; i <= 2000; ++i)
        text += "Paragraph " + std::to_string(i) + " says something about the question, at some length, " +
                "so that the pages add up to a file larger than the small disk.\n\n";
    write_file(folder / "essay.txt", text);
    // First where there is room, to know the PDF is larger than the small disk.
    const auto roomy = run_pamphlet_limited(quote_for_shell((folder / "essay.txt").string()) + " -o " +
                                            quote_for_shell((folder / "roomy.pdf").string()));
    ASSERT_EQ(roomy.exit_status, 0) << roomy.err;
    ASSERT_GT(fs::file_size(folder / "roomy.pdf"), 2u * 16u * 1024u);

    const Mount mount(folder / "small", "size=16k");
    if (!mount.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)";
    const auto target = folder / "small" / "out.pdf";
    write_file(target, earlier_output);
    const auto result = run_pamphlet_limited(quote_for_shell((folder / "essay.txt").string()) + " -o " +
                                             quote_for_shell(target.string()));
    EXPECT_EQ(result.exit_status, 1) << result.err;
    EXPECT_NE(result.err.find(target.string()), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("space"), std::string::npos) << result.err;  // "No space left on device"
    EXPECT_EQ(read_file(target), earlier_output);
    EXPECT_EQ(entries_of(folder / "small"), std::set<std::string>{"out.pdf"});
}
