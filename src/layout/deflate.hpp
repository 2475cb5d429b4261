// Deflate compression (libdeflate) for both backends: the PDF's streams (zlib format, what
// /FlateDecode reads) and the EPUB's zip entries (raw deflate with a CRC-32). libdeflate
// compresses a whole buffer at once, several times faster than zlib at the same size.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

struct libdeflate_compressor;

namespace pamphlet::layout {

// Owns one libdeflate compressor and the output buffer it fills, so a document's many streams
// share one allocation. Not for sharing between threads: make one per call.
class Deflater {
public:
    explicit Deflater(int level);  // 1 (fastest) to 12 (smallest); throws std::bad_alloc
    ~Deflater();
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    // `data` compressed; each view is valid until the next call.
    std::string_view zlib(std::string_view data);
    std::string_view raw(std::string_view data);

private:
    libdeflate_compressor* compressor_ = nullptr;
    std::vector<char> output_;
};

// The CRC-32 zip stores for each entry; `previous`, the CRC of the bytes before `data`, chains
// the pieces of a file read in parts.
std::uint32_t crc32(std::string_view data, std::uint32_t previous = 0);

}  // namespace pamphlet::layout
