// Each content document, opened in headless Chromium at a phone's width (360 CSS px), must not
// overflow sideways, and its note links must lead to the note and back
// (tests/browser/epub-phone-check.js, puppeteer-core from the top-level package.json).
#include <gtest/gtest.h>

#include "epub_test_support.hpp"

namespace pamphlet::epub::testing {
namespace {

bool browser_installed() {
    return std::filesystem::exists(source_dir / "node_modules/puppeteer-core") && std::filesystem::exists(chromium_program);
}

// Unpacks the EPUB and runs the browser check on every XHTML file in it.
CommandResult check_on_phone(const EpubContents& epub, const std::string& name) {
    const auto directory = scratch_directory("phone-" + name);
    std::string files;
    for (const auto& [path, bytes] : epub.files) {
        const auto target = directory / path;
        std::filesystem::create_directories(target.parent_path());
        write_file(target, bytes);
        if (path.ends_with(".xhtml")) files += " \"" + target.string() + "\"";
    }
    return run_command("node \"" + (source_dir / "tests/browser/epub-phone-check.js").string() + "\" " +
                       chromium_program.string() + files);
}

TEST(PhoneBrowser, NoHorizontalOverflowAndNoteLinksWork) {
    if (!browser_installed()) GTEST_SKIP() << "chromium or puppeteer-core missing: run scripts/install-ace.sh";
    Document document = sample_document();
    // Things that tend to widen a page: a long unbreakable word, a long URL, a wide table.
    document.blocks.push_back(Paragraph{text("Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung "
                                              "https://example.org/a/very/long/path/that/does/not/break/anywhere/at/all")});
    Table wide;
    wide.header_rows = {{}};
    for (int column = 0; column < 12; ++column) wide.header_rows[0].push_back(text("Column" + std::to_string(column)));
    document.blocks.push_back(wide);
    Report report;
    const EpubContents epub = read_epub(write_epub(document, layout::Style{}, sample_page_starts(document), {}, report));
    const CommandResult result = check_on_phone(epub, "sample");
    EXPECT_EQ(result.status, 0) << result.output;
    // Three notes in the sample, all followed there and back.
    EXPECT_NE(result.output.find("\"notes\":3,\"followed\":3,\"problems\":[]"), std::string::npos) << result.output;
}

TEST(PhoneBrowser, DetectsAPageWiderThanThePhone) {
    // The check above must be able to fail: a fixed-width block is wider than 360px.
    if (!browser_installed()) GTEST_SKIP() << "chromium or puppeteer-core missing: run scripts/install-ace.sh";
    Report report;
    EpubContents epub = read_epub(write_epub(sample_document(), layout::Style{}, {}, {}, report));
    std::string& section = epub.files.at("EPUB/section-1.xhtml");
    section.replace(section.find("<section"), 8, "<section style=\"width: 60em\"");
    const CommandResult result = check_on_phone(epub, "too-wide");
    EXPECT_NE(result.status, 0) << result.output;
    EXPECT_NE(result.output.find("overflows horizontally"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace pamphlet::epub::testing
