// Font subsetting with HarfBuzz's hb-subset, one implementation for both backends: the PDF
// embeds each face cut down to the characters it draws, the EPUB (--embed-fonts) the same for
// its text. A FontSubsetter keeps every font it has parsed, so cutting the same face again (the
// other backend, the next document of a batch) reuses the parsed face instead of reading and
// checking the file's tables once more.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace pamphlet::layout {

// A font to subset: the file it comes from, its contents when the caller holds them already (a
// FontLibrary does), or both. The subsetter identifies the font by `file` when there is one, so
// callers that only know the path and callers that hold the bytes share one parsed face, and
// maps that file itself rather than copying the caller's bytes.
struct FontSource {
    std::filesystem::path file;
    // Used when there is no file, or it cannot be read. Only read during the call (the subsetter
    // keeps a copy of what it parses).
    std::string_view bytes;
    unsigned face_index = 0;  // in a font collection

    FontSource() = default;
    FontSource(std::string_view font_bytes) : bytes(font_bytes) {}  // NOLINT: a source is often just bytes
    explicit FontSource(std::filesystem::path font_file, std::string_view font_bytes = {}, unsigned index = 0)
        : file(std::move(font_file)), bytes(font_bytes), face_index(index) {}
};

struct SubsetOptions {
    // Keep every glyph at its original id (unused ones become empty). The PDF needs this: libharu
    // maps CID = Unicode to glyph ids through the subset's cmap, and keeping the ids keeps that
    // mapping trivially consistent with the layout's.
    bool retain_glyph_ids = false;
    // Drop the OpenType and Graphite layout tables (GSUB, GPOS, kern, Silf, ...) and other tables a
    // viewer of positioned glyphs never reads. For the PDF, which draws already-shaped text; an
    // EPUB reading system shapes the text itself and needs them.
    bool drop_layout_tables = false;
};

class FontSubsetter {
public:
    FontSubsetter();
    ~FontSubsetter();
    FontSubsetter(const FontSubsetter&) = delete;
    FontSubsetter& operator=(const FontSubsetter&) = delete;

    // A font holding only the glyphs for `characters` (plus .notdef). Throws std::runtime_error
    // when the file cannot be read or HarfBuzz cannot subset it. Safe to call from several
    // threads at once (a batch's workers may share one subsetter).
    std::string subset(const FontSource& source, const std::set<char32_t>& characters, const SubsetOptions& options);

    // How many fonts were parsed so far (tests: each font once per subsetter).
    std::size_t fonts_parsed() const;

private:
    struct Implementation;
    std::unique_ptr<Implementation> implementation_;
};

}  // namespace pamphlet::layout
