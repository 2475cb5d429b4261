#include "pdf/font_subset.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <memory>
#include <stdexcept>

namespace pamphlet::pdf {
namespace {

struct BlobDeleter {
    void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};
struct FaceDeleter {
    void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
struct SubsetInputDeleter {
    void operator()(hb_subset_input_t* input) const { hb_subset_input_destroy(input); }
};
using Blob = std::unique_ptr<hb_blob_t, BlobDeleter>;
using Face = std::unique_ptr<hb_face_t, FaceDeleter>;
using SubsetInput = std::unique_ptr<hb_subset_input_t, SubsetInputDeleter>;

constexpr hb_tag_t tables_to_drop[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('k', 'e', 'r', 'n'), HB_TAG('G', 'l', 'a', 't'), HB_TAG('G', 'l', 'o', 'c'),
    HB_TAG('S', 'i', 'l', 'f'), HB_TAG('S', 'i', 'l', 'l'), HB_TAG('F', 'e', 'a', 't'),
    HB_TAG('D', 'S', 'I', 'G'), HB_TAG('h', 'd', 'm', 'x'), HB_TAG('V', 'D', 'M', 'X'),
    HB_TAG('L', 'T', 'S', 'H'), HB_TAG('M', 'A', 'T', 'H'), HB_TAG('J', 'S', 'T', 'F'),
};

}  // namespace

std::string subset_truetype_font(std::string_view font_bytes, const std::set<char32_t>& characters) {
    Blob blob(hb_blob_create(font_bytes.data(), static_cast<unsigned>(font_bytes.size()),
                             HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    Face face(hb_face_create(blob.get(), 0));
    SubsetInput input(hb_subset_input_create_or_fail());
    if (!input) throw std::runtime_error("HarfBuzz could not start a font subset");

    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t character : characters) hb_set_add(unicodes, character);
    hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t tag : tables_to_drop) hb_set_add(dropped, tag);
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS);

    Face subset(hb_subset_or_fail(face.get(), input.get()));
    if (!subset) throw std::runtime_error("HarfBuzz could not subset a font");
    Blob result(hb_face_reference_blob(subset.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(result.get(), &length);
    if (data == nullptr || length == 0) throw std::runtime_error("HarfBuzz produced an empty font subset");
    return std::string(data, length);
}

}  // namespace pamphlet::pdf
