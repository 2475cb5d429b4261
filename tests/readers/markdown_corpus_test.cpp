// The German Communist Manifesto from the shared corpus: the Markdown reader's reference text.
#include <gtest/gtest.h>

#include "readers/markdown.hpp"
#include "readers/markdown_test_helpers.hpp"

using namespace pamphlet;

namespace {
const std::string manifesto_path =
    std::string(PAMPHLET_SHARED_DIR) + "/corpus/marx-engels-manifest-der-kommunistischen-partei.de.md";
}

TEST(MarkdownCorpus, GermanManifestoHasItsLanguageHeadingsAndEightNotes) {
    readers::ReadOptions options;
    options.file_name = manifesto_path;
    model::Report report;
    const model::Document document = readers::read_markdown(test::read_file(manifesto_path), options, report);
    test::expect_well_formed(document);

    EXPECT_EQ(document.metadata.language, "de");  // from the ".de.md" file name

    const auto headings = test::top_level<model::Heading>(document);
    ASSERT_GE(headings.size(), 5u);
    EXPECT_EQ(headings[0]->level, 1);
    EXPECT_EQ(model::visible_text(headings[0]->content), "Manifest der Kommunistischen Partei");
    EXPECT_EQ(headings[1]->level, 2);
    EXPECT_EQ(model::visible_text(headings[1]->content), "I Bourgeois und Proletarier");
    int chapters = 0;
    for (const auto* heading : headings) chapters += heading->level == 2 ? 1 : 0;
    EXPECT_EQ(chapters, 4);  // I to IV

    const auto notes = test::notes_of(document.blocks);
    ASSERT_EQ(notes.size(), 8u);
    for (std::size_t i = 0; i < notes.size(); ++i) {
        EXPECT_EQ(notes[i]->source_label, std::to_string(i + 1));
        ASSERT_FALSE(notes[i]->body.empty());
    }
    // The first note hangs on the chapter heading and keeps its emphasis.
    const std::string first = model::visible_text(notes[0]->body[0]);
    EXPECT_EQ(first.rfind("Unter Bourgeoisie wird", 0), 0u) << first;
    EXPECT_NE(first.find("[Anmerkung von Engels zur englischen Ausgabe von 1888.]"), std::string::npos);
    // Chapter I's heading has a no-break space after "##"; the reader repairs it and says so.
    ASSERT_EQ(report.repairs.size(), 1u);
    EXPECT_EQ(report.repairs[0].line, 30);
    for (const model::Warning& warning : report.warnings) ADD_FAILURE() << warning.line << ": " << warning.message;
}
