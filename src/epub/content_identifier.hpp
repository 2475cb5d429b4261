// The identifiers that must stay the same when the same book is rebuilt: dc:identifier (a UUID
// derived from the content) and dcterms:modified (a timestamp that is not "now").
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/document.hpp"

namespace pamphlet::epub {

// SHA-1 of the bytes (FIPS 180-4). Used only to derive name-based UUIDs, not for security.
std::array<std::uint8_t, 20> sha1(std::string_view bytes);

// A name-based UUID (RFC 4122 version 5) for `name` in pamphlet's own namespace, as
// "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx".
std::string name_based_uuid(std::string_view name);

// "urn:uuid:…" derived from the metadata and the running text, so rebuilding the same text
// gives the same identifier and a changed text a new one.
std::string content_identifier(const model::Document& document);

// The book's modification time in seconds since the epoch: `source_date_epoch` when given, else
// the document's date (missing month/day taken as 01), else 2000-01-01T00:00:00Z, so that the
// same input always gives the same dcterms:modified and zip timestamps.
std::int64_t modification_time(const model::Document& document, std::optional<std::int64_t> source_date_epoch);

// Seconds since the epoch as CCYY-MM-DDThh:mm:ssZ (the form dcterms:modified requires).
std::string format_utc(std::int64_t seconds);

// True for the date forms EPUB accepts in dc:date and we emit: YYYY, YYYY-MM, YYYY-MM-DD.
bool is_w3c_date(std::string_view date);

}  // namespace pamphlet::epub
