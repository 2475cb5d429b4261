#include <gtest/gtest.h>

#include "layout/footnotes.hpp"

using namespace pamphlet;
using namespace pamphlet::model;

namespace {
NoteReference note(NoteKind kind, Inlines body_text = {Text{"body"}}) {
    NoteReference reference;
    reference.kind = kind;
    reference.body.push_back(Paragraph{std::move(body_text)});
    return reference;
}
std::vector<std::pair<NoteKind, int>> numbers(const Document& document);

void collect(const Blocks& blocks, std::vector<std::pair<NoteKind, int>>& out);
void collect(const Inlines& inlines, std::vector<std::pair<NoteKind, int>>& out) {
    for (const Inline& node : inlines)
        if (const auto* reference = std::get_if<NoteReference>(&node.value)) {
            out.emplace_back(reference->kind, reference->number);
            collect(reference->body, out);
        } else if (const auto* emphasis = std::get_if<Emphasis>(&node.value)) {
            collect(emphasis->children, out);
        }
}
void collect(const Blocks& blocks, std::vector<std::pair<NoteKind, int>>& out) {
    for (const Block& block : blocks) {
        if (const auto* paragraph = std::get_if<Paragraph>(&block.value)) collect(paragraph->content, out);
        if (const auto* heading = std::get_if<Heading>(&block.value)) collect(heading->content, out);
        if (const auto* quote = std::get_if<BlockQuote>(&block.value)) collect(quote->children, out);
    }
}
std::vector<std::pair<NoteKind, int>> numbers(const Document& document) {
    std::vector<std::pair<NoteKind, int>> out;
    collect(document.blocks, out);
    return out;
}

Document two_sections() {
    Document document;
    document.blocks.push_back(Heading{1, {Text{"One"}}, ""});
    document.blocks.push_back(Paragraph{{Text{"a"}, note(NoteKind::primary), Emphasis{{note(NoteKind::primary)}}}});
    document.blocks.push_back(Heading{1, {Text{"Two"}}, ""});
    Inlines with_secondary{Text{"note with "}, note(NoteKind::secondary)};
    document.blocks.push_back(BlockQuote{{Paragraph{{note(NoteKind::primary, with_secondary)}}}});
    return document;
}
}  // namespace

TEST(Footnotes, NumbersInDocumentOrderWithSeparateSecondarySequence) {
    Document document = two_sections();
    const auto counts = layout::number_notes(document, layout::NoteNumbering::per_document);
    EXPECT_EQ(counts.primary, 3);
    EXPECT_EQ(counts.secondary, 1);
    const std::vector<std::pair<NoteKind, int>> expected{
        {NoteKind::primary, 1}, {NoteKind::primary, 2}, {NoteKind::primary, 3}, {NoteKind::secondary, 1}};
    EXPECT_EQ(numbers(document), expected);
}

TEST(Footnotes, PerSectionNumberingRestartsAtLevelOneHeadings) {
    Document document = two_sections();
    layout::number_notes(document, layout::NoteNumbering::per_section);
    const std::vector<std::pair<NoteKind, int>> expected{
        {NoteKind::primary, 1}, {NoteKind::primary, 2}, {NoteKind::primary, 1}, {NoteKind::secondary, 1}};
    EXPECT_EQ(numbers(document), expected);
}

TEST(Footnotes, NumberingTwiceGivesTheSameNumbers) {
    Document document = two_sections();
    layout::number_notes(document, layout::NoteNumbering::per_document);
    const auto first = numbers(document);
    layout::number_notes(document, layout::NoteNumbering::per_document);
    EXPECT_EQ(numbers(document), first);
}

TEST(Footnotes, Markers) {
    EXPECT_EQ(layout::note_marker(NoteKind::primary, 12), "12");
    EXPECT_EQ(layout::note_marker(NoteKind::secondary, 1), "a");
    EXPECT_EQ(layout::note_marker(NoteKind::secondary, 26), "z");
    EXPECT_EQ(layout::note_marker(NoteKind::secondary, 27), "aa");
}
