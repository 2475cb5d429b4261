#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>

#include "cli/batch.hpp"
#include "cli/content_hash.hpp"
#include "support/command.hpp"
#include "support/test_images.hpp"

using namespace pamphlet;
using namespace pamphlet::test_support;

TEST(ContentHash, ChangesWithAnyByteAndPartBoundary) {
    cli::ContentHash a, b, c;
    a.add("ab");
    a.add("c");
    b.add("a");
    b.add("bc");
    c.add("ab");
    c.add("c");
    EXPECT_NE(a.value(), b.value());
    EXPECT_EQ(a.hex(), c.hex());
    EXPECT_EQ(a.hex().size(), 16u);
}

TEST(Batch, FindsDocumentsRecursivelyInOrderAndIgnoresOtherFiles) {
    ScratchFolder folder;
    std::filesystem::create_directories(folder / "b");
    write_file(folder / "b" / "two.md", "x");
    write_file(folder / "one.txt", "x");
    write_file(folder / "one.toml", "title = \"x\"");
    write_file(folder / "three.MUSE", "x");
    write_file(folder / "image.png", "x");
    const auto inputs = cli::find_batch_inputs(folder.path());
    ASSERT_EQ(inputs.size(), 3u);
    std::vector<std::string> names;
    for (const auto& input : inputs) names.push_back(std::filesystem::relative(input, folder.path()).string());
    EXPECT_EQ(names, (std::vector<std::string>{"b/two.md", "one.txt", "three.MUSE"}));
}

TEST(Batch, OneFailingDocumentDoesNotStopTheOthersAndIsReported) {
    ScratchFolder folder;
    std::filesystem::create_directories(folder / "in");
    write_file(folder / "in" / "bad.txt", "text");
    write_file(folder / "in" / "bad.toml", "titel = \"typo\"\n");  // a broken sidecar
    write_file(folder / "in" / "good.md", "# Good\n\nA paragraph.\n");
    const auto result = run_pamphlet("build " + quote_for_shell((folder / "in").string()) + " --out-dir " +
                                     quote_for_shell((folder / "out").string()) + " -j 2");
    EXPECT_EQ(result.exit_status, 1) << result.err;
    EXPECT_NE(result.out.find("failed: "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("bad.toml:1"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("documents"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(folder / "out" / "bad.pdf"));
}

TEST(Batch, AFailureNamesTheDocumentOnceWithTheLineAtFault) {
    ScratchFolder folder;
    std::filesystem::create_directories(folder / "in");
    const std::string document = (folder / "in" / "essay.md").string();
    write_file(document, "---\ntitle: Essay\nstyle: house.toml\n---\n\nA paragraph.\n");
    const auto result = run_pamphlet("build " + quote_for_shell((folder / "in").string()) + " --out-dir " +
                                     quote_for_shell((folder / "out").string()));
    EXPECT_EQ(result.exit_status, 1) << result.err;
    EXPECT_NE(result.out.find("failed: " + document + ":3: the style 'house.toml' cannot be used"), std::string::npos)
        << result.out;
    EXPECT_EQ(result.out.find(document + ": " + document), std::string::npos) << result.out;
}

TEST(Batch, UsageErrors) {
    EXPECT_EQ(run_pamphlet("build").exit_status, 2);
    EXPECT_EQ(run_pamphlet("build /no/such/folder --out-dir /tmp/x").exit_status, 2);
    EXPECT_EQ(run_pamphlet("build . ").exit_status, 2);  // --out-dir missing
}

namespace {

struct BuildCounts {
    int exit_status = -1;
    int converted = -1;
    int unchanged = -1;
    std::string output;
};

// Runs `pamphlet build IN --out-dir OUT` (with `binary`, the build under test unless given) and
// reads the summary table's second line ("documents converted unchanged failed pages seconds").
BuildCounts build(const std::filesystem::path& in, const std::filesystem::path& out, const std::string& extra = "",
                  const std::filesystem::path& binary = PAMPHLET_BINARY) {
    const auto result = run_command(quote_for_shell(binary.string()) + " build " + quote_for_shell(in.string()) +
                                    " --out-dir " + quote_for_shell(out.string()) + " -j 2" + extra);
    BuildCounts counts;
    counts.exit_status = result.exit_status;
    counts.output = result.out + result.err;
    const std::size_t header = result.out.find("documents");
    if (header == std::string::npos) return counts;
    std::istringstream numbers(result.out.substr(result.out.find('\n', header) + 1));
    int documents = 0;
    numbers >> documents >> counts.converted >> counts.unchanged;
    return counts;
}

// Replaces the first `from` in the file with `to` (the file must hold it).
void edit_file(const std::filesystem::path& path, const std::string& from, const std::string& to) {
    std::string text = read_file(path);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << path << " lacks " << from;
    text.replace(at, from.size(), to);
    write_file(path, text);
}

}  // namespace

// A second build converts only what changed: the input, its sidecar, or a file the document
// pulls in itself (its style file and that style's base, its cover, its figures), and any
// document whose outputs went missing.
TEST(Batch, RebuildsExactlyTheDocumentsWhoseInputsChanged) {
    ScratchFolder folder;
    const auto in = folder / "library";
    const auto out = folder / "out";
    std::filesystem::create_directories(in / "art");
    std::filesystem::create_directories(in / "house");
    const std::string paragraph = "A paragraph long enough to be a paragraph of the essay, and no more.\n";
    write_file(in / "house" / "base.toml", "base = \"default\"\n[font]\nsize_pt = 10\n");
    write_file(in / "house" / "wide.toml", "base = \"base.toml\"\n[page]\nmargin_outer_mm = 12\n");
    write_file(in / "art" / "cover.png", make_png({60, 90, 2, 8, false, 72}));
    write_file(in / "art" / "plate.png", make_png({40, 30, 2, 8, false, 72}));
    write_file(in / "essay.md", "---\ntitle: Essay\nstyle: house/wide.toml\ncover: art/cover.png\n---\n\n" + paragraph +
                                    "\n![A plate](art/plate.png)\n\n" + paragraph);
    write_file(in / "other.txt", "Other\n\n" + paragraph);

    BuildCounts first = build(in, out);
    ASSERT_EQ(first.exit_status, 0) << first.output;
    EXPECT_EQ(first.converted, 2) << first.output;
    BuildCounts again = build(in, out);
    EXPECT_EQ(again.converted, 0) << again.output;
    EXPECT_EQ(again.unchanged, 2) << again.output;

    // Each change below touches only essay.md's inputs: essay is built again, other.txt is not.
    const std::vector<std::pair<std::string, std::function<void()>>> changes = {
        {"its style file", [&] { edit_file(in / "house" / "wide.toml", "12", "13"); }},
        {"the base of its style", [&] { edit_file(in / "house" / "base.toml", "10", "10.5"); }},
        {"its cover", [&] { write_file(in / "art" / "cover.png", make_png({61, 90, 2, 8, false, 72})); }},
        {"its figure", [&] { write_file(in / "art" / "plate.png", make_png({41, 30, 2, 8, false, 72})); }},
        {"the text", [&] { edit_file(in / "essay.md", "no more", "nothing more"); }},
        {"a sidecar", [&] { write_file(in / "essay.toml", "subtitle = \"Second edition\"\n"); }},
        {"a lost output", [&] { std::filesystem::remove(out / "essay-booklet.pdf"); }},
    };
    for (const auto& [what, change] : changes) {
        change();
        const BuildCounts counts = build(in, out);
        EXPECT_EQ(counts.exit_status, 0) << what << ": " << counts.output;
        EXPECT_EQ(counts.converted, 1) << what << ": " << counts.output;
        EXPECT_EQ(counts.unchanged, 1) << what << ": " << counts.output;
        const BuildCounts settled = build(in, out);
        EXPECT_EQ(settled.converted, 0) << "after " << what << ": " << settled.output;
    }

    // A figure that is missing (the reader warns) makes the document build again once it appears.
    edit_file(in / "essay.md", "art/plate.png", "art/later.png");
    EXPECT_EQ(build(in, out).converted, 1);
    EXPECT_EQ(build(in, out).converted, 0);
    write_file(in / "art" / "later.png", make_png({40, 30, 2, 8, false, 72}));
    EXPECT_EQ(build(in, out).converted, 1);

    const BuildCounts forced = build(in, out, " --force");
    EXPECT_EQ(forced.converted, 2) << forced.output;
}

// A pamphlet built again from changed sources keeps its version string; its outputs may differ
// all the same, so a build with it converts every document again.
TEST(Batch, ADifferentBuildOfThePamphletConvertsEverythingAgain) {
    ScratchFolder folder;
    const auto in = folder / "library";
    const auto out = folder / "out";
    std::filesystem::create_directories(in);
    const std::string paragraph = "A paragraph long enough to be a paragraph of the essay, and no more.\n";
    write_file(in / "one.txt", "One\n\n" + paragraph);
    write_file(in / "two.md", "# Two\n\n" + paragraph);
    const auto binary = folder / "pamphlet";
    std::filesystem::copy_file(PAMPHLET_BINARY, binary);

    EXPECT_EQ(build(in, out, "", binary).converted, 2);
    const BuildCounts again = build(in, out, "", binary);
    EXPECT_EQ(again.converted, 0) << again.output;
    EXPECT_EQ(again.unchanged, 2) << again.output;
    // Another executable of the same version: here the same one with a byte appended, which the
    // loader ignores.
    {
        std::ofstream append(binary, std::ios::binary | std::ios::app);
        append.put('\0');
    }
    const BuildCounts rebuilt = build(in, out, "", binary);
    EXPECT_EQ(rebuilt.exit_status, 0) << rebuilt.output;
    EXPECT_EQ(rebuilt.converted, 2) << rebuilt.output;
    EXPECT_EQ(build(in, out, "", binary).converted, 0);
}
