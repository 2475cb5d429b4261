#include "cli/document_settings.hpp"

#include <type_traits>
#include <variant>

#include "model/diagnostics.hpp"

namespace pamphlet::cli {
namespace {

bool looks_like_path(const std::string& value) {
    return value.find('/') != std::string::npos || std::filesystem::path(value).extension() == ".toml";
}

std::filesystem::path beside_input(const std::string& relative, const std::filesystem::path& input) {
    const std::filesystem::path path(relative);
    return path.is_absolute() ? path : input.parent_path() / path;
}

void anchor_blocks(model::Blocks& blocks, const std::filesystem::path& folder);

void anchor_inlines(model::Inlines& inlines, const std::filesystem::path& folder) {
    for (model::Inline& node : inlines) {
        std::visit(
            [&](auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, model::NoteReference>) anchor_blocks(value.body, folder);
                else if constexpr (requires { value.children; }) anchor_inlines(value.children, folder);
            },
            node.value);
    }
}

void anchor_blocks(model::Blocks& blocks, const std::filesystem::path& folder) {
    for (model::Block& block : blocks) {
        std::visit(
            [&](auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, model::Figure>) {
                    if (!value.source.empty() && std::filesystem::path(value.source).is_relative())
                        value.source = (folder / value.source).lexically_normal().string();
                    anchor_inlines(value.caption, folder);
                } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
                    anchor_blocks(value.children, folder);
                } else if constexpr (std::is_same_v<T, model::ListBlock>) {
                    for (model::Blocks& item : value.items) anchor_blocks(item, folder);
                } else if constexpr (std::is_same_v<T, model::Heading> || std::is_same_v<T, model::Paragraph>) {
                    anchor_inlines(value.content, folder);
                } else if constexpr (std::is_same_v<T, model::Verse>) {
                    for (auto& stanza : value.stanzas)
                        for (model::Inlines& line : stanza) anchor_inlines(line, folder);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    for (auto* rows : {&value.header_rows, &value.body_rows})
                        for (auto& row : *rows)
                            for (model::Inlines& cell : row) anchor_inlines(cell, folder);
                    anchor_inlines(value.caption, folder);
                }
            },
            block.value);
    }
}

}  // namespace

void anchor_figures_at_input(model::Document& document, const std::filesystem::path& input) {
    const std::filesystem::path folder = input.parent_path();
    if (folder.empty()) return;  // the input is in the working directory: sources are right as they are
    anchor_blocks(document.blocks, folder);
}

std::string style_for_document(const std::string& requested, const model::Metadata& metadata,
                               const std::filesystem::path& input) {
    if (!requested.empty()) return requested;
    if (metadata.style.empty()) return "default";
    if (!looks_like_path(metadata.style)) return metadata.style;
    return beside_input(metadata.style, input).string();
}

std::filesystem::path cover_for_document(const std::filesystem::path& requested, const model::Metadata& metadata,
                                         const std::filesystem::path& input) {
    if (!requested.empty()) return requested;
    if (metadata.cover_image.empty()) return {};
    if (metadata.cover_image.find("://") != std::string::npos)
        throw model::InputError(input.string(), 0, 0,
                                "the cover image '" + metadata.cover_image +
                                    "' is a URL; give a file path relative to the document");
    const std::filesystem::path cover = beside_input(metadata.cover_image, input);
    std::error_code error;
    if (!std::filesystem::is_regular_file(cover, error))
        throw model::InputError(input.string(), 0, 0,
                                "the cover image '" + metadata.cover_image + "' named by the document was not found (looked for " +
                                    cover.string() + ")");
    return cover;
}

}  // namespace pamphlet::cli
