#include "pdf/page_fonts.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <string>

#include "pdf/font_subset.hpp"
#include "layout/shaping.hpp"

namespace pamphlet::pdf {

bool is_drawable(char32_t character) {
    return character >= 0x20 && character != 0x7F && !(character >= 0x80 && character < 0xA0) &&
           character < 0x10000 && !(character >= 0xD800 && character < 0xE000);
}

std::map<layout::FaceId, std::set<char32_t>> characters_by_face(const std::vector<layout::Page>& pages) {
    std::map<layout::FaceId, std::set<char32_t>> result;
    for (const layout::Page& page : pages)
        for (const layout::PageItem& item : page.items)
            if (const auto* run = std::get_if<layout::GlyphRun>(&item)) {
                std::set<char32_t>& characters = result[run->face];
                for (const layout::DecodedCharacter& character : layout::decode_utf8(run->text))
                    if (is_drawable(character.code)) characters.insert(character.code);
            }
    return result;
}

FontHandles load_subset_fonts(HaruDocument& document, const std::map<layout::FaceId, std::set<char32_t>>& characters,
                              const FaceBytes& face_bytes, const std::filesystem::path& scratch) {
    // Faces backed by the same font file (a substituted face falls back to another's file) are
    // loaded once: libharu refuses a second font with the same name.
    struct SharedFont {
        std::string_view bytes;
        std::set<char32_t> characters;
        std::vector<layout::FaceId> faces;
    };
    std::vector<SharedFont> files;
    for (const auto& [face, used] : characters) {
        const std::string_view bytes = face_bytes(face);
        auto same = std::find_if(files.begin(), files.end(), [&](const SharedFont& file) { return file.bytes == bytes; });
        if (same == files.end()) same = files.insert(files.end(), SharedFont{bytes, {}, {}});
        same->characters.insert(used.begin(), used.end());
        same->faces.push_back(face);
    }
    FontHandles fonts;
    for (std::size_t f = 0; f < files.size(); ++f) {
        const std::string subset = subset_truetype_font(files[f].bytes, files[f].characters);
        const auto path = scratch / ("font-" + std::to_string(f) + ".ttf");
        {
            std::ofstream out(path, std::ios::binary);
            out.write(subset.data(), static_cast<std::streamsize>(subset.size()));
            if (!out) throw std::runtime_error("cannot write font subset " + path.string());
        }
        const HPDF_Font font = document.load_truetype_font(path.string());
        for (layout::FaceId face : files[f].faces) fonts[face] = font;
    }
    return fonts;
}

}  // namespace pamphlet::pdf
