// The plain-text reader on the clean public-domain corpus (Project Gutenberg texts): they pass
// the model check, clean text is not "repaired", and their own conventions (title blocks,
// "* * *", _italic_, CHAPTER headings, [n] footnotes) come out as a sensible document.
#include <gtest/gtest.h>

#include "readers/plain_text_test_support.hpp"  // first: the Markdown helpers need model::Report
#include "readers/markdown_test_helpers.hpp"
#include "model/check.hpp"
#include "model/walk.hpp"
#include "readers/plain_text.hpp"

namespace pamphlet::readers {
namespace {

struct Read {
    model::Report report;
    model::Document document;
};

Read read_corpus(const std::string& name) {
    Read read;
    const std::string bytes = test::read_file(test::shared_corpus(name));
    read.document = read_plain_text(decode_source(bytes, name, read.report), ReadOptions{name, {}}, read.report);
    return read;
}

// Emphasised texts anywhere in running text.
void collect_emphasis(const model::Inlines& inlines, std::vector<std::string>& out) {
    for (const model::Inline& node : inlines) {
        if (const auto* emphasis = std::get_if<model::Emphasis>(&node.value)) {
            out.push_back(model::visible_text(emphasis->children));
            collect_emphasis(emphasis->children, out);
        }
    }
}

TEST(PlainTextCorpus, EveryTextPassesTheModelCheck) {
    for (const char* name : {"kropotkin-place-of-anarchism-in-socialistic-evolution.txt", "wilde-soul-of-man-under-socialism.txt",
                             "marx-engels-communist-manifesto.txt", "paine-common-sense.txt", "bakunin-god-and-the-state.txt",
                             "tolstoy-war-and-peace.txt"}) {
        const Read read = read_corpus(name);
        const auto problems = model::check(read.document);
        EXPECT_TRUE(problems.empty()) << name << ": " << (problems.empty() ? "" : problems.front().message) << " at line "
                                      << (problems.empty() ? 0 : problems.front().position.line);
        EXPECT_GT(read.document.blocks.size(), 10u) << name;
    }
}

TEST(PlainTextCorpus, CleanTextPassesThroughWithoutRepairs) {
    for (const char* name : {"kropotkin-place-of-anarchism-in-socialistic-evolution.txt", "wilde-soul-of-man-under-socialism.txt"}) {
        const Read read = read_corpus(name);
        for (const model::Repair& repair : read.report.repairs)
            ADD_FAILURE() << name << ":" << repair.line << ": " << repair.pass << " changed '" << repair.before << "' to '"
                          << repair.after << "'";
    }
}

TEST(PlainTextCorpus, CleanTextKeepsEveryWord) {
    // Words of the clean Kropotkin text in, the same words out (paragraph text only changes its
    // line breaks into spaces).
    const std::string source = test::read_file(test::shared_corpus("kropotkin-place-of-anarchism-in-socialistic-evolution.txt"));
    const Read read = read_corpus("kropotkin-place-of-anarchism-in-socialistic-evolution.txt");
    std::string output;
    model::for_each_leaf_block(read.document, [&](const model::Block& block, std::size_t) { output += model::visible_text(block) + " "; });
    const auto words = [](const std::string& text) {
        std::vector<std::string> out;
        std::string word;
        for (char c : text + " ") {
            if (c == ' ' || c == '\n') {
                if (!word.empty()) out.push_back(word);
                word.clear();
            } else if (c != '_') {  // _italic_ marks become Emphasis
                word += c;
            }
        }
        std::erase(out, std::string("*"));  // "* * * * *" becomes a scene break
        return out;
    };
    EXPECT_EQ(words(output), words(source));
}

TEST(PlainTextCorpus, BakuninFootnotesBecomeNotes) {
    const Read read = read_corpus("bakunin-god-and-the-state.txt");
    const auto notes = test::notes_of(read.document.blocks);
    std::vector<std::string> labels;
    for (const model::NoteReference* note : notes) labels.push_back(note->source_label);
    EXPECT_EQ(labels, (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}));
    ASSERT_FALSE(notes.empty());
    EXPECT_TRUE(model::visible_text(notes[0]->body.front()).starts_with("I call it \"iniquitous\""));
    EXPECT_GT(notes[3]->body.size(), 1u);  // note 4 has several paragraphs
    std::string text;
    model::for_each_leaf_block(read.document, [&](const model::Block& block, std::size_t) { text += model::visible_text(block) + "\n"; });
    EXPECT_EQ(text.find("FOOTNOTES"), std::string::npos);
    EXPECT_EQ(text.find("[1]"), std::string::npos);
    EXPECT_NE(text.find("THE ONLY ANARCHIST MONTHLY"), std::string::npos);  // back matter stays text
}

TEST(PlainTextCorpus, GutenbergConventionsBecomeStructure) {
    const Read read = read_corpus("bakunin-god-and-the-state.txt");
    ASSERT_FALSE(read.document.blocks.empty());
    const auto* title = std::get_if<model::Heading>(&read.document.blocks.front().value);
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(model::visible_text(title->content), "GOD AND THE STATE");

    std::vector<std::string> emphasis;
    int scene_breaks = 0;
    for (const model::Block& block : read.document.blocks) {
        if (const auto* paragraph = std::get_if<model::Paragraph>(&block.value)) collect_emphasis(paragraph->content, emphasis);
        scene_breaks += std::holds_alternative<model::SceneBreak>(block.value);
    }
    for (const char* emphasised : {"doctrinaires", "the power to think", "human animality"})
        EXPECT_NE(std::find(emphasis.begin(), emphasis.end(), emphasised), emphasis.end()) << emphasised;
    // Inside a note body too.
    std::vector<std::string> in_notes;
    for (const model::NoteReference* note : test::notes_of(read.document.blocks))
        for (const model::Block& block : note->body)
            if (const auto* paragraph = std::get_if<model::Paragraph>(&block.value)) collect_emphasis(paragraph->content, in_notes);
    EXPECT_NE(std::find(in_notes.begin(), in_notes.end(), "the lowest servant of the servants of God"), in_notes.end());
    EXPECT_GE(scene_breaks, 2);

    const Read tolstoy = read_corpus("tolstoy-war-and-peace.txt");
    // Fifteen books and two epilogues at level 1, their chapters at level 2.
    int books = 0, chapters = 0;
    for (const model::Block& block : tolstoy.document.blocks)
        if (const auto* heading = std::get_if<model::Heading>(&block.value)) {
            const std::string label = model::visible_text(heading->content);
            books += heading->level == 1 && (label.starts_with("BOOK ") || label.find("EPILOGUE") != std::string::npos);
            chapters += heading->level == 2 && label.starts_with("CHAPTER ");
            EXPECT_FALSE(heading->level == 1 && label.starts_with("CHAPTER ")) << label;
        }
    EXPECT_EQ(books, 17);
    EXPECT_GT(chapters, 300);
}

TEST(PlainTextCorpus, MetadataIsNotInvented) {
    const Read read = read_corpus("paine-common-sense.txt");
    EXPECT_TRUE(read.document.metadata.title.empty());
    EXPECT_TRUE(read.document.metadata.contributors.empty());
    EXPECT_EQ(read.document.metadata.language, "en");
}

}  // namespace
}  // namespace pamphlet::readers
