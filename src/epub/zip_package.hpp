// The OCF container: an in-memory zip written with libzip, `mimetype` first and stored, every
// other entry deflated, every timestamp fixed so the same files give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pamphlet::epub {

struct PackageEntry {
    std::string path;   // inside the container, e.g. "EPUB/package.opf"
    std::string bytes;
};

// Zips the entries in the order given, after a stored `mimetype` entry holding
// "application/epub+zip". `timestamp` (seconds since the epoch) is written as every entry's
// modification time. Throws std::runtime_error when libzip fails.
std::string zip_epub(const std::vector<PackageEntry>& entries, std::int64_t timestamp);

}  // namespace pamphlet::epub
