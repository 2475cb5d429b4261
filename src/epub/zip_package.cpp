#include "epub/zip_package.hpp"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <memory>
#include <stdexcept>

#include <zip.h>

#include "layout/deflate.hpp"

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

// An entry's bytes deflated beforehand (libdeflate: smaller than zlib's level 9 and several
// times faster than its level 6), offered to libzip as a source that is already compressed:
// libzip then copies them as they are (an entry left at the default compression method takes
// the source's) instead of deflating them with zlib.
struct DeflatedEntry {
    std::string deflated;
    std::uint64_t size = 0;  // before deflating
    std::uint32_t crc = 0;
    std::size_t read = 0;    // position while libzip reads
};

zip_int64_t read_deflated_entry(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    auto& entry = *static_cast<DeflatedEntry*>(state);
    switch (command) {
        case ZIP_SOURCE_OPEN: entry.read = 0; return 0;
        case ZIP_SOURCE_READ: {
            const std::size_t count = std::min<std::size_t>(length, entry.deflated.size() - entry.read);
            std::memcpy(data, entry.deflated.data() + entry.read, count);
            entry.read += count;
            return static_cast<zip_int64_t>(count);
        }
        case ZIP_SOURCE_CLOSE: return 0;
        case ZIP_SOURCE_STAT: {
            auto* stat = static_cast<zip_stat_t*>(data);
            zip_stat_init(stat);
            stat->size = entry.size;
            stat->comp_size = entry.deflated.size();
            stat->comp_method = ZIP_CM_DEFLATE;
            stat->crc = entry.crc;
            stat->encryption_method = ZIP_EM_NONE;
            stat->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                          ZIP_STAT_ENCRYPTION_METHOD;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR: return 0;  // nothing above fails
        case ZIP_SOURCE_FREE: return 0;   // zip_epub owns the entry
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default: return -1;
    }
}

// Adds `source` (of which the archive takes ownership) as `path`, dated `when`.
void add_source(zip_t* archive, const std::string& path, zip_source_t* source, DosTime when) {
    if (source == nullptr) fail("cannot add " + path, archive);
    const zip_int64_t index = zip_file_add(archive, path.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
        zip_source_free(source);
        fail("cannot add " + path, archive);
    }
    if (zip_file_set_dostime(archive, static_cast<zip_uint64_t>(index), when.time, when.date, 0) != 0)
        fail("cannot set time of " + path, archive);
}

// `mimetype` must be stored, not compressed, for readers that sniff the first bytes.
void add_stored_entry(zip_t* archive, const std::string& path, const std::string& bytes, DosTime when) {
    // libzip copies nothing here: the buffer must outlive zip_close, which it does.
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    add_source(archive, path, source, when);
    if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(zip_name_locate(archive, path.c_str(), 0)),
                                 ZIP_CM_STORE, 0) != 0)
        fail("cannot set compression of " + path, archive);
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
    add_stored_entry(archive.get(), "mimetype", mimetype, when);
    // Level 6: on War and Peace's EPUB 2% smaller than zlib's level 9 was, at a fraction of the
    // CPU; higher levels gain a few hundred bytes for twice the time. The entries must outlive
    // zip_close, which reads them.
    constexpr int deflate_level = 6;
    layout::Deflater deflater(deflate_level);
    std::vector<DeflatedEntry> deflated(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string& bytes = entries[i].bytes;
        deflated[i].deflated = std::string(deflater.raw(bytes));
        deflated[i].size = bytes.size();
        deflated[i].crc = layout::crc32(bytes);
        zip_source_t* source = zip_source_function(archive.get(), read_deflated_entry, &deflated[i]);
        add_source(archive.get(), entries[i].path, source, when);
    }
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
