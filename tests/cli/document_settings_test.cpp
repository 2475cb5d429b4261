// A document may name its own style and cover (Markdown front matter, Muse #cover, a NAME.toml
// sidecar), with paths relative to the document; the command line's --style and --cover win.
// Figures are found relative to the document whatever the working directory.
#include <gtest/gtest.h>

#include <string>

#include "authoring_support.hpp"
#include "support/command.hpp"
#include "support/test_images.hpp"

using namespace pamphlet::test_support;
namespace fs = std::filesystem;

namespace {

// "Page size:      419.53 x 595.276 pts (A5)" -> the width in points, from pdfinfo.
double page_width_pt(const fs::path& pdf) {
    const CommandResult info = run_command("pdfinfo " + quote_for_shell(pdf.string()));
    const auto at = info.out.find("Page size:");
    if (at == std::string::npos) return 0;
    return std::stod(info.out.substr(at + 10));
}

bool epub_holds_file(const fs::path& epub, const std::string& bytes) {
    for (const auto& [name, content] : authoring::epub_files(epub))
        if (content == bytes) return true;
    return false;
}

const std::string paragraph = "A paragraph long enough to be a paragraph of a small essay.\n";

}  // namespace

TEST(DocumentSettings, FrontMatterStyleByNameIsUsed) {
    ScratchFolder folder;
    write_file(folder / "essay.md", "---\ntitle: Essay\nstyle: a6-pocket\n---\n\n" + paragraph);
    const CommandResult result = run_pamphlet(quote_for_shell((folder / "essay.md").string()) + " -o " +
                                              quote_for_shell((folder / "essay.pdf").string()));
    ASSERT_EQ(result.exit_status, 0) << result.err;
    EXPECT_NEAR(page_width_pt(folder / "essay.pdf"), 105 * 72 / 25.4, 1.0);  // A6
}

TEST(DocumentSettings, FrontMatterStyleFileIsFoundBesideTheDocumentAndTheFlagWins) {
    ScratchFolder folder;
    fs::create_directories(folder / "docs" / "house");
    write_file(folder / "docs" / "house" / "wide.toml", "base = \"default\"\n[page]\nsize = \"200x250mm\"\n");
    write_file(folder / "docs" / "essay.md", "---\ntitle: Essay\nstyle: house/wide.toml\n---\n\n" + paragraph);
    // Run from another folder: the style path is the document's, not the working directory's.
    const CommandResult own = run_command("cd / && " + quote_for_shell(PAMPHLET_BINARY) + " " +
                                          quote_for_shell((folder / "docs" / "essay.md").string()) + " -o " +
                                          quote_for_shell((folder / "own.pdf").string()));
    ASSERT_EQ(own.exit_status, 0) << own.err;
    EXPECT_NEAR(page_width_pt(folder / "own.pdf"), 200 * 72 / 25.4, 1.0);

    const CommandResult flagged = run_pamphlet(quote_for_shell((folder / "docs" / "essay.md").string()) +
                                               " --style a4 -o " + quote_for_shell((folder / "flag.pdf").string()));
    ASSERT_EQ(flagged.exit_status, 0) << flagged.err;
    EXPECT_NEAR(page_width_pt(folder / "flag.pdf"), 210 * 72 / 25.4, 1.0);
}

TEST(DocumentSettings, SidecarStyleIsUsed) {
    ScratchFolder folder;
    write_file(folder / "essay.txt", "Essay\n\n" + paragraph);
    write_file(folder / "essay.toml", "title = \"Essay\"\nstyle = \"a4\"\n");
    const CommandResult result = run_pamphlet(quote_for_shell((folder / "essay.txt").string()) + " -o " +
                                              quote_for_shell((folder / "essay.pdf").string()));
    ASSERT_EQ(result.exit_status, 0) << result.err;
    EXPECT_NEAR(page_width_pt(folder / "essay.pdf"), 210 * 72 / 25.4, 1.0);
}

TEST(DocumentSettings, CoverNamedInFrontMatterOrMuseHeaderIsTheEpubCover) {
    ScratchFolder folder;
    fs::create_directories(folder / "art");
    PngSpec spec;
    spec.width = 60;
    spec.height = 90;
    const std::string cover = make_png(spec);
    write_file(folder / "art" / "cover.png", cover);
    write_file(folder / "essay.md", "---\ntitle: Essay\ncover: art/cover.png\n---\n\n" + paragraph);
    write_file(folder / "essay.muse", "#title Essay\n#cover art/cover.png\n\n" + paragraph);
    for (const std::string name : {"essay.md", "essay.muse"}) {
        SCOPED_TRACE(name);
        const fs::path epub = folder / (name + ".epub");
        const CommandResult result = run_command("cd / && " + quote_for_shell(PAMPHLET_BINARY) + " " +
                                                 quote_for_shell((folder / name).string()) + " -o " +
                                                 quote_for_shell(epub.string()));
        ASSERT_EQ(result.exit_status, 0) << result.err;
        EXPECT_TRUE(epub_holds_file(epub, cover));
        const authoring::EpubcheckResult check = authoring::run_epubcheck(epub);
        ASSERT_TRUE(check.ran);
        EXPECT_EQ(check.fatals + check.errors + check.warnings, 0) << check.output;
    }
}

TEST(DocumentSettings, MissingCoverNamedByTheDocumentIsAClearErrorAndWritesNothing) {
    ScratchFolder folder;
    write_file(folder / "essay.md", "---\ntitle: Essay\ncover: art/none.png\n---\n\n" + paragraph);
    write_file(folder / "essay.epub", "an earlier book");
    const CommandResult result = run_pamphlet(quote_for_shell((folder / "essay.md").string()) + " -o " +
                                              quote_for_shell((folder / "essay.epub").string()));
    EXPECT_EQ(result.exit_status, 1);
    EXPECT_NE(result.err.find("essay.md:3: "), std::string::npos) << result.err;  // the cover: line
    EXPECT_NE(result.err.find("art/none.png"), std::string::npos) << result.err;
    EXPECT_EQ(read_file(folder / "essay.epub"), "an earlier book");

    // Muse's #cover, on its own line too.
    write_file(folder / "essay.muse", "#title Essay\n#author Someone\n#cover art/none.png\n\n" + paragraph);
    const CommandResult muse = run_pamphlet(quote_for_shell((folder / "essay.muse").string()) + " -o " +
                                            quote_for_shell((folder / "essay.epub").string()));
    EXPECT_EQ(muse.exit_status, 1);
    EXPECT_NE(muse.err.find("essay.muse:3: "), std::string::npos) << muse.err;
    EXPECT_EQ(read_file(folder / "essay.epub"), "an earlier book");
}

// A style the document asks for but which cannot be loaded is the document's error: the message
// points at the line that names it, then says what is wrong with the style.
TEST(DocumentSettings, AStyleTheDocumentNamesButCannotHaveIsAnErrorAtThatLine) {
    ScratchFolder folder;
    write_file(folder / "missing.md", "---\ntitle: Essay\nstyle: house.toml\n---\n\n" + paragraph);
    write_file(folder / "missing.pdf", "an earlier pamphlet");
    const CommandResult missing = run_pamphlet(quote_for_shell((folder / "missing.md").string()) + " -o " +
                                               quote_for_shell((folder / "missing.pdf").string()));
    EXPECT_EQ(missing.exit_status, 1);
    EXPECT_NE(missing.err.find("missing.md:3: the style 'house.toml' cannot be used: "), std::string::npos)
        << missing.err;
    EXPECT_NE(missing.err.find("house.toml: cannot read"), std::string::npos) << missing.err;
    EXPECT_EQ(read_file(folder / "missing.pdf"), "an earlier pamphlet");

    // A style file with a mistake in it: both places are named.
    write_file(folder / "house.toml", "[page]\nsize = \"A5\"\nnope = 3\n");
    const CommandResult broken = run_pamphlet(quote_for_shell((folder / "missing.md").string()) + " -o " +
                                              quote_for_shell((folder / "missing.pdf").string()));
    EXPECT_EQ(broken.exit_status, 1);
    EXPECT_NE(broken.err.find("missing.md:3: "), std::string::npos) << broken.err;
    EXPECT_NE(broken.err.find("house.toml:3: "), std::string::npos) << broken.err;

    // Named in the sidecar: the sidecar's line.
    write_file(folder / "side.txt", paragraph);
    write_file(folder / "side.toml", "title = \"Essay\"\n\nstyle = \"no-such-style\"\n");
    const CommandResult sidecar = run_pamphlet(quote_for_shell((folder / "side.txt").string()) + " -o " +
                                               quote_for_shell((folder / "side.pdf").string()));
    EXPECT_EQ(sidecar.exit_status, 1);
    EXPECT_NE(sidecar.err.find("side.toml:3: the style 'no-such-style' cannot be used: "), std::string::npos)
        << sidecar.err;
    EXPECT_FALSE(fs::exists(folder / "side.pdf"));
}

TEST(DocumentSettings, FiguresAreFoundBesideTheDocumentFromAnyWorkingDirectory) {
    ScratchFolder folder;
    fs::create_directories(folder / "docs" / "images");
    PngSpec spec;
    spec.width = 64;
    spec.height = 48;
    write_file(folder / "docs" / "images" / "plate.png", make_png(spec));
    write_file(folder / "docs" / "essay.md",
               "---\ntitle: Essay\n---\n\n" + paragraph + "\n![A plate](images/plate.png)\n\n" + paragraph);
    const fs::path pdf = folder / "essay.pdf";
    const fs::path epub = folder / "essay.epub";
    const CommandResult result = run_command("cd / && " + quote_for_shell(PAMPHLET_BINARY) + " " +
                                             quote_for_shell((folder / "docs" / "essay.md").string()) + " -o " +
                                             quote_for_shell(pdf.string()) + " && cd / && " +
                                             quote_for_shell(PAMPHLET_BINARY) + " " +
                                             quote_for_shell((folder / "docs" / "essay.md").string()) + " -o " +
                                             quote_for_shell(epub.string()));
    ASSERT_EQ(result.exit_status, 0) << result.err;
    EXPECT_EQ(result.err.find("cannot read"), std::string::npos) << result.err;
    const CommandResult images = run_command("pdfimages -list " + quote_for_shell(pdf.string()));
    EXPECT_NE(images.out.find("   64    48 "), std::string::npos) << images.out;
    EXPECT_TRUE(epub_holds_file(epub, make_png(spec)));
}
