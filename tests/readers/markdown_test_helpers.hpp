// Helpers shared by the Markdown and Muse reader tests: reading fixtures, finding blocks and
// notes, and asserting that a document passes model::check().
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "model/check.hpp"
#include "model/diagnostics.hpp"
#include "model/document.hpp"
#include "model/text.hpp"
#include "readers/markdown.hpp"
#include "readers/markdown_text_helpers.hpp"
#include "readers/muse.hpp"

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
    readers::for_each_inline_run(blocks, [&](const model::Inlines& run, const model::Block&) { collect_notes(run, out); });
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

// The block at `index`, which must be of kind T (throws otherwise, failing the test).
template <typename T>
const T& block_at(const model::Blocks& blocks, std::size_t index) {
    if (index >= blocks.size()) throw std::out_of_range("no block " + std::to_string(index));
    const T* value = std::get_if<T>(&blocks[index].value);
    if (!value) throw std::runtime_error("block " + std::to_string(index) + " has another kind");
    return *value;
}

// Reads with the given reader and checks the result is well formed, as every test should.
inline model::Document read_checked(model::Document (*reader)(std::string_view, const readers::ReadOptions&, model::Report&),
                                    std::string_view text, model::Report& report, std::string file_name) {
    readers::ReadOptions options;
    options.file_name = std::move(file_name);
    model::Document document = reader(text, options, report);
    expect_well_formed(document);
    return document;
}
inline model::Document read_markdown(std::string_view text, model::Report& report, std::string file_name = "test.md") {
    return read_checked(readers::read_markdown, text, report, std::move(file_name));
}
inline model::Document read_muse(std::string_view text, model::Report& report, std::string file_name = "test.muse") {
    return read_checked(readers::read_muse, text, report, std::move(file_name));
}

inline std::string fixture(const std::string& relative) { return std::string(PAMPHLET_TEST_DATA_DIR) + "/" + relative; }

}  // namespace pamphlet::test
