#include "readers/sidecar_metadata.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "model/diagnostics.hpp"
#include "model/text.hpp"
#include "toml/toml.hpp"

namespace pamphlet::readers {

std::optional<std::filesystem::path> find_sidecar(const std::filesystem::path& input) {
    if (input.extension() == ".toml") return std::nullopt;
    std::filesystem::path candidate = input;
    candidate.replace_extension(".toml");
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error)) return candidate;
    return std::nullopt;
}

model::Metadata read_sidecar(const std::filesystem::path& sidecar) {
    const std::string file = sidecar.string();
    std::ifstream in(sidecar, std::ios::binary);
    std::ostringstream content;
    if (in) content << in.rdbuf();
    if (!in) throw model::InputError(file, 0, 0, "cannot read the metadata file");
    const std::string source = std::move(content).str();
    if (const auto control = model::first_control_character_outside_toml(source))
        throw model::InputError(file, control->line, control->column, model::control_character_message(*control));
    toml::table root;
    try {
        root = toml::parse(source, file);
    } catch (const toml::parse_error& error) {
        throw model::InputError(file, static_cast<int>(error.source().begin.line),
                                static_cast<int>(error.source().begin.column), std::string(error.description()));
    }
    auto line_of = [](const toml::node& node) { return static_cast<int>(node.source().begin.line); };
    auto text = [&](std::string_view key, const toml::node& node) {
        if (!node.is_string()) throw model::InputError(file, line_of(node), 0, std::string(key) + " must be a string");
        return *node.value<std::string>();
    };
    auto people = [&](std::string_view key, const toml::node& node, const char* role, model::Metadata& out) {
        if (const toml::array* list = node.as_array()) {
            for (const toml::node& element : *list) out.contributors.push_back({text(key, element), role});
        } else {
            out.contributors.push_back({text(key, node), role});
        }
    };

    model::Metadata metadata;
    metadata.language.clear();  // unset unless the sidecar says so
    for (const auto& [key_name, node] : root) {
        const std::string_view key = key_name.str();
        if (key == "title") metadata.title = text(key, node);
        else if (key == "subtitle") metadata.subtitle = text(key, node);
        else if (key == "author" || key == "authors") people(key, node, "aut", metadata);
        else if (key == "translator") people(key, node, "trl", metadata);
        else if (key == "editor") people(key, node, "edt", metadata);
        else if (key == "language" || key == "lang") metadata.language = text(key, node);
        else if (key == "date") metadata.date = text(key, node);
        else if (key == "source") metadata.source = text(key, node);
        else if (key == "description") metadata.description = text(key, node);
        else if (key == "rights") metadata.rights = text(key, node);
        else if (key == "identifier") metadata.identifier = text(key, node);
        else if (key == "style") {
            metadata.style = text(key, node);
            metadata.style_named_at = {file, line_of(node)};
        } else if (key == "cover" || key == "cover-image") {
            metadata.cover_image = text(key, node);
            metadata.cover_named_at = {file, line_of(node)};
        }
        else
            throw model::InputError(file, static_cast<int>(key_name.source().begin.line), 0,
                                    "unknown key '" + std::string(key) +
                                        "' (known: title, subtitle, author, translator, editor, language, "
                                        "date, source, description, rights, identifier, style, cover)");
    }
    return metadata;
}

void overlay_metadata(model::Metadata& target, const model::Metadata& overrides) {
    auto take = [](std::string& into, const std::string& from) {
        if (!from.empty()) into = from;
    };
    take(target.title, overrides.title);
    take(target.subtitle, overrides.subtitle);
    take(target.language, overrides.language);
    take(target.date, overrides.date);
    take(target.source, overrides.source);
    take(target.description, overrides.description);
    take(target.rights, overrides.rights);
    take(target.identifier, overrides.identifier);
    take(target.style, overrides.style);
    take(target.cover_image, overrides.cover_image);
    if (!overrides.style.empty()) target.style_named_at = overrides.style_named_at;
    if (!overrides.cover_image.empty()) target.cover_named_at = overrides.cover_named_at;
    if (!overrides.contributors.empty()) target.contributors = overrides.contributors;
}

}  // namespace pamphlet::readers
