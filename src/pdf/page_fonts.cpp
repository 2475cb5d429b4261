#include "pdf/page_fonts.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "model/text.hpp"

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
    // the runs: a set insertion per character drawn was 2% of a whole run. Bytes, not
    // std::vector<bool>'s bits, and ASCII flagged straight from the text: this reads every
    // character of a book. Each code is also listed the first time its flag is raised, so the
    // sets are built from those few hundred codes, not from a scan of 65,536 flags per face
    // (which was most of this function's work on a short text).
    struct Seen {
        std::vector<unsigned char> flags = std::vector<unsigned char>(0x10000);
        std::vector<char32_t> first_seen;
        void mark(char32_t code) {
            if (flags[code] != 0) return;
            flags[code] = 1;
            first_seen.push_back(code);
        }
    };
    std::map<layout::FaceId, Seen> seen;
    std::u32string codes;  // one run's non-ASCII ones, reused
    layout::FaceId last_face = 0;
    Seen* face_seen = nullptr;  // last_face's (map nodes stay put)
    for (const layout::Page& page : pages)
        for (const layout::PageItem& item : page.items)
            if (const auto* run = std::get_if<layout::GlyphRun>(&item)) {
                if (face_seen == nullptr || run->face != last_face) {
                    face_seen = &seen[run->face];
                    last_face = run->face;
                }
                const std::string_view text = run->text;
                for (std::size_t at = 0; at < text.size(); ++at) {
                    const auto byte = static_cast<unsigned char>(text[at]);
                    if (byte >= 0x80) {  // the rest of the run goes the long way
                        codes.clear();
                        append_drawable_codes(text.substr(at), codes);
                        for (const char32_t code : codes) face_seen->mark(code);
                        break;
                    }
                    if (is_drawable(byte)) face_seen->mark(byte);
                }
            }
    std::map<layout::FaceId, std::set<char32_t>> result;
    for (auto& [face, face_codes] : seen) {
        std::sort(face_codes.first_seen.begin(), face_codes.first_seen.end());
        std::set<char32_t>& characters = result[face];
        for (const char32_t code : face_codes.first_seen) characters.insert(characters.end(), code);
    }
    return result;
}

namespace {

// A PDF name's characters: the PostScript name is ASCII by the OpenType spec, but a broken font
// may say anything; what a name may not hold becomes '-'.
std::string name_characters(std::string_view name) {
    std::string out;
    for (const char c : name) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.' || c == '+';
        out.push_back(plain ? c : '-');
    }
    return out;
}

// The six capital letters before a subset's name (ISO 32000-1, 9.6.4): different for different
// subsets in one document, and the same every run for the same input (FNV-1a of what makes the
// subset, with the font's place in the document so two subsets never share a tag).
std::string subset_tag(std::string_view name, const std::set<char32_t>& characters, std::size_t index) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    const auto mix = [&](std::uint64_t value) {
        for (int byte = 0; byte < 8; ++byte) {
            hash ^= (value >> (8 * byte)) & 0xFF;
            hash *= 0x100000001b3ull;
        }
    };
    for (const char c : name) mix(static_cast<unsigned char>(c));
    for (const char32_t character : characters) mix(character);
    mix(index);
    std::string tag;
    for (int letter = 0; letter < 5; ++letter) {
        tag.push_back(static_cast<char>('A' + hash % 26));
        hash /= 26;
    }
    tag.push_back(static_cast<char>('A' + index % 26));
    return tag;
}

// Thousandths of an em, as the /W array states them.
std::int32_t thousandths(std::int32_t font_units, int units_per_em) {
    return static_cast<std::int32_t>(std::lround(1000.0 * font_units / units_per_em));
}

PdfFont describe_subset(std::string program, const std::set<char32_t>& characters, std::size_t index) {
    PdfFont font;
    font.resource = "F" + std::to_string(index + 1);
    font.facts = layout::read_font_facts(program, characters);
    font.program = std::move(program);
    font.characters = characters;
    std::string name = name_characters(font.facts.postscript_name);
    if (name.empty()) name = "Font" + std::to_string(index + 1);
    font.base_font = subset_tag(name, characters, index) + "+" + name;
    const std::size_t cids = characters.empty() ? 0 : static_cast<std::size_t>(*characters.rbegin()) + 1;
    font.glyph_of_cid.assign(cids, 0);
    font.width_of_cid.assign(cids, 0);
    for (const auto& [character, glyph] : font.facts.glyphs) {
        font.glyph_of_cid[character] = static_cast<std::uint16_t>(glyph.id);
        font.width_of_cid[character] = thousandths(glyph.advance, font.facts.units_per_em);
    }
    return font;
}

}  // namespace

DocumentFonts prepare_fonts(const std::map<layout::FaceId, std::set<char32_t>>& characters,
                            const FaceSource& face_source, layout::FontSubsetter& subsetter) {
    // Faces backed by the same font file (a substituted face falls back to another's file) are
    // embedded once.
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
    DocumentFonts fonts;
    for (std::size_t f = 0; f < files.size(); ++f) {
        layout::SubsetOptions options;
        options.drop_layout_tables = true;  // the PDF draws already-positioned glyphs
        fonts.fonts.push_back(
            describe_subset(subsetter.subset(files[f].source, files[f].characters, options), files[f].characters, f));
        for (layout::FaceId face : files[f].faces) fonts.font_of_face[face] = f;
    }
    return fonts;
}

}  // namespace pamphlet::pdf
