#include <gtest/gtest.h>

#include "cli/batch.hpp"
#include "cli/content_hash.hpp"
#include "support/command.hpp"

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

TEST(Batch, UsageErrors) {
    EXPECT_EQ(run_pamphlet("build").exit_status, 2);
    EXPECT_EQ(run_pamphlet("build /no/such/folder --out-dir /tmp/x").exit_status, 2);
    EXPECT_EQ(run_pamphlet("build . ").exit_status, 2);  // --out-dir missing
}
