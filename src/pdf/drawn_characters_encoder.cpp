#include "pdf/drawn_characters_encoder.hpp"

#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_list.h>
#include <hpdf_mmgr.h>

#include <cstring>
#include <stdexcept>
#include <vector>

namespace pamphlet::pdf {
namespace {

// What HPDF_CMapEncoder_InitAttr sets up, without its costs: it clears the 384 KB of tables a
// byte at a time and fills every unmapped code's Unicode value, 2.8 M instructions for the
// seed's two fonts, where libharu reads neither for the codes left at CID 0. Allocated from the
// document's memory manager and with the same three range lists, so that HPDF_CMapEncoder_Free
// (the encoder's free_fn) releases it as its own.
HPDF_CMapEncoderAttr new_attributes(HPDF_Encoder encoder) {
    auto* attr = static_cast<HPDF_CMapEncoderAttr>(HPDF_GetMem(encoder->mmgr, sizeof(HPDF_CMapEncoderAttr_Rec)));
    if (attr == nullptr) return nullptr;
    std::memset(static_cast<void*>(attr), 0, sizeof(HPDF_CMapEncoderAttr_Rec));
    encoder->attr = attr;  // from here on freed with the encoder
    attr->cmap_range = HPDF_List_New(encoder->mmgr, HPDF_DEF_RANGE_TBL_NUM);
    attr->notdef_range = HPDF_List_New(encoder->mmgr, HPDF_DEF_ITEMS_PER_BLOCK);
    attr->code_space_range = HPDF_List_New(encoder->mmgr, HPDF_DEF_ITEMS_PER_BLOCK);
    if (attr->cmap_range == nullptr || attr->notdef_range == nullptr || attr->code_space_range == nullptr)
        return nullptr;
    return attr;
}

}  // namespace

bool register_drawn_characters_encoder(HaruDocument& document, const std::string& name,
                                       const std::set<char32_t>& characters) {
    if (characters.empty() || *characters.rbegin() >= 0xFFFF) return false;
    if (name.size() > HPDF_LIMIT_MAX_NAME_LEN) throw std::logic_error("encoding name too long: " + name);
    const HPDF_Doc doc = document.handle();
    std::vector<char> writable_name(name.begin(), name.end());  // libharu's signature takes char*
    writable_name.push_back('\0');
    HPDF_Encoder encoder = HPDF_CMapEncoder_New(doc->mmgr, writable_name.data(), nullptr);
    document.check("creating a font encoding");
    if (encoder == nullptr) throw std::runtime_error("libharu could not create a font encoding");
    HPDF_CMapEncoderAttr attr = new_attributes(encoder);
    if (attr == nullptr) {
        HPDF_Encoder_Free(encoder);
        document.check("setting up a font encoding");
        throw std::runtime_error("libharu could not set up a font encoding");
    }
    // The same system as libharu's "UTF-8" encoding: its Type0 fonts then say /Identity-H.
    std::strcpy(attr->registry, "Adobe");
    std::strcpy(attr->ordering, "Identity-H");
    attr->suppliment = 0;
    attr->writing_mode = HPDF_WMODE_HORIZONTAL;
    encoder->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
    // libharu reads its tables as [low byte][high byte] (HPDF_CMapEncoder_AddCMap); a code with
    // CID 0 counts as unmapped. One code above the largest drawn: libharu's map and widths run
    // up to, not including, the largest CID it finds.
    const auto map = [attr](char32_t code) {
        attr->cid_map[code & 0xFF][code >> 8] = static_cast<HPDF_UINT16>(code);
        attr->unicode_map[code & 0xFF][code >> 8] = static_cast<HPDF_UNICODE>(code);
    };
    for (char32_t code : characters)
        if (code != 0) map(code);
    map(*characters.rbegin() + 1);
    if (HPDF_Doc_RegisterEncoder(doc, encoder) != HPDF_OK) {  // frees the encoder itself
        document.check("registering a font encoding");
        throw std::runtime_error("libharu could not register a font encoding");
    }
    return true;
}

}  // namespace pamphlet::pdf
