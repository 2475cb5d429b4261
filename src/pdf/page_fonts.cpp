#include "pdf/page_fonts.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <string>

#include "model/text.hpp"
#include "pdf/compact_cmap.hpp"
#include "pdf/drawn_characters_encoder.hpp"

namespace pamphlet::pdf {

void append_drawable_codes(std::string_view text, std::u32string& codes) {
    for (std::size_t at = 0; at < text.size();) {
        const auto lead = static_cast<unsigned char>(text[at]);
        char32_t code = lead;
        std::size_t length = 1;
        if (lead >= 0x80) {  // most text is ASCII: no call for it
            length = model::decode_utf8(text, at, code);
            if (length == 0) {
                code = 0xFFFD;
                length = 1;
            }
        }
        if (is_drawable(code)) codes.push_back(code);
        at += length;
    }
}

std::map<layout::FaceId, std::set<char32_t>> characters_by_face(const std::vector<layout::Page>& pages) {
    // A flag per drawable code point (all in the Basic Multilingual Plane) and face while walking
    // the runs, turned into sets at the end: a set insertion per character drawn was 2% of a
    // whole run. Bytes, not std::vector<bool>'s bits, and ASCII flagged straight from the text:
    // this reads every character of a book.
    std::map<layout::FaceId, std::vector<unsigned char>> seen;
    std::u32string codes;  // one run's non-ASCII ones, reused
    layout::FaceId last_face = 0;
    std::vector<unsigned char>* flags = nullptr;  // last_face's (map nodes stay put)
    for (const layout::Page& page : pages)
        for (const layout::PageItem& item : page.items)
            if (const auto* run = std::get_if<layout::GlyphRun>(&item)) {
                if (flags == nullptr || run->face != last_face) {
                    flags = &seen[run->face];
                    if (flags->empty()) flags->resize(0x10000);
                    last_face = run->face;
                }
                const std::string_view text = run->text;
                unsigned char* const flag = flags->data();
                for (std::size_t at = 0; at < text.size(); ++at) {
                    const auto byte = static_cast<unsigned char>(text[at]);
                    if (byte >= 0x80) {  // the rest of the run goes the long way
                        codes.clear();
                        append_drawable_codes(text.substr(at), codes);
                        for (const char32_t code : codes) flag[code] = 1;
                        break;
                    }
                    if (is_drawable(byte)) flag[byte] = 1;
                }
            }
    std::map<layout::FaceId, std::set<char32_t>> result;
    for (const auto& [face, flags] : seen) {
        std::set<char32_t>& characters = result[face];
        for (char32_t code = 0; code < flags.size(); ++code)
            if (flags[code] != 0) characters.insert(characters.end(), code);
    }
    return result;
}

namespace {

// libharu embeds only the glyph outlines it has measured (HPDF_TTFontDef_GetCharWidth flags each
// glyph, and its composite parts, as used). draw_page writes the text operators itself and never
// asks libharu for a width, so every character the font draws is measured once here instead.
// (Per character: libharu's text measuring would parse the text with the font's encoding.)
void mark_glyphs_used(HaruDocument& document, HPDF_Font font, const std::set<char32_t>& characters) {
    for (char32_t character : characters) HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(character));
    document.check("measuring a font's characters");
}

}  // namespace

FontHandles load_subset_fonts(HaruDocument& document, const std::map<layout::FaceId, std::set<char32_t>>& characters,
                              const FaceSource& face_source, layout::FontSubsetter& subsetter,
                              const std::filesystem::path& scratch) {
    // Faces backed by the same font file (a substituted face falls back to another's file) are
    // loaded once: libharu refuses a second font with the same name.
    struct SharedFont {
        layout::FontSource source;
        std::set<char32_t> characters;
        std::vector<layout::FaceId> faces;
    };
    std::vector<SharedFont> files;
    for (const auto& [face, used] : characters) {
        layout::FontSource source = face_source(face);
        const auto same_font = [&](const SharedFont& file) {
            return !source.file.empty() ? file.source.file == source.file && file.source.face_index == source.face_index
                                        : file.source.bytes == source.bytes;
        };
        auto same = std::find_if(files.begin(), files.end(), same_font);
        if (same == files.end()) same = files.insert(files.end(), SharedFont{std::move(source), {}, {}});
        same->characters.insert(used.begin(), used.end());
        same->faces.push_back(face);
    }
    FontHandles fonts;
    for (std::size_t f = 0; f < files.size(); ++f) {
        layout::SubsetOptions options;
        options.retain_glyph_ids = true;    // libharu's CIDToGIDMap relies on them, see SubsetOptions
        options.drop_layout_tables = true;  // the PDF draws already-positioned glyphs
        // A compact cmap: libharu scans it for every BMP code point (compact_cmap.hpp).
        const std::string subset = with_compact_cmap(subsetter.subset(files[f].source, files[f].characters, options));
        const auto path = scratch / ("font-" + std::to_string(f) + ".ttf");
        {
            std::ofstream out(path, std::ios::binary);
            out.write(subset.data(), static_cast<std::streamsize>(subset.size()));
            if (!out) throw std::runtime_error("cannot write font subset " + path.string());
        }
        // An encoding of just the characters drawn (drawn_characters_encoder.hpp), else UTF-8's.
        const std::string encoding = "pamphlet-font-" + std::to_string(f);
        const HPDF_Font font =
            document.load_truetype_font(path.string(), register_drawn_characters_encoder(document, encoding, files[f].characters)
                                                           ? encoding
                                                           : std::string("UTF-8"));
        mark_glyphs_used(document, font, files[f].characters);
        for (layout::FaceId face : files[f].faces) fonts[face] = font;
    }
    return fonts;
}

}  // namespace pamphlet::pdf
