// Helpers shared by the Markdown and Muse reader tests: reading fixtures, finding blocks and
// notes, and asserting that a document passes model::check().
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "model/check.hpp"
#include "model/diagnostics.hpp"
#include "model/document.hpp"
#include "model/text.hpp"

namespace pamphlet::test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot open " << path;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Every note reference in the inlines, depth first (not inside note bodies).
inline void collect_notes(const model::Inlines& inlines, std::vector<const model::NoteReference*>& out) {
    for (const model::Inline& node : inlines) {
        std::visit(
            [&](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, model::NoteReference>) {
                    out.push_back(&value);
                } else if constexpr (std::is_same_v<T, model::Emphasis> || std::is_same_v<T, model::Strong> ||
                                     std::is_same_v<T, model::SmallCaps> || std::is_same_v<T, model::Link> ||
                                     std::is_same_v<T, model::LanguageSpan>) {
                    collect_notes(value.children, out);
                }
            },
            node.value);
    }
}

inline void collect_notes(const model::Blocks& blocks, std::vector<const model::NoteReference*>& out) {
    for (const model::Block& block : blocks) {
        std::visit(
            [&](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, model::Heading> || std::is_same_v<T, model::Paragraph>) {
                    collect_notes(value.content, out);
                } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
                    collect_notes(value.children, out);
                } else if constexpr (std::is_same_v<T, model::ListBlock>) {
                    for (const auto& item : value.items) collect_notes(item, out);
                } else if constexpr (std::is_same_v<T, model::Verse>) {
                    for (const auto& stanza : value.stanzas)
                        for (const auto& line : stanza) collect_notes(line, out);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    for (const auto* rows : {&value.header_rows, &value.body_rows})
                        for (const auto& row : *rows)
                            for (const auto& cell : row) collect_notes(cell, out);
                } else {
                }
            },
            block.value);
    }
}

inline std::vector<const model::NoteReference*> notes_of(const model::Blocks& blocks) {
    std::vector<const model::NoteReference*> out;
    collect_notes(blocks, out);
    return out;
}

// The blocks of one kind at the top level, in order.
template <typename T>
std::vector<const T*> top_level(const model::Document& document) {
    std::vector<const T*> out;
    for (const model::Block& block : document.blocks)
        if (const auto* value = std::get_if<T>(&block.value)) out.push_back(value);
    return out;
}

inline void expect_well_formed(const model::Document& document) {
    for (const model::Problem& problem : model::check(document))
        ADD_FAILURE() << "model::check: line " << problem.position.line << ": " << problem.message;
}

inline bool has_warning_containing(const model::Report& report, const std::string& fragment, int line = -1) {
    for (const model::Warning& warning : report.warnings)
        if (warning.message.find(fragment) != std::string::npos && (line < 0 || warning.line == line)) return true;
    return false;
}

inline std::string fixture(const std::string& relative) { return std::string(PAMPHLET_TEST_DATA_DIR) + "/" + relative; }

}  // namespace pamphlet::test
