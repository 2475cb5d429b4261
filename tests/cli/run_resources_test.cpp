// One run, many documents: fonts, hyphenation patterns and dictionaries are loaded once and
// shared, and every output is byte-for-byte what converting the document alone gives.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "cli/convert.hpp"
#include "support/command.hpp"

using namespace pamphlet;
using namespace pamphlet::test_support;

namespace {

const std::filesystem::path seed_essay = std::filesystem::path(PAMPHLET_SOURCE_DIR) / "input" / "russian-question.txt";

const std::string markdown_text =
    "---\ntitle: A Second Document\nlang: en\n---\n\n# Mutual aid\n\n"
    "*Cooperation* among the **associated producers** is older than any state, and the "
    "neighbourhoods that practised it kept their accounts in common books open to everybody.[^1]\n\n"
    "[^1]: As the chronicles of the free cities show.\n";

cli::ConversionRequest request_for(const std::filesystem::path& input, const std::filesystem::path& out) {
    cli::ConversionRequest request;
    request.input = input;
    request.source_date_epoch = 1700000000;
    const std::string stem = input.stem().string();
    request.targets = {{out / (stem + ".pdf"), cli::OutputFormat::pdf}, {out / (stem + ".epub"), cli::OutputFormat::epub}};
    return request;
}

std::map<std::string, std::string> files_in(const std::filesystem::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().filename() != ".pamphlet-build-state")
            files[std::filesystem::relative(entry.path(), folder).string()] = read_file(entry.path());
    return files;
}

}  // namespace

TEST(RunResources, DocumentsOfOneRunLoadEachFileOnceAndMatchSeparateRuns) {
    ScratchFolder folder;
    write_file(folder / "second.md", markdown_text);
    std::filesystem::create_directories(folder / "alone");
    std::filesystem::create_directories(folder / "shared");

    // Each document alone, with resources of its own.
    cli::convert(request_for(folder / "second.md", folder / "alone"));
    cli::convert(request_for(seed_essay, folder / "alone"));

    // The same documents in one run, the Markdown first so the store fills in another order.
    cli::RunResources resources;
    cli::convert(request_for(folder / "second.md", folder / "shared"), resources);
    const std::size_t fonts = resources.layout.font_files_loaded();
    EXPECT_GE(fonts, 3u);
    // Its paragraphs all set within the pretolerance without hyphens: no patterns are read.
    EXPECT_EQ(resources.layout.pattern_files_loaded(), 0u);
    cli::convert(request_for(seed_essay, folder / "shared"), resources);
    cli::convert(request_for(seed_essay, folder / "shared"), resources);
    EXPECT_LE(resources.layout.font_files_loaded(), fonts + 1);  // at most a face only the essay uses
    const std::size_t fonts_after_essay = resources.layout.font_files_loaded();
    cli::convert(request_for(folder / "second.md", folder / "shared"), resources);
    EXPECT_EQ(resources.layout.font_files_loaded(), fonts_after_essay);
    EXPECT_EQ(resources.layout.pattern_files_loaded(), 1u);  // English only, read once
    EXPECT_EQ(resources.dictionaries.files_loaded(), 1u);    // en_US, read once

    const auto alone = files_in(folder / "alone");
    const auto shared = files_in(folder / "shared");
    ASSERT_EQ(alone.size(), 4u);
    ASSERT_EQ(shared.size(), alone.size());
    for (const auto& [name, bytes] : alone) {
        ASSERT_TRUE(shared.contains(name)) << name;
        EXPECT_TRUE(shared.at(name) == bytes) << name << " differs when resources are shared";
    }
}

TEST(RunResources, BatchWithTwoWorkersWritesWhatOneWorkerWrites) {
    ScratchFolder folder;
    std::filesystem::create_directories(folder / "in" / "sub");
    std::filesystem::copy_file(seed_essay, folder / "in" / "essay.txt");
    write_file(folder / "in" / "second.md", markdown_text);
    write_file(folder / "in" / "sub" / "third.md", "# Third\n\nA *short* text about free association.\n");
    const std::string binary = "SOURCE_DATE_EPOCH=1700000000 " + quote_for_shell(PAMPHLET_BINARY);
    const std::string input = quote_for_shell((folder / "in").string());
    const auto one = run_command(binary + " build " + input + " --out-dir " + quote_for_shell((folder / "one").string()) + " -j 1");
    const auto two = run_command(binary + " build " + input + " --out-dir " + quote_for_shell((folder / "two").string()) + " -j 2");
    ASSERT_EQ(one.exit_status, 0) << one.err << one.out;
    ASSERT_EQ(two.exit_status, 0) << two.err << two.out;
    const auto first = files_in(folder / "one");
    const auto second = files_in(folder / "two");
    EXPECT_EQ(first.size(), 9u);  // EPUB, PDF, booklet PDF for each of three
    ASSERT_EQ(second.size(), first.size());
    for (const auto& [name, bytes] : first) {
        ASSERT_TRUE(second.contains(name)) << name;
        EXPECT_TRUE(second.at(name) == bytes) << name << " differs between -j 1 and -j 2";
    }
}

// The subsetter is part of the run too: the PDF and an EPUB with embedded fonts cut the same
// faces, and later documents cut them again, without parsing any font file a second time.
TEST(RunResources, FontsAreParsedForSubsettingOncePerRunForBothBackends) {
    ScratchFolder folder;
    cli::RunResources resources;
    cli::ConversionRequest request = request_for(seed_essay, folder.path());
    request.embed_fonts = true;
    cli::convert(request, resources);
    const std::size_t parsed = resources.font_subsetter.fonts_parsed();
    EXPECT_GE(parsed, 2u);  // at least the roman and italic the essay uses
    EXPECT_LE(parsed, 4u);  // the style's four faces at most: PDF and EPUB share them
    write_file(folder / "second.md", markdown_text);
    request = request_for(folder / "second.md", folder.path());
    request.embed_fonts = true;
    cli::convert(request, resources);
    cli::convert(request, resources);
    EXPECT_LE(resources.font_subsetter.fonts_parsed(), 4u);
}
