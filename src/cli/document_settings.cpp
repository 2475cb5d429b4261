#include "cli/document_settings.hpp"

#include <type_traits>
#include <variant>

#include "layout/style.hpp"
#include "model/diagnostics.hpp"

namespace pamphlet::cli {
namespace {

std::filesystem::path beside_input(const std::string& relative, const std::filesystem::path& input) {
    const std::filesystem::path path(relative);
    return path.is_absolute() ? path : input.parent_path() / path;
}

// Calls visit(figure) for every figure of `blocks`: in quotes, lists, notes (found in any text)
// and nested notes. Works on const and mutable blocks alike.
template <typename BlocksT, typename Visit>
void for_each_figure(BlocksT& blocks, Visit&& visit);

template <typename InlinesT, typename Visit>
void for_each_figure_in_inlines(InlinesT& inlines, Visit&& visit) {
    for (auto& node : inlines) {
        std::visit(
            [&](auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, model::NoteReference>) for_each_figure(value.body, visit);
                else if constexpr (requires { value.children; }) for_each_figure_in_inlines(value.children, visit);
            },
            node.value);
    }
}

template <typename BlocksT, typename Visit>
void for_each_figure(BlocksT& blocks, Visit&& visit) {
    for (auto& block : blocks) {
        std::visit(
            [&](auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, model::Figure>) {
                    visit(value);
                    for_each_figure_in_inlines(value.caption, visit);
                } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
                    for_each_figure(value.children, visit);
                } else if constexpr (std::is_same_v<T, model::ListBlock>) {
                    for (auto& item : value.items) for_each_figure(item, visit);
                } else if constexpr (std::is_same_v<T, model::Heading> || std::is_same_v<T, model::Paragraph>) {
                    for_each_figure_in_inlines(value.content, visit);
                } else if constexpr (std::is_same_v<T, model::Verse>) {
                    for (auto& stanza : value.stanzas)
                        for (auto& line : stanza) for_each_figure_in_inlines(line, visit);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    for (auto* rows : {&value.header_rows, &value.body_rows})
                        for (auto& row : *rows)
                            for (auto& cell : row) for_each_figure_in_inlines(cell, visit);
                    for_each_figure_in_inlines(value.caption, visit);
                }
            },
            block.value);
    }
}

}  // namespace

void anchor_figures_at_input(model::Document& document, const std::filesystem::path& input) {
    const std::filesystem::path folder = input.parent_path();
    if (folder.empty()) return;  // the input is in the working directory: sources are right as they are
    for_each_figure(document.blocks, [&](model::Figure& figure) {
        if (!figure.source.empty() && std::filesystem::path(figure.source).is_relative())
            figure.source = (folder / figure.source).lexically_normal().string();
    });
}

std::vector<std::filesystem::path> figure_files(const model::Document& document) {
    std::vector<std::filesystem::path> files;
    for_each_figure(document.blocks, [&](const model::Figure& figure) {
        if (!figure.source.empty()) files.emplace_back(figure.source);
    });
    return files;
}

std::string style_for_document(const std::string& requested, const model::Metadata& metadata,
                               const std::filesystem::path& input) {
    if (!requested.empty()) return requested;
    if (metadata.style.empty()) return "default";
    if (!layout::names_style_file(metadata.style)) return metadata.style;
    return beside_input(metadata.style, input).string();
}

std::filesystem::path cover_for_document(const std::filesystem::path& requested, const model::Metadata& metadata,
                                         const std::filesystem::path& input) {
    if (!requested.empty()) return requested;
    if (metadata.cover_image.empty()) return {};
    // Errors point at the line that names the cover (front matter, #cover, the sidecar).
    const model::SourcePlace& place = metadata.cover_named_at;
    const std::string named_in = place.file.empty() ? input.string() : place.file;
    if (metadata.cover_image.find("://") != std::string::npos)
        throw model::InputError(named_in, place.line, 0,
                                "the cover image '" + metadata.cover_image +
                                    "' is a URL; give a file path relative to the document");
    const std::filesystem::path cover = beside_input(metadata.cover_image, input);
    std::error_code error;
    if (!std::filesystem::is_regular_file(cover, error))
        throw model::InputError(named_in, place.line, 0,
                                "the cover image '" + metadata.cover_image + "' named by the document was not found (looked for " +
                                    cover.string() + ")");
    return cover;
}

}  // namespace pamphlet::cli
