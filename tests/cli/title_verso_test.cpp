// The back of the title page carries what the document says about itself (note, source, date,
// rights), as amusewiki's printed editions do; with none of them it stays blank.
#include <gtest/gtest.h>

#include <string>

#include "support/command.hpp"

using namespace pamphlet::test_support;
namespace fs = std::filesystem;

namespace {

const std::string body = "* Part One\n\nA paragraph with some text in it, long enough to be set as a paragraph.\n";

}  // namespace

TEST(TitleVerso, CarriesTheNoteSourceDateAndRightsInThatOrder) {
    ScratchFolder folder;
    write_file(folder / "text.muse", "#title The Question\n#author A. Writer\n#source First printed in The Review, 1904.\n"
                                     "#date 1904\n#rights Public domain.\n#notes Written in prison.\n\n" + body);
    const fs::path pdf = folder / "text.pdf";
    const CommandResult result = run_pamphlet(quote_for_shell((folder / "text.muse").string()) + " -o " + quote_for_shell(pdf.string()));
    ASSERT_EQ(result.exit_status, 0) << result.err;
    const std::string verso = pdf_page_text(pdf, 2);
    const auto note = verso.find("Written in prison.");
    const auto source = verso.find("First printed in The Review, 1904.");
    const auto date = verso.find("1904\n");
    const auto rights = verso.find("Public domain.");
    ASSERT_NE(note, std::string::npos) << verso;
    ASSERT_NE(source, std::string::npos) << verso;
    ASSERT_NE(rights, std::string::npos) << verso;
    EXPECT_LT(note, source);
    EXPECT_LT(source, rights);
    EXPECT_NE(date, std::string::npos);
    EXPECT_EQ(pdf_page_text(pdf, 1).find("First printed"), std::string::npos);  // not on the title page
    EXPECT_EQ(verso.find("paragraph"), std::string::npos);                   // the text starts on a recto
}

TEST(TitleVerso, StaysBlankWhenTheDocumentSaysNothingAboutItself) {
    ScratchFolder folder;
    write_file(folder / "text.muse", "#title The Question\n#author A. Writer\n\n" + body);
    const fs::path pdf = folder / "text.pdf";
    const CommandResult result = run_pamphlet(quote_for_shell((folder / "text.muse").string()) + " -o " + quote_for_shell(pdf.string()));
    ASSERT_EQ(result.exit_status, 0) << result.err;
    EXPECT_EQ(pdf_page_text(pdf, 2).find_first_not_of(" \n\f"), std::string::npos) << pdf_page_text(pdf, 2);
}
