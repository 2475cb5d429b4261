// DAISY Ace (the accessibility checker of the EPUB world) must find no violation in what we
// write. Installed by scripts/install-ace.sh; run through ace-puppeteer with Debian's chromium.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "epub/zip_package.hpp"
#include "epub_test_support.hpp"

namespace pamphlet::epub::testing {
namespace {

// Runs Ace and returns the names of the rules that failed (empty: no violation).
std::vector<std::string> ace_violations(const std::string& epub_bytes, const std::string& name, std::string& log) {
    const auto directory = scratch_directory("ace-" + name);
    const auto epub = directory / (name + ".epub");
    write_file(epub, epub_bytes);
    const CommandResult result = run_ace(epub, directory / "out");
    log = result.output;
    if (!std::filesystem::exists(directory / "out/report.json")) throw std::runtime_error("Ace wrote no report:\n" + log);
    // The report is JSON-LD: node (which Ace needs anyway) reads it.
    const CommandResult summary = run_command("node \"" + std::string(PAMPHLET_SOURCE_DIR) +
                                              "/tests/browser/ace-violations.js\" \"" +
                                              (directory / "out/report.json").string() + "\"");
    std::vector<std::string> violations;
    std::istringstream lines(summary.output);
    bool outcome_seen = false;
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("outcome\t")) {
            outcome_seen = true;
            if (line != "outcome\tpass" && violations.empty()) violations.push_back("(overall outcome: " + line.substr(8) + ")");
        } else if (!line.empty()) {
            violations.push_back(line.substr(0, line.find('\t')));
            log += line + "\n";
        }
    }
    if (!outcome_seen) throw std::runtime_error("cannot read Ace's report:\n" + summary.output);
    return violations;
}

TEST(Ace, FindsNoViolationInEveryBlockAndInlineKind) {
    if (!ace_installed()) GTEST_SKIP() << "DAISY Ace is not installed: run scripts/install-ace.sh";
    const Document document = sample_document();
    Report report;
    std::string log;
    const auto violations =
        ace_violations(write_epub(document, layout::Style{}, sample_page_starts(document), {}, report), "sample", log);
    EXPECT_TRUE(violations.empty()) << ::testing::PrintToString(violations) << "\n" << log;
}

TEST(Ace, ReportsAViolationWhenThereIsOne) {
    // The check above must be able to fail: the same book with the cover's text alternative
    // taken out is a violation (image-alt).
    if (!ace_installed()) GTEST_SKIP() << "DAISY Ace is not installed: run scripts/install-ace.sh";
    Report report;
    const EpubContents epub = read_epub(write_epub(sample_document(), layout::Style{}, {}, {}, report));
    std::vector<PackageEntry> entries;
    for (const std::string& name : epub.names) {
        if (name == "mimetype") continue;
        std::string bytes = epub.files.at(name);
        if (name == "EPUB/cover.xhtml") bytes = std::regex_replace(bytes, std::regex(R"( alt="[^"]*")"), "");
        entries.push_back({name, bytes});
    }
    std::string log;
    const auto violations = ace_violations(zip_epub(entries, 1700000000), "violation", log);
    EXPECT_NE(std::find(violations.begin(), violations.end(), "image-alt"), violations.end())
        << ::testing::PrintToString(violations) << "\n" << log;
}

}  // namespace
}  // namespace pamphlet::epub::testing
