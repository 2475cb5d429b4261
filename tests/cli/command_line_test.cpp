// The command line as a user meets it: help, usage errors, bad input, and never losing a file.
#include <gtest/gtest.h>

#include "support/command.hpp"

using namespace pamphlet::test_support;

TEST(CommandLine, HelpAndVersion) {
    const auto help = run_pamphlet("--help");
    EXPECT_EQ(help.exit_status, 0);
    EXPECT_NE(help.out.find("-o,--output"), std::string::npos);
    EXPECT_NE(help.out.find("--out-dir"), std::string::npos);
    EXPECT_NE(help.out.find("Exit status"), std::string::npos);
    const auto version = run_pamphlet("--version");
    EXPECT_EQ(version.exit_status, 0);
    EXPECT_EQ(version.out.rfind("pamphlet ", 0), 0u) << version.out;
}

TEST(CommandLine, UsageErrorsExitWithTwo) {
    EXPECT_EQ(run_pamphlet("").exit_status, 2);
    EXPECT_EQ(run_pamphlet("a.txt").exit_status, 2);                     // no output named
    EXPECT_EQ(run_pamphlet("a.txt -o a.pdf --out-dir x").exit_status, 2);  // both
    EXPECT_EQ(run_pamphlet("a.txt b.txt -o a.pdf").exit_status, 2);        // -o takes one input
    EXPECT_EQ(run_pamphlet("a.txt -o a.docx").exit_status, 2);
    EXPECT_EQ(run_pamphlet("a.txt -o a.pdf --from rtf").exit_status, 2);
    EXPECT_EQ(run_pamphlet("a.txt -o a.pdf --date yesterday").exit_status, 2);
    EXPECT_EQ(run_pamphlet("a.txt -o a.pdf --no-such-option").exit_status, 2);
}

TEST(CommandLine, MissingInputNamesTheFileAndExitsWithOne) {
    ScratchFolder folder;
    const auto result = run_pamphlet(quote_for_shell((folder / "missing.txt").string()) + " -o " +
                                     quote_for_shell((folder / "out.pdf").string()));
    EXPECT_EQ(result.exit_status, 1);
    EXPECT_NE(result.err.find("missing.txt"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(folder / "out.pdf"));
}

TEST(CommandLine, UnknownInputExtensionAsksForFrom) {
    ScratchFolder folder;
    write_file(folder / "essay.rtf", "text\n");
    const auto result = run_pamphlet(quote_for_shell((folder / "essay.rtf").string()) + " -o " +
                                     quote_for_shell((folder / "out.pdf").string()));
    EXPECT_EQ(result.exit_status, 1);
    EXPECT_NE(result.err.find("--from"), std::string::npos) << result.err;
}

TEST(CommandLine, RefusesToWriteOverTheInput) {
    ScratchFolder folder;
    const auto input = folder / "essay.pdf";
    write_file(input, "Some text.\n");
    const auto result = run_pamphlet(quote_for_shell(input.string()) + " --from text -o " + quote_for_shell(input.string()));
    EXPECT_EQ(result.exit_status, 1);
    EXPECT_NE(result.err.find("over the input"), std::string::npos) << result.err;
    EXPECT_EQ(read_file(input), "Some text.\n");
}

TEST(CommandLine, BadStyleNamesFileAndLineAndKeepsExistingOutput) {
    ScratchFolder folder;
    write_file(folder / "essay.md", "# Title\n\nSome text.\n");
    write_file(folder / "broken.toml", "name = \"broken\"\n[font]\nsize_pt = \"large\"\n");
    write_file(folder / "essay.pdf", "precious earlier output");
    const auto result = run_pamphlet(quote_for_shell((folder / "essay.md").string()) + " -o " +
                                     quote_for_shell((folder / "essay.pdf").string()) + " --style " +
                                     quote_for_shell((folder / "broken.toml").string()));
    EXPECT_EQ(result.exit_status, 1);
    EXPECT_NE(result.err.find("broken.toml:3"), std::string::npos) << result.err;
    EXPECT_EQ(read_file(folder / "essay.pdf"), "precious earlier output");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder.path())) ++entries;
    EXPECT_EQ(entries, 3u);  // nothing half-written beside it
}

TEST(CommandLine, BadSidecarMetadataNamesFileAndLine) {
    ScratchFolder folder;
    write_file(folder / "essay.txt", "Some text.\n");
    write_file(folder / "essay.toml", "title = \"T\"\ntitel = \"typo\"\n");
    const auto result = run_pamphlet(quote_for_shell((folder / "essay.txt").string()) + " -o " +
                                     quote_for_shell((folder / "essay.epub").string()));
    EXPECT_EQ(result.exit_status, 1);
    EXPECT_NE(result.err.find("essay.toml:2"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("titel"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(folder / "essay.epub"));
}
