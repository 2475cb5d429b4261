// Every input the fuzzers ever crashed on (tests/data/fuzz-regressions/<target>/), run through
// the real binary to both formats: the answer must be a document (status 0) or a clear refusal
// (status 1 naming the file), never a crash, a hang, an internal error or a malformed document.
// The fuzz targets themselves replay the same files in scripts/fuzz-smoke.sh.
#include <gtest/gtest.h>

#include <string>

#include "support/command.hpp"

using namespace pamphlet::test_support;
namespace fs = std::filesystem;

namespace {

const fs::path regressions = fs::path(PAMPHLET_TEST_DATA_DIR) / "fuzz-regressions";

// The fuzz target's name -> the input's extension. The pipeline target's first byte picks the
// format (readers::InputFormat: 0 text, 1 Markdown, 2 Muse); the style target's input is a style.
std::string extension_for(const std::string& target, unsigned char first_byte) {
    if (target == "markdown") return ".md";
    if (target == "muse") return ".muse";
    if (target == "pipeline") return first_byte % 3 == 1 ? ".md" : first_byte % 3 == 2 ? ".muse" : ".txt";
    return ".txt";
}

void expect_document_or_clear_refusal(const fs::path& reproducer) {
    const std::string target = reproducer.parent_path().filename().string();
    std::string bytes = read_file(reproducer);
    ScratchFolder folder;
    std::string arguments;
    fs::path input;
    if (target == "style") {
        input = folder / "essay.txt";
        write_file(input, "A Title\n\nA paragraph of text.\n");
        write_file(folder / "fuzzed.toml", bytes);
        arguments = "--style " + quote_for_shell((folder / "fuzzed.toml").string());
    } else {
        const unsigned char first = bytes.empty() ? 0 : static_cast<unsigned char>(bytes[0]);
        if (target == "pipeline" && !bytes.empty()) bytes.erase(0, 1);
        input = folder / ("fuzzed" + extension_for(target, first));
        write_file(input, bytes);
    }
    const fs::path outputs = folder / "out";
    fs::create_directory(outputs);
    const CommandResult result =
        run_command("timeout 120 " + quote_for_shell(PAMPHLET_BINARY) + " " + quote_for_shell(input.string()) +
                    " --out-dir " + quote_for_shell(outputs.string()) + " " + arguments);
    ASSERT_TRUE(result.exit_status == 0 || result.exit_status == 1)
        << "status " << result.exit_status << " (124: hang, -1: killed by a signal)\n" << result.err;
    EXPECT_EQ(result.err.find("internal error"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("malformed"), std::string::npos) << "the reader built a bad tree\n" << result.err;
    if (result.exit_status == 1) {
        const std::string named = target == "style" ? "fuzzed.toml" : input.string();
        EXPECT_NE(result.err.find(named), std::string::npos) << result.err;
    } else {
        EXPECT_TRUE(fs::exists(outputs / (input.stem().string() + ".pdf")));
        EXPECT_TRUE(fs::exists(outputs / (input.stem().string() + ".epub")));
    }
}

}  // namespace

TEST(FuzzRegressions, EveryReproducerGivesADocumentOrAClearRefusal) {
    ASSERT_TRUE(fs::is_directory(regressions)) << regressions;
    int count = 0;
    for (const auto& target : fs::directory_iterator(regressions)) {
        if (!target.is_directory()) continue;
        for (const auto& reproducer : fs::directory_iterator(target.path())) {
            SCOPED_TRACE(reproducer.path().string());
            expect_document_or_clear_refusal(reproducer.path());
            ++count;
        }
    }
    EXPECT_GT(count, 0) << "no reproducers found under " << regressions;
}
