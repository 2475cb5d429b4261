// Images of figures, shared by both backends: the file is read once, its type told by its
// first bytes (never by its name) and its pixel size and resolution read from the header
// alone (nothing is decoded). A file that is missing, truncated or not an image is refused
// with a reason, never a crash; the backends then keep the figure's text.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace pamphlet::layout {

enum class ImageFormat { png, jpeg, gif, svg, webp };

// What the header says about an image.
struct ImageInfo {
    ImageFormat format = ImageFormat::png;
    int width_px = 0;   // 0 for SVG (no pixels)
    int height_px = 0;
    double dpi_x = 0;   // 0: the file gives no resolution
    double dpi_y = 0;
    int bits_per_component = 8;
    int components = 3;  // 1 grey, 2 grey+alpha, 3 colour, 4 colour+alpha (PNG) or CMYK (JPEG)
    bool palette = false;     // PNG colour type 3
    bool interlaced = false;  // PNG Adam7
    bool progressive = false; // JPEG SOF2
    bool has_alpha = false;   // PNG alpha channel or tRNS transparency
    bool adobe_marker = false;  // JPEG APP14 "Adobe": its CMYK samples are stored inverted
};

struct ImageData {
    std::filesystem::path path;  // as resolved, for messages
    std::string bytes;
    ImageInfo info;
};

// The image or why there is none. `problem` is a sentence without the file name.
struct LoadedImage {
    std::shared_ptr<const ImageData> image;
    std::string problem;
};

// Reads the header of `bytes`. Returns the reason the bytes are not a usable image, or "".
std::string read_image_info(std::string_view bytes, const std::filesystem::path& name, ImageInfo& info);

// The IANA media type ("image/png") of a format.
const char* media_type(ImageFormat format);

// Why the PDF cannot print this image, or "" when it can. Print takes PNG and JPEG only. Of
// those, libharu 2.3 refuses interlaced PNG (and crashes later when freeing the document),
// writes 16-bit PNG samples cut to 8 bits under a 16-bit header (a broken picture), and marks
// every CMYK JPEG as Adobe-inverted, which only those with Adobe's marker are, and fills the
// unused bits ending the rows of 1-, 2- and 4-bit PNGs from uninitialised memory (different
// bytes on every run; a zeroing allocator given to HPDF_NewEx would cure it). Those are
// refused here, before libharu sees them (tested: see tests/pdf/draw_image_test.cpp).
std::string print_problem(const ImageInfo& info);

// The size an image is printed at by default, in points, from its resolution; images without
// one are taken to be at `default_dpi` (150: sharp enough in print for a screen-sized picture,
// and it keeps a 1200-pixel photograph within an A5 text block).
constexpr double default_image_dpi = 150;
double natural_width_pt(const ImageInfo& info);
double natural_height_pt(const ImageInfo& info);

// Loads each file once per document (a figure used twice shares one ImageData), resolving
// figure sources as they are given: relative paths against `base_folder`.
class ImageLibrary {
public:
    explicit ImageLibrary(std::filesystem::path base_folder = {}) : base_folder_(std::move(base_folder)) {}
    const LoadedImage& load(const std::string& source);

private:
    std::filesystem::path base_folder_;
    std::map<std::string, LoadedImage> loaded_;
};

}  // namespace pamphlet::layout
