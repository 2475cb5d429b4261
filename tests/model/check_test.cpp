#include <gtest/gtest.h>

#include "model/check.hpp"
#include "model/text.hpp"
#include "model/walk.hpp"

using namespace pamphlet::model;

namespace {
Inlines text(std::string value) { return {Text{std::move(value)}}; }
}  // namespace

TEST(ModelCheck, AcceptsAWellFormedDocument) {
    Document document;
    document.blocks.push_back(Heading{1, text("Title"), ""});
    NoteReference note;
    note.body.push_back(Paragraph{text("A note.")});
    Inlines content = text("Body");
    content.push_back(note);
    document.blocks.push_back(Paragraph{content});
    EXPECT_TRUE(check(document).empty());
}

TEST(ModelCheck, RejectsBadHeadingLevelsAndEmptyHeadings) {
    Document document;
    document.blocks.push_back(Block(Heading{5, text("Deep"), ""}, SourcePosition{7, 1}));
    document.blocks.push_back(Heading{1, {}, ""});
    const auto problems = check(document);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].position.line, 7);
    EXPECT_NE(problems[0].message.find("level 5"), std::string::npos);
    EXPECT_NE(problems[1].message.find("empty heading"), std::string::npos);
}

TEST(ModelCheck, RejectsHeadingsInsideQuotesAndNotesInsideNotes) {
    Document document;
    document.blocks.push_back(BlockQuote{{Heading{2, text("Inside"), ""}}});
    NoteReference inner;
    inner.body.push_back(Paragraph{text("inner")});
    NoteReference outer;
    outer.body.push_back(Paragraph{Inlines{inner}});
    document.blocks.push_back(Paragraph{Inlines{outer}});
    const auto problems = check(document);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_NE(problems[0].message.find("heading"), std::string::npos);
    EXPECT_NE(problems[1].message.find("same kind"), std::string::npos);
}

TEST(ModelCheck, AllowsSecondaryNoteInsidePrimaryNote) {
    Document document;
    NoteReference secondary;
    secondary.kind = NoteKind::secondary;
    secondary.body.push_back(Paragraph{text("on the note")});
    NoteReference primary;
    primary.body.push_back(Paragraph{Inlines{Text{"note"}, secondary}});
    document.blocks.push_back(Paragraph{Inlines{primary}});
    EXPECT_TRUE(check(document).empty());
}

TEST(ModelCheck, RejectsInvalidUtf8AndControlCharacters) {
    Document document;
    document.blocks.push_back(Paragraph{text("bad \xC3 byte")});
    document.blocks.push_back(Paragraph{text(std::string("nul \0 here", 10))});
    document.blocks.push_back(Paragraph{text("fine \xE2\x80\x94 dash")});
    EXPECT_EQ(check(document).size(), 2u);
}

TEST(ModelText, VisibleTextSkipsNoteBodies) {
    NoteReference note;
    note.body.push_back(Paragraph{text("hidden")});
    Inlines content{Text{"one "}, Emphasis{text("two")}, note, LineBreak{}, Code{"x"}};
    EXPECT_EQ(visible_text(content), "one two\nx");
}

TEST(ModelWalk, LeafBlocksAreNumberedInDocumentOrder) {
    Document document;
    document.blocks.push_back(Heading{1, text("H"), ""});
    document.blocks.push_back(BlockQuote{{Paragraph{text("q1")}, Paragraph{text("q2")}}});
    ListBlock list;
    list.items.push_back({Paragraph{text("i1")}});
    list.items.push_back({Paragraph{text("i2")}});
    document.blocks.push_back(list);
    document.blocks.push_back(SceneBreak{});
    std::vector<std::string> seen;
    for_each_leaf_block(document, [&](const Block& leaf, std::size_t index) {
        seen.push_back(std::to_string(index) + ":" + visible_text(leaf));
    });
    EXPECT_EQ(seen, (std::vector<std::string>{"0:H", "1:q1", "2:q2", "3:i1", "4:i2", "5:"}));
}
