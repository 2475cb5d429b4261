#include <gtest/gtest.h>

#include "cli/atomic_file.hpp"
#include "support/command.hpp"

using namespace pamphlet;
using pamphlet::test_support::ScratchFolder;

namespace {
std::size_t entries_in(const std::filesystem::path& folder) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++count;
    return count;
}
}  // namespace

TEST(AtomicFile, WritesNewFileAndReplacesOldOne) {
    ScratchFolder folder;
    const auto target = folder / "out.pdf";
    cli::write_file_atomically(target, "first");
    EXPECT_EQ(test_support::read_file(target), "first");
    cli::write_file_atomically(target, std::string(100000, 'x'));
    EXPECT_EQ(test_support::read_file(target).size(), 100000u);
    EXPECT_EQ(entries_in(folder.path()), 1u);  // no temporary left behind
}

TEST(AtomicFile, MissingFolderIsAnErrorNamingThePath) {
    ScratchFolder folder;
    const auto target = folder / "no-such-folder" / "out.epub";
    try {
        cli::write_file_atomically(target, "bytes");
        FAIL() << "expected OutputError";
    } catch (const cli::OutputError& error) {
        EXPECT_NE(std::string(error.what()).find(target.string()), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("does not exist"), std::string::npos) << error.what();
    }
    EXPECT_EQ(entries_in(folder.path()), 0u);
}

TEST(AtomicFile, TargetThatIsAFolderIsLeftAloneAndNoTemporaryRemains) {
    ScratchFolder folder;
    std::filesystem::create_directory(folder / "taken");
    EXPECT_THROW(cli::write_file_atomically(folder / "taken", "bytes"), cli::OutputError);
    EXPECT_TRUE(std::filesystem::is_directory(folder / "taken"));
    EXPECT_EQ(entries_in(folder.path()), 1u);
}
