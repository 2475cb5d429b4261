#include <gtest/gtest.h>

#include "model/diagnostics.hpp"
#include "readers/sidecar_metadata.hpp"
#include "support/command.hpp"

using namespace pamphlet;

TEST(SidecarMetadata, FoundBesideTheInputAndRead) {
    test_support::ScratchFolder folder;
    test_support::write_file(folder / "essay.txt", "text");
    EXPECT_FALSE(readers::find_sidecar(folder / "essay.txt").has_value());
    test_support::write_file(folder / "essay.toml",
                        "title = \"The Question\"\nauthor = [\"A. One\", \"B. Two\"]\ntranslator = \"C. Three\"\n"
                        "lang = \"de\"\ndate = \"1991\"\n");
    const auto sidecar = readers::find_sidecar(folder / "essay.txt");
    ASSERT_TRUE(sidecar.has_value());
    const model::Metadata metadata = readers::read_sidecar(*sidecar);
    EXPECT_EQ(metadata.title, "The Question");
    ASSERT_EQ(metadata.contributors.size(), 3u);
    EXPECT_EQ(metadata.contributors[1].name, "B. Two");
    EXPECT_EQ(metadata.contributors[2].role, "trl");
    EXPECT_EQ(metadata.language, "de");
    EXPECT_EQ(metadata.date, "1991");
}

TEST(SidecarMetadata, ErrorsNameFileAndLine) {
    test_support::ScratchFolder folder;
    test_support::write_file(folder / "a.toml", "title = 3\n");
    try {
        readers::read_sidecar(folder / "a.toml");
        FAIL();
    } catch (const model::InputError& error) {
        EXPECT_EQ(error.line(), 1);
        EXPECT_NE(error.located_message().find("a.toml:1"), std::string::npos);
    }
    test_support::write_file(folder / "b.toml", "title = \"x\"\n\n[section\n");
    try {
        readers::read_sidecar(folder / "b.toml");
        FAIL();
    } catch (const model::InputError& error) {
        EXPECT_EQ(error.line(), 3);
    }
}

TEST(SidecarMetadata, OverlayReplacesOnlyWhatIsSet) {
    model::Metadata base;
    base.title = "From the text";
    base.language = "en";
    base.contributors.push_back({"Original", "aut"});
    model::Metadata overrides;
    overrides.language.clear();
    overrides.subtitle = "Sub";
    readers::overlay_metadata(base, overrides);
    EXPECT_EQ(base.title, "From the text");
    EXPECT_EQ(base.subtitle, "Sub");
    EXPECT_EQ(base.language, "en");
    ASSERT_EQ(base.contributors.size(), 1u);
}

TEST(SeedEssay, HasItsTitleInTheSidecar) {
    const auto sidecar = readers::find_sidecar(std::filesystem::path(PAMPHLET_SOURCE_DIR) / "input/russian-question.txt");
    ASSERT_TRUE(sidecar.has_value());
    EXPECT_EQ(readers::read_sidecar(*sidecar).title, "The Russian Question");
}

TEST(SidecarMetadata, ControlCharacterIsRefusedWithItsLineAndColumn) {
    test_support::ScratchFolder folder;
    test_support::write_file(folder / "c.toml", "title = \"x\"\n[\x18" "more]\n");
    try {
        readers::read_sidecar(folder / "c.toml");
        FAIL();
    } catch (const model::InputError& error) {
        EXPECT_EQ(error.line(), 2);
        EXPECT_EQ(error.column(), 2);
        EXPECT_NE(error.located_message().find("U+0018"), std::string::npos) << error.located_message();
    }
}
