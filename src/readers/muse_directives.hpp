// The directives at the top of a Muse document ("#title Das Kapital", "#lang de"), which become
// the document's metadata.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/document.hpp"

namespace pamphlet::readers {

struct MuseHeader {
    model::Metadata metadata;
    bool has_language = false;
    std::size_t body_start = 0;  // index of the first line after the directives
};

// Reads directives from the first lines: each "#name value" line, until the first line that is
// not one (blank lines between directives are allowed). Names are case-insensitive. Used:
// title, subtitle, author (or SORTauthors, split at ";" or ","), lang, date (or pubdate for the
// year), source, notes (kept as the description unless teaser gives one), teaser, rights,
// translator. Inline markup in values is reduced to its text. Unknown directives get a warning.
MuseHeader read_muse_header(const std::vector<std::string_view>& lines, const std::string& file_name,
                            model::Report& report);

}  // namespace pamphlet::readers
