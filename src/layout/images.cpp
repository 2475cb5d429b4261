#include "layout/images.hpp"

#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>

namespace pamphlet::layout {
namespace {

// Bigger images are refused before they are read: a pamphlet's figure is far smaller, and a
// mistaken path to a disk image must not fill memory.
constexpr std::uintmax_t largest_image_bytes = 64u << 20;
// libharu and PDF viewers handle far less than PNG's 2^31 limit gracefully.
constexpr std::uint32_t largest_side_px = 30000;

std::uint32_t big_endian(std::string_view bytes, std::size_t at, std::size_t count) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < count; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

std::uint32_t little_endian16(std::string_view bytes, std::size_t at) {
    return static_cast<unsigned char>(bytes[at]) | (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8);
}

// CRC-32 as PNG defines it (ISO 3309), table built at compile time.
constexpr std::array<std::uint32_t, 256> crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t n = 0; n < 256; ++n) {
        std::uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}

std::uint32_t crc32(std::string_view bytes) {
    static constexpr std::array<std::uint32_t, 256> table = crc_table();
    std::uint32_t c = 0xFFFFFFFFu;
    for (char byte : bytes) c = table[(c ^ static_cast<unsigned char>(byte)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

bool starts_with(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

constexpr std::string_view png_signature("\x89PNG\r\n\x1a\n", 8);

bool valid_png_depth(int colour_type, int depth) {
    switch (colour_type) {
        case 0: return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
        case 3: return depth == 1 || depth == 2 || depth == 4 || depth == 8;
        case 2: case 4: case 6: return depth == 8 || depth == 16;
        default: return false;
    }
}

// Walks every chunk: the header, the resolution (pHYs), transparency, and that the file ends
// with IEND. A critical chunk whose checksum is wrong means a damaged file.
std::string read_png(std::string_view bytes, ImageInfo& info) {
    info.format = ImageFormat::png;
    std::size_t at = png_signature.size();
    bool seen_header = false, seen_data = false, seen_palette = false;
    while (true) {
        if (at + 12 > bytes.size()) return "the PNG file is truncated";
        const std::uint32_t length = big_endian(bytes, at, 4);
        const std::string_view type = bytes.substr(at + 4, 4);
        if (length > bytes.size() || at + 12 + length > bytes.size()) return "the PNG file is truncated";
        const std::string_view data = bytes.substr(at + 8, length);
        const bool critical = (static_cast<unsigned char>(type[0]) & 0x20) == 0;
        if (critical && crc32(bytes.substr(at + 4, 4 + length)) != big_endian(bytes, at + 8 + length, 4))
            return "the PNG file is damaged (chunk " + std::string(type) + " fails its checksum)";
        if (!seen_header && type != "IHDR") return "the PNG file does not start with its header";
        if (type == "IHDR") {
            if (length != 13 || seen_header) return "the PNG header is malformed";
            seen_header = true;
            info.width_px = static_cast<int>(std::min<std::uint32_t>(big_endian(data, 0, 4), largest_side_px + 1));
            info.height_px = static_cast<int>(std::min<std::uint32_t>(big_endian(data, 4, 4), largest_side_px + 1));
            info.bits_per_component = static_cast<unsigned char>(data[8]);
            const int colour_type = static_cast<unsigned char>(data[9]);
            if (!valid_png_depth(colour_type, info.bits_per_component)) return "the PNG header is malformed";
            info.palette = colour_type == 3;
            info.components = colour_type == 0 ? 1 : colour_type == 4 ? 2 : colour_type == 6 ? 4 : 3;
            info.has_alpha = colour_type == 4 || colour_type == 6;
            info.interlaced = data[12] != 0;
        } else if (type == "PLTE") {
            seen_palette = true;
        } else if (type == "tRNS") {
            info.has_alpha = true;
        } else if (type == "pHYs" && length == 9 && data[8] == 1) {  // pixels per metre
            info.dpi_x = big_endian(data, 0, 4) * 0.0254;
            info.dpi_y = big_endian(data, 4, 4) * 0.0254;
        } else if (type == "IDAT") {
            seen_data = true;
        } else if (type == "IEND") {
            break;
        }
        at += 12 + length;
    }
    if (!seen_data) return "the PNG file has no image data";
    if (info.palette && !seen_palette) return "the PNG file has no palette";
    return "";
}

bool is_start_of_frame(unsigned char marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Walks the marker segments up to the start of the scan: the frame header gives size, depth,
// components and coding; JFIF gives the resolution. The entropy-coded data after the scan
// header is not read, but the file must still end with its end-of-image marker.
std::string read_jpeg(std::string_view bytes, ImageInfo& info) {
    info.format = ImageFormat::jpeg;
    std::size_t at = 2;
    bool seen_frame = false;
    while (true) {
        if (at + 4 > bytes.size()) return "the JPEG file is truncated";
        if (static_cast<unsigned char>(bytes[at]) != 0xFF) return "the JPEG file is damaged (a segment is malformed)";
        while (at + 1 < bytes.size() && static_cast<unsigned char>(bytes[at + 1]) == 0xFF) ++at;  // fill bytes
        if (at + 4 > bytes.size()) return "the JPEG file is truncated";
        const auto marker = static_cast<unsigned char>(bytes[at + 1]);
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
            at += 2;
            continue;
        }
        if (marker == 0xD9) return "the JPEG file ends before its image";
        const std::uint32_t length = big_endian(bytes, at + 2, 2);
        if (length < 2 || at + 2 + length > bytes.size()) return "the JPEG file is truncated";
        const std::string_view data = bytes.substr(at + 4, length - 2);
        if (is_start_of_frame(marker)) {
            if (data.size() < 6) return "the JPEG frame header is malformed";
            seen_frame = true;
            info.bits_per_component = static_cast<unsigned char>(data[0]);
            info.height_px = static_cast<int>(big_endian(data, 1, 2));
            info.width_px = static_cast<int>(big_endian(data, 3, 2));
            info.components = static_cast<unsigned char>(data[5]);
            info.progressive = marker == 0xC2;
            if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2)
                return "the JPEG uses a coding PDF cannot show (lossless, hierarchical or arithmetic)";
            if (info.width_px == 0 || info.height_px == 0) return "the JPEG frame header gives no size";
        } else if (marker == 0xE0 && data.size() >= 12 && starts_with(data, std::string_view("JFIF\0", 5))) {
            const int units = static_cast<unsigned char>(data[7]);
            const double x = big_endian(data, 8, 2), y = big_endian(data, 10, 2);
            if (units == 1) info.dpi_x = x, info.dpi_y = y;
            if (units == 2) info.dpi_x = x * 2.54, info.dpi_y = y * 2.54;
        } else if (marker == 0xEE && starts_with(data, "Adobe")) {
            info.adobe_marker = true;
        } else if (marker == 0xDA) {
            if (!seen_frame) return "the JPEG file has no frame header";
            // Trailing bytes after the end marker are common and harmless; a missing one is not.
            const std::size_t end = bytes.rfind("\xFF\xD9");
            if (end == std::string_view::npos || end < at + 2 + length) return "the JPEG file is truncated";
            return "";
        }
        at += 2 + length;
    }
}

std::string read_gif(std::string_view bytes, ImageInfo& info) {
    info.format = ImageFormat::gif;
    if (bytes.size() < 14) return "the GIF file is truncated";
    info.width_px = static_cast<int>(little_endian16(bytes, 6));
    info.height_px = static_cast<int>(little_endian16(bytes, 8));
    if (bytes.back() != ';') return "the GIF file is truncated";
    return "";
}

// SVG has no signature: an XML document whose first element is <svg>.
bool looks_like_svg(std::string_view bytes) {
    if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    const std::size_t first = bytes.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || bytes[first] != '<') return false;
    return bytes.substr(0, 4096).find("<svg") != std::string_view::npos;
}

std::string side_problem(const ImageInfo& info) {
    if (info.format == ImageFormat::svg || info.format == ImageFormat::webp) return "";
    if (info.width_px <= 0 || info.height_px <= 0) return "the image has no size";
    if (static_cast<std::uint32_t>(info.width_px) > largest_side_px ||
        static_cast<std::uint32_t>(info.height_px) > largest_side_px)
        return "the image is larger than " + std::to_string(largest_side_px) + " pixels on a side";
    return "";
}

double pixels_to_points(int pixels, double dpi) {
    // A resolution below 20 dpi is a placeholder (many programs write 1 or 0.0254), not a wish
    // for a 5 cm pixel.
    return pixels * 72.0 / (dpi >= 20 ? dpi : default_image_dpi);
}

}  // namespace

std::string read_image_info(std::string_view bytes, const std::filesystem::path& name, ImageInfo& info) {
    info = ImageInfo{};
    std::string problem;
    if (starts_with(bytes, png_signature)) {
        problem = read_png(bytes, info);
    } else if (starts_with(bytes, "\xFF\xD8\xFF")) {
        problem = read_jpeg(bytes, info);
    } else if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) {
        problem = read_gif(bytes, info);
    } else if (bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") {
        info.format = ImageFormat::webp;
    } else if (looks_like_svg(bytes) && (name.extension() == ".svg" || name.extension() == ".SVG")) {
        info.format = ImageFormat::svg;
    } else {
        return bytes.empty() ? "the file is empty" : "the file is not a PNG, JPEG, GIF, SVG or WebP image";
    }
    return problem.empty() ? side_problem(info) : problem;
}

const char* media_type(ImageFormat format) {
    switch (format) {
        case ImageFormat::png: return "image/png";
        case ImageFormat::jpeg: return "image/jpeg";
        case ImageFormat::gif: return "image/gif";
        case ImageFormat::svg: return "image/svg+xml";
        case ImageFormat::webp: return "image/webp";
    }
    return "application/octet-stream";
}

std::string print_problem(const ImageInfo& info) {
    switch (info.format) {
        case ImageFormat::png:
            if (info.interlaced) return "interlaced PNG cannot be printed (save it without interlacing)";
            if (info.bits_per_component == 16) return "16-bit PNG cannot be printed (save it with 8 bits per channel)";
            // libpng keeps the bits past a row's end from libharu's uninitialised buffer, so
            // such a PDF would differ from run to run (see print_problem in images.hpp).
            if (info.bits_per_component < 8 && (info.width_px * info.bits_per_component) % 8 != 0)
                return std::to_string(info.bits_per_component) +
                       "-bit PNG whose rows end inside a byte cannot be printed reproducibly (save it with 8 bits per channel)";
            return "";
        case ImageFormat::jpeg:
            if (info.components != 1 && info.components != 3 && info.components != 4)
                return "the JPEG has " + std::to_string(info.components) + " colour components";
            if (info.bits_per_component != 8) return "the JPEG has " + std::to_string(info.bits_per_component) + "-bit samples";
            if (info.components == 4 && !info.adobe_marker)
                return "a CMYK JPEG without Adobe's marker would print in inverted colours (save it as RGB)";
            return "";
        case ImageFormat::gif: return "GIF images are only shown in the EPUB (convert it to PNG to print it)";
        case ImageFormat::svg: return "SVG images are only shown in the EPUB (convert it to PNG to print it)";
        case ImageFormat::webp: return "WebP images cannot be shown (convert it to PNG or JPEG)";
    }
    return "";
}

double natural_width_pt(const ImageInfo& info) { return pixels_to_points(info.width_px, info.dpi_x); }
double natural_height_pt(const ImageInfo& info) { return pixels_to_points(info.height_px, info.dpi_y); }

const LoadedImage& ImageLibrary::load(const std::string& source) {
    const auto known = loaded_.find(source);
    if (known != loaded_.end()) return known->second;
    LoadedImage& result = loaded_[source];
    const std::filesystem::path path = std::filesystem::path(source).is_absolute() || base_folder_.empty()
                                           ? std::filesystem::path(source)
                                           : base_folder_ / source;
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        result.problem = std::filesystem::exists(path, error) ? "the image is not a file" : "the image file was not found";
        return result;
    }
    if (std::filesystem::file_size(path, error) > largest_image_bytes) {
        result.problem = "the image file is larger than " + std::to_string(largest_image_bytes >> 20) + " MiB";
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.problem = "the image file cannot be read";
        return result;
    }
    auto image = std::make_shared<ImageData>();
    image->path = path;
    image->bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    result.problem = read_image_info(image->bytes, path, image->info);
    if (result.problem.empty()) result.image = std::move(image);
    return result;
}

}  // namespace pamphlet::layout
