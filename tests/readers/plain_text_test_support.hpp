// Helpers for the plain-text reader and repair-pass tests: a repair context over a small text,
// and views of the document a test can compare.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/document.hpp"
#include "model/text.hpp"
#include "readers/dictionary.hpp"
#include "readers/repair/passes.hpp"
#include "readers/repair/vocabulary.hpp"

namespace pamphlet::test {

// Lines numbered from 1, as the reader makes them.
inline readers::repair::Lines numbered_lines(const std::vector<std::string>& texts) {
    readers::repair::Lines lines;
    int number = 1;
    for (const std::string& text : texts) lines.push_back({text, number++, false});
    return lines;
}

// A repair context whose vocabulary comes from `vocabulary_lines` (the "rest of the document").
struct RepairFixture {
    model::Report report;
    readers::Dictionary dictionary{"en"};
    std::unique_ptr<readers::repair::Vocabulary> vocabulary;
    readers::repair::RepairContext context{"test.txt", report, dictionary, nullptr};

    explicit RepairFixture(const std::vector<std::string>& vocabulary_lines = {}) {
        vocabulary = std::make_unique<readers::repair::Vocabulary>(numbered_lines(vocabulary_lines));
        context.vocabulary = vocabulary.get();
    }
    std::size_t repairs_by(std::string_view pass) const {
        std::size_t count = 0;
        for (const model::Repair& repair : report.repairs) count += repair.pass == pass;
        return count;
    }
};

// The text of each top-level block, prefixed with its kind: "H1 ", "H2 ", "Q " (quote), "P ".
inline std::vector<std::string> outline(const model::Document& document) {
    std::vector<std::string> out;
    for (const model::Block& block : document.blocks) {
        if (const auto* heading = std::get_if<model::Heading>(&block.value)) {
            out.push_back("H" + std::to_string(heading->level) + " " + model::visible_text(heading->content));
        } else if (const auto* quote = std::get_if<model::BlockQuote>(&block.value)) {
            std::string text;
            for (const model::Block& child : quote->children) text += model::visible_text(child);
            out.push_back("Q " + text);
        } else if (std::holds_alternative<model::SceneBreak>(block.value)) {
            out.push_back("*");
        } else {
            out.push_back("P " + model::visible_text(block));
        }
    }
    return out;
}

inline std::string shared_corpus(const std::string& name) {
    return std::string(PAMPHLET_SHARED_DIR) + "/corpus/" + name;
}

}  // namespace pamphlet::test
