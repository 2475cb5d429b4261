// Small PNG files written by the tests themselves (no binary fixtures): any size, colour type,
// bit depth, Adam7 interlacing and resolution. The pixel data is stored uncompressed inside a
// valid zlib stream, so no compression library is needed.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace pamphlet::test_support {

struct PngSpec {
    int width = 40;
    int height = 30;
    int colour_type = 2;  // 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA
    int bit_depth = 8;
    bool interlaced = false;
    double dpi = 0;  // 0: no pHYs chunk
};

namespace png_detail {

inline std::uint32_t crc32(const std::string& bytes) {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t n = 0; n < 256; ++n) {
        std::uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    std::uint32_t c = 0xFFFFFFFFu;
    for (char byte : bytes) c = table[(c ^ static_cast<unsigned char>(byte)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

inline void put32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xFF);
}

inline void chunk(std::string& out, const std::string& type, const std::string& data) {
    put32(out, static_cast<std::uint32_t>(data.size()));
    out += type + data;
    put32(out, crc32(type + data));
}

// zlib stream of stored (uncompressed) deflate blocks.
inline std::string zlib_stored(const std::string& raw) {
    std::string out("\x78\x01", 2);
    std::size_t at = 0;
    do {
        const std::size_t length = std::min<std::size_t>(65535, raw.size() - at);
        const bool last = at + length == raw.size();
        out += static_cast<char>(last ? 1 : 0);
        out += static_cast<char>(length & 0xFF);
        out += static_cast<char>(length >> 8);
        out += static_cast<char>(~length & 0xFF);
        out += static_cast<char>((~length >> 8) & 0xFF);
        out += raw.substr(at, length);
        at += length;
    } while (at < raw.size());
    std::uint32_t a = 1, b = 0;
    for (char byte : raw) {
        a = (a + static_cast<unsigned char>(byte)) % 65521;
        b = (b + a) % 65521;
    }
    put32(out, (b << 16) | a);
    return out;
}

inline int channels(int colour_type) {
    switch (colour_type) {
        case 0: case 3: return 1;
        case 4: return 2;
        case 6: return 4;
        default: return 3;
    }
}

// One filtered scanline (filter 0) of a gradient: sample values vary with x, y and channel.
inline std::string scanline(const PngSpec& spec, int y, int x0, int step, int count) {
    const int bits_per_pixel = channels(spec.colour_type) * spec.bit_depth;
    std::string row(1, '\0');
    std::vector<unsigned char> packed(static_cast<std::size_t>((count * bits_per_pixel + 7) / 8), 0);
    std::size_t bit = 0;
    for (int i = 0; i < count; ++i) {
        const int x = x0 + i * step;
        for (int c = 0; c < channels(spec.colour_type); ++c) {
            const int max = (1 << spec.bit_depth) - 1;
            int value = (c == 3 || (spec.colour_type == 4 && c == 1)) ? max * 3 / 4  // alpha
                                                                     : ((x + 2 * y + 40 * c) * max / (spec.width + 2 * spec.height + 80));
            if (spec.colour_type == 3) value = (x + y) % 4;  // palette index
            for (int b = spec.bit_depth - 1; b >= 0; --b, ++bit)
                if ((value >> b) & 1) packed[bit / 8] |= static_cast<unsigned char>(0x80 >> (bit % 8));
        }
    }
    row.append(packed.begin(), packed.end());
    return row;
}

}  // namespace png_detail

inline std::string make_png(const PngSpec& spec) {
    using namespace png_detail;
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    put32(header, static_cast<std::uint32_t>(spec.width));
    put32(header, static_cast<std::uint32_t>(spec.height));
    header += static_cast<char>(spec.bit_depth);
    header += static_cast<char>(spec.colour_type);
    header += std::string(2, '\0');  // deflate, adaptive filtering
    header += static_cast<char>(spec.interlaced ? 1 : 0);
    chunk(png, "IHDR", header);
    if (spec.colour_type == 3) chunk(png, "PLTE", std::string("\x20\x40\x80\xC0\x30\x30\x10\x90\x10\xF0\xE0\xD0", 12));
    if (spec.dpi > 0) {
        std::string physical;
        const auto per_metre = static_cast<std::uint32_t>(spec.dpi / 0.0254 + 0.5);
        put32(physical, per_metre);
        put32(physical, per_metre);
        physical += '\x01';
        chunk(png, "pHYs", physical);
    }
    std::string raw;
    if (!spec.interlaced) {
        for (int y = 0; y < spec.height; ++y) raw += scanline(spec, y, 0, 1, spec.width);
    } else {  // Adam7: seven passes over sub-grids
        const int x_start[] = {0, 4, 0, 2, 0, 1, 0}, x_step[] = {8, 8, 4, 4, 2, 2, 1};
        const int y_start[] = {0, 0, 4, 0, 2, 0, 1}, y_step[] = {8, 8, 8, 4, 4, 2, 2};
        for (int pass = 0; pass < 7; ++pass) {
            const int count = (spec.width - x_start[pass] + x_step[pass] - 1) / x_step[pass];
            if (count <= 0) continue;
            for (int y = y_start[pass]; y < spec.height; y += y_step[pass])
                raw += scanline(spec, y, x_start[pass], x_step[pass], count);
        }
    }
    chunk(png, "IDAT", zlib_stored(raw));
    chunk(png, "IEND", "");
    return png;
}

}  // namespace pamphlet::test_support
