// Build-time generator of a hyphenation image (src/layout/hyphenation_image.hpp): one libhyphen
// pattern file parsed by the run's own loader and written as the dictionary it gives, so that a
// run maps the image instead of parsing the text.
//
//   pamphlet_hyphenation_image_generator SOURCE.dic OUT.image
#include <exception>
#include <filesystem>
#include <iostream>
#include <optional>
#include <system_error>

#include "layout/hyphenation_image.hpp"
#include "layout/hyphenation_loader.hpp"

namespace {

namespace layout = pamphlet::layout;

int generate(const std::filesystem::path& source, const std::filesystem::path& image) {
    // Stamped before reading: should the file change meanwhile, the image records the older
    // stamp, and the run, seeing the newer one, parses the text instead.
    const std::optional<layout::SourceStamp> stamp = layout::source_stamp(source);
    const layout::HyphenDictHandle dict = stamp ? layout::load_hyphen_dict(source) : nullptr;
    if (!dict) {
        std::cerr << "cannot read hyphenation patterns " << source << "\n";
        return 1;
    }
    std::error_code ignored;
    std::filesystem::create_directories(image.parent_path(), ignored);
    if (!layout::save_hyphenation_image(*dict, *stamp, image)) {
        std::cerr << "cannot write " << image << "\n";
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " SOURCE.dic OUT.image\n";
        return 2;
    }
    try {
        return generate(argv[1], argv[2]);
    } catch (const std::exception& error) {  // out of memory, or a dictionary too large for the format
        std::cerr << argv[1] << ": " << error.what() << "\n";
        return 1;
    }
}
