// The command's shared libraries load in the order CMakeLists.txt gives them (the loader searches
// them in that order), and that order keeps mimalloc's malloc ahead of libc's: were libc first,
// every allocation would silently go to glibc's malloc again.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "support/command.hpp"

using namespace pamphlet::test_support;

TEST(LoadOrder, MimallocComesBeforeLibcAndLibcryptoIsSearchedFirst) {
#ifdef PAMPHLET_SANITIZED
    GTEST_SKIP() << "the sanitizers' allocator replaces mimalloc in this build";
#else
    // What ldd prints: the libraries in load order, which is the order symbols are searched in.
    const CommandResult loaded = run_command("LD_TRACE_LOADED_OBJECTS=1 " + quote_for_shell(PAMPHLET_BINARY));
    ASSERT_EQ(loaded.exit_status, 0) << loaded.err;
    const std::size_t mimalloc = loaded.out.find("libmimalloc.so");
    const std::size_t libc = loaded.out.find("libc.so.6");
    ASSERT_NE(mimalloc, std::string::npos) << loaded.out;
    ASSERT_NE(libc, std::string::npos) << loaded.out;
    EXPECT_LT(mimalloc, libc) << loaded.out;
    // The first library after the kernel's vDSO.
    std::istringstream lines(loaded.out);
    std::string line;
    while (std::getline(lines, line) && line.find("linux-vdso") != std::string::npos) {
    }
    EXPECT_NE(line.find("libcrypto.so"), std::string::npos) << loaded.out;
#endif
}
