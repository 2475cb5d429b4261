// Metadata kept beside a plain-text input: NAME.toml next to NAME.txt, since plain text has no
// header of its own. Keys: title, subtitle, author (string or list), translator, editor,
// language (or lang), date, source, description, rights, identifier.
#pragma once

#include <filesystem>
#include <optional>

#include "model/document.hpp"

namespace pamphlet::readers {

// The sidecar file for an input, if one exists: INPUT with its extension replaced by .toml.
std::optional<std::filesystem::path> find_sidecar(const std::filesystem::path& input);

// Reads a sidecar file. Throws model::InputError naming the file, line and key for bad content.
model::Metadata read_sidecar(const std::filesystem::path& sidecar);

// Copies every field that is set in `overrides` over `target` (contributors replace the whole
// list when `overrides` has any).
void overlay_metadata(model::Metadata& target, const model::Metadata& overrides);

}  // namespace pamphlet::readers
