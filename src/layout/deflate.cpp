#include "layout/deflate.hpp"

#include <libdeflate.h>

#include <new>
#include <stdexcept>

namespace pamphlet::layout {

Deflater::Deflater(int level) : compressor_(libdeflate_alloc_compressor(level)) {
    if (compressor_ == nullptr) throw std::bad_alloc();
}

Deflater::~Deflater() { libdeflate_free_compressor(compressor_); }

std::string_view Deflater::zlib(std::string_view data) {
    const std::size_t bound = libdeflate_zlib_compress_bound(compressor_, data.size());
    if (output_.size() < bound) output_.resize(bound);
    const std::size_t size = libdeflate_zlib_compress(compressor_, data.data(), data.size(), output_.data(), bound);
    // With a buffer of the bound's size libdeflate cannot run out of room.
    if (size == 0) throw std::runtime_error("libdeflate could not compress");
    return {output_.data(), size};
}

std::string_view Deflater::raw(std::string_view data) {
    const std::size_t bound = libdeflate_deflate_compress_bound(compressor_, data.size());
    if (output_.size() < bound) output_.resize(bound);
    const std::size_t size = libdeflate_deflate_compress(compressor_, data.data(), data.size(), output_.data(), bound);
    if (size == 0) throw std::runtime_error("libdeflate could not compress");
    return {output_.data(), size};
}

std::uint32_t crc32(std::string_view data, std::uint32_t previous) {
    return libdeflate_crc32(previous, data.data(), data.size());
}

}  // namespace pamphlet::layout
