// LayoutResources: one run's fonts and hyphenation patterns, shared by its documents. Each file
// is read once per run, and a document sets exactly as it would with resources of its own.
#include "layout/resources.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <thread>
#include <variant>

#include "layout/prepare.hpp"
#include "layout/typeset.hpp"

namespace pamphlet::layout {
namespace {

model::Block paragraph(model::Inlines content) { return model::Paragraph{std::move(content)}; }

// Running text long enough to be hyphenated; `emphasis_first` opens with bold italic words, so the
// faces are asked for in another order than in a plain document.
model::Document document_with(bool emphasis_first, const Style& style) {
    model::Document document;
    document.metadata.title = emphasis_first ? "Emphasis First" : "Plain First";
    document.metadata.language = "en";
    const std::string words =
        "Cooperative production and mutual responsibility characterise the associations whose "
        "extraordinary perseverance transformed neighbourhoods, notwithstanding considerable "
        "administrative interference and the incomprehension of contemporaries. ";
    for (int p = 0; p < 12; ++p) {
        model::Inlines content;
        if (emphasis_first && p == 0) content.push_back(model::Strong{{model::Emphasis{{model::Text{"Very first: "}}}}});
        std::string text;
        for (int repeat = 0; repeat <= p % 4; ++repeat) text += words;
        content.push_back(model::Text{text});
        if (p == 5) content.push_back(model::Emphasis{{model::Text{" an emphasised ending"}}});
        document.blocks.push_back(paragraph(std::move(content)));
    }
    prepare_document(document, style);
    return document;
}

// Everything typeset() hands the backends, as text: faces by id and file, positions, sizes.
std::string dump(const TypesetDocument& result) {
    std::string out;
    char line[256];
    for (const Page& page : result.pages) {
        out += "page " + page.label + "\n";
        for (const PageItem& item : page.items) {
            if (const auto* run = std::get_if<GlyphRun>(&item)) {
                std::snprintf(line, sizeof line, "run %d %.6f %.6f %.6f %.6f ", run->face, run->size_pt, run->x_pt,
                              run->y_pt, run->horizontal_scale);
                out += line + result.fonts->file(run->face).string() + " " + run->text + "\n";
            } else if (const auto* rule = std::get_if<Rule>(&item)) {
                std::snprintf(line, sizeof line, "rule %.6f %.6f %.6f %.6f\n", rule->x1_pt, rule->y1_pt, rule->x2_pt,
                              rule->y2_pt);
                out += line;
            } else if (const auto* destination = std::get_if<Destination>(&item)) {
                out += "destination " + destination->name + "\n";
            }
        }
    }
    return out;
}

TEST(LayoutResources, TwoDocumentsReadEachFontAndPatternFileOnce) {
    const Style style;
    const LayoutResources resources;
    EXPECT_EQ(resources.font_files_loaded(), 0u);  // lazy: nothing read before it is needed
    EXPECT_EQ(resources.pattern_files_loaded(), 0u);
    model::Report report;
    typeset(document_with(true, style), style, resources, report);
    const std::size_t fonts_after_first = resources.font_files_loaded();
    EXPECT_GE(fonts_after_first, 3u);  // regular, italic, bold italic at least
    EXPECT_EQ(resources.pattern_files_loaded(), 1u);  // English only: German patterns stay unread
    typeset(document_with(true, style), style, resources, report);
    typeset(document_with(false, style), style, resources, report);
    EXPECT_EQ(resources.font_files_loaded(), fonts_after_first);
    EXPECT_EQ(resources.pattern_files_loaded(), 1u);
}

TEST(LayoutResources, SharedResourcesSetTheSameAsFreshOnes) {
    const Style style;
    const model::Document plain = document_with(false, style);
    model::Report report;
    const std::string fresh = dump(typeset(plain, style, report));
    ASSERT_NE(fresh.find("run "), std::string::npos);

    // A store warmed by a document that asked for its faces in another order.
    const LayoutResources resources;
    typeset(document_with(true, style), style, resources, report);
    const TypesetDocument shared = typeset(plain, style, resources, report);
    EXPECT_EQ(dump(shared), fresh);
}

TEST(LayoutResources, ThreadsShareOneStore) {
    const Style style;
    const model::Document plain = document_with(false, style);
    const model::Document emphasis = document_with(true, style);
    model::Report report;
    const std::string expected_plain = dump(typeset(plain, style, report));
    const std::string expected_emphasis = dump(typeset(emphasis, style, report));

    const LayoutResources resources;
    std::string got_plain[2], got_emphasis[2];
    {
        std::jthread other([&] {
            model::Report own;
            for (int i = 0; i < 2; ++i) got_emphasis[i] = dump(typeset(emphasis, style, resources, own));
        });
        model::Report own;
        for (int i = 0; i < 2; ++i) got_plain[i] = dump(typeset(plain, style, resources, own));
    }
    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(got_plain[i], expected_plain);
        EXPECT_EQ(got_emphasis[i], expected_emphasis);
    }
    EXPECT_EQ(resources.pattern_files_loaded(), 1u);
}

}  // namespace
}  // namespace pamphlet::layout
