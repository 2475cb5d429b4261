#include "layout/font_subset.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <map>
#include <mutex>
#include <stdexcept>
#include <tuple>

#include "layout/harfbuzz_handles.hpp"

namespace pamphlet::layout {
namespace {

struct SubsetInputDeleter {
    void operator()(hb_subset_input_t* input) const { hb_subset_input_destroy(input); }
};
using Blob = HbPointer<hb_blob_t>;
using Face = HbPointer<hb_face_t>;
using SubsetInput = std::unique_ptr<hb_subset_input_t, SubsetInputDeleter>;

// Tables a PDF viewer never reads: layout (OpenType, Graphite, kern), justification, math,
// device metrics and the digital signature (which a subset would break anyway).
constexpr hb_tag_t layout_tables[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('k', 'e', 'r', 'n'), HB_TAG('G', 'l', 'a', 't'), HB_TAG('G', 'l', 'o', 'c'),
    HB_TAG('S', 'i', 'l', 'f'), HB_TAG('S', 'i', 'l', 'l'), HB_TAG('F', 'e', 'a', 't'),
    HB_TAG('D', 'S', 'I', 'G'), HB_TAG('h', 'd', 'm', 'x'), HB_TAG('V', 'D', 'M', 'X'),
    HB_TAG('L', 'T', 'S', 'H'), HB_TAG('M', 'A', 'T', 'H'), HB_TAG('J', 'S', 'T', 'F'),
};

std::string describe(const FontSource& source) {
    return source.file.empty() ? std::string("a font") : source.file.string();
}

// A font file's face, kept with the blob it reads from.
struct ParsedFont {
    Blob blob;
    Face face;
};

ParsedFont parse(const FontSource& source) {
    ParsedFont font;
    // A font with a file is mapped from it (HarfBuzz maps it read-only: no copy, and only the
    // glyphs subset are read). Otherwise the caller's bytes are copied: the subsetter may outlive
    // them (a per-run subsetter, a per-document font library).
    if (!source.file.empty()) font.blob.reset(hb_blob_create_from_file_or_fail(source.file.c_str()));
    if (!font.blob && !source.bytes.empty())
        font.blob.reset(hb_blob_create_or_fail(source.bytes.data(), static_cast<unsigned>(source.bytes.size()),
                                               HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr));
    if (!font.blob) throw std::runtime_error(describe(source) + ": cannot read font");
    font.face.reset(hb_face_create(font.blob.get(), source.face_index));
    // HarfBuzz gives an empty face, not an error, for bytes that are not a font.
    if (hb_face_get_glyph_count(font.face.get()) == 0)
        throw std::runtime_error(describe(source) + ": not a font HarfBuzz can read");
    return font;
}

}  // namespace

struct FontSubsetter::Implementation {
    // A font is known by its file when it has one, else by its contents.
    using Key = std::tuple<std::filesystem::path, std::string, unsigned>;

    std::mutex mutex;
    std::map<Key, std::shared_ptr<const ParsedFont>> fonts;

    std::shared_ptr<const ParsedFont> font(const FontSource& source) {
        Key key = source.file.empty() ? Key{{}, std::string(source.bytes), source.face_index}
                                      : Key{source.file, {}, source.face_index};
        const std::lock_guard lock(mutex);
        auto found = fonts.find(key);
        if (found == fonts.end()) found = fonts.emplace(std::move(key), std::make_shared<const ParsedFont>(parse(source))).first;
        return found->second;
    }
};

FontSubsetter::FontSubsetter() : implementation_(std::make_unique<Implementation>()) {}
FontSubsetter::~FontSubsetter() = default;

std::size_t FontSubsetter::fonts_parsed() const {
    const std::lock_guard lock(implementation_->mutex);
    return implementation_->fonts.size();
}

std::string FontSubsetter::subset(const FontSource& source, const std::set<char32_t>& characters,
                                  const SubsetOptions& options) {
    // Held until the subset is made: the face must outlive hb_subset_or_fail. HarfBuzz faces are
    // safe to read from several threads.
    const std::shared_ptr<const ParsedFont> font = implementation_->font(source);

    SubsetInput input(hb_subset_input_create_or_fail());
    if (!input) throw std::runtime_error("font subsetting: out of memory");
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t character : characters) hb_set_add(unicodes, character);
    if (options.drop_layout_tables) {
        hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (hb_tag_t tag : layout_tables) hb_set_add(dropped, tag);
    }
    if (options.retain_glyph_ids) hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS);

    Face subset(hb_subset_or_fail(font->face.get(), input.get()));
    if (!subset) throw std::runtime_error(describe(source) + ": HarfBuzz could not subset the font");
    Blob result(hb_face_reference_blob(subset.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(result.get(), &length);
    if (data == nullptr || length == 0) throw std::runtime_error(describe(source) + ": the font subset is empty");
    return std::string(data, length);
}

}  // namespace pamphlet::layout
