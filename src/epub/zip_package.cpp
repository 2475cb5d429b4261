#include "epub/zip_package.hpp"

#include <algorithm>
#include <ctime>
#include <memory>
#include <stdexcept>

#include <zip.h>

namespace pamphlet::epub {
namespace {

// Owns a zip_source_t reference (libzip reference-counts sources).
struct SourceReleaser {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using OwnedSource = std::unique_ptr<zip_source_t, SourceReleaser>;

// Owns an open archive; discards it unless closed explicitly.
struct ArchiveDiscarder {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
using OwnedArchive = std::unique_ptr<zip_t, ArchiveDiscarder>;

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
    const std::string message = "zip: " + what + ": " + zip_error_strerror(error);
    zip_error_fini(error);
    throw std::runtime_error(message);
}

[[noreturn]] void fail(const std::string& what, zip_t* archive) {
    throw std::runtime_error("zip: " + what + ": " + zip_strerror(archive));
}

// A zip entry's time as MS-DOS date and time fields, computed in UTC: zip_file_set_mtime would
// use the local time zone, and the same book built in another zone would differ.
struct DosTime {
    zip_uint16_t time = 0;
    zip_uint16_t date = 0;
};

DosTime dos_time_utc(std::int64_t timestamp) {
    const auto seconds = static_cast<time_t>(timestamp);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    const int year = std::clamp(utc.tm_year + 1900, 1980, 2107);
    return {static_cast<zip_uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2)),
            static_cast<zip_uint16_t>(((year - 1980) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday)};
}

void add_entry(zip_t* archive, const std::string& path, const std::string& bytes, bool store, DosTime when) {
    // libzip copies nothing here: the buffer must outlive zip_close, which it does (the caller's
    // entries live until zip_epub returns).
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (source == nullptr) fail("cannot add " + path, archive);
    const zip_int64_t index = zip_file_add(archive, path.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
        zip_source_free(source);
        fail("cannot add " + path, archive);
    }
    const auto entry = static_cast<zip_uint64_t>(index);
    // zlib's level 6, not 9: on War and Peace the EPUB is 0.07% larger and deflating it is
    // markedly cheaper (level 9 searches far longer for the last few matches).
    if (zip_set_file_compression(archive, entry, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 6) != 0)
        fail("cannot set compression of " + path, archive);
    if (zip_file_set_dostime(archive, entry, when.time, when.date, 0) != 0)
        fail("cannot set time of " + path, archive);
}

}  // namespace

std::string zip_epub(const std::vector<PackageEntry>& entries, std::int64_t timestamp) {
    // Zip timestamps are DOS dates: nothing before 1980 can be written.
    constexpr std::int64_t earliest_dos_time = 315532800;  // 1980-01-01T00:00:00Z
    const DosTime when = dos_time_utc(std::max(timestamp, earliest_dos_time));

    zip_error_t error;
    zip_error_init(&error);
    OwnedSource buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) fail("cannot create buffer", &error);
    zip_source_keep(buffer.get());  // zip_close must not free it: the bytes are read back below
    OwnedArchive archive(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error));
    if (!archive) {
        zip_source_free(buffer.get());  // drop the reference zip_open_from_source did not take
        fail("cannot open archive", &error);
    }
    zip_error_fini(&error);

    static const std::string mimetype = "application/epub+zip";
    add_entry(archive.get(), "mimetype", mimetype, true, when);
    for (const PackageEntry& entry : entries) add_entry(archive.get(), entry.path, entry.bytes, false, when);
    if (zip_close(archive.get()) != 0) fail("cannot write archive", archive.get());
    (void)archive.release();  // zip_close freed it

    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_stat(buffer.get(), &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0)
        throw std::runtime_error("zip: cannot measure the archive");
    if (zip_source_open(buffer.get()) != 0) throw std::runtime_error("zip: cannot read the archive back");
    std::string bytes(static_cast<std::size_t>(stat.size), '\0');
    const zip_int64_t read = zip_source_read(buffer.get(), bytes.data(), stat.size);
    zip_source_close(buffer.get());
    if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
        throw std::runtime_error("zip: short read of the archive");
    return bytes;
}

}  // namespace pamphlet::epub
