// The style and cover a conversion uses. The command line decides first; otherwise the document
// may ask for them itself (Markdown front matter, a NAME.toml sidecar), with paths relative to
// the input file, so a folder of documents converts the same from any working directory.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace pamphlet::cli {

// The style to load: `requested` (from --style) when set, else the document's own style, where a
// path ("house.toml", "../styles/zine.toml") is taken relative to the input's folder and a bare
// name stays a named style; "default" when neither says.
std::string style_for_document(const std::string& requested, const model::Metadata& metadata,
                               const std::filesystem::path& input);

// The EPUB cover image: `requested` (from --cover) when set, else the document's own cover,
// relative to the input's folder. Throws model::InputError naming the input when the document's
// cover is a URL or not a readable file (an author who names a cover expects to see it).
std::filesystem::path cover_for_document(const std::filesystem::path& requested, const model::Metadata& metadata,
                                         const std::filesystem::path& input);

// Readers keep a figure's source as written, relative to the input file; backends open files
// relative to the working directory. Prefixes every relative source (in notes too) with the
// input's folder, so `pamphlet docs/essay.md` finds docs/images/x.png from anywhere.
void anchor_figures_at_input(model::Document& document, const std::filesystem::path& input);

// The image files the document's figures name (in notes too), in document order, as the
// backends will open them (after anchor_figures_at_input). Missing files are listed as well:
// a batch that remembers them rebuilds the document when they appear.
std::vector<std::filesystem::path> figure_files(const model::Document& document);

}  // namespace pamphlet::cli
