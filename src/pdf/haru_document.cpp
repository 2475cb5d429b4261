#include "pdf/haru_document.hpp"

#include <cstdio>
#include <stdexcept>

namespace pamphlet::pdf {

void HaruDocument::record_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
    auto* document = static_cast<HaruDocument*>(self);
    if (document->last_error_ == HPDF_OK) {  // the first error is the cause; later ones follow from it
        document->last_error_ = error;
        document->last_detail_ = detail;
    }
}

HaruDocument::HaruDocument() {
    document_ = HPDF_New(&HaruDocument::record_error, this);
    if (document_ == nullptr) throw std::runtime_error("libharu could not create a PDF document");
    // Streams are left uncompressed: each is deflated once with libdeflate (render_pdf for page
    // contents, finish_pdf for the rest, deflate_streams.hpp) and qpdf copies the bytes. (When
    // libharu deflated too, qpdf inflated and deflated every stream again: deflate was a fifth of
    // the whole run.) Fonts are not libharu's at all (page_fonts.hpp).
    HPDF_SetCompressionMode(document_, HPDF_COMP_NONE);
    check("setting up the PDF document");
}

HaruDocument::~HaruDocument() {
    if (document_ != nullptr) HPDF_Free(document_);
}

void HaruDocument::check(std::string_view operation) {
    HPDF_STATUS error = last_error_;
    if (error == HPDF_OK) error = HPDF_GetError(document_);
    if (error == HPDF_OK) return;
    HPDF_STATUS detail = last_detail_;
    last_error_ = HPDF_OK;
    last_detail_ = HPDF_OK;
    HPDF_ResetError(document_);
    char code[64];
    std::snprintf(code, sizeof code, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error),
                  static_cast<unsigned>(detail));
    throw std::runtime_error(std::string(operation) + ": " + code);
}

std::string HaruDocument::save() {
    HPDF_SaveToStream(document_);
    check("writing the PDF");
    std::string bytes(HPDF_GetStreamSize(document_), '\0');
    auto size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(document_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    // ReadFromStream reports HPDF_STREAM_EOF once everything is read: not an error.
    if (HPDF_GetError(document_) == HPDF_STREAM_EOF) {
        HPDF_ResetError(document_);
        last_error_ = HPDF_OK;
    }
    check("reading back the PDF");
    bytes.resize(size);
    return bytes;
}

}  // namespace pamphlet::pdf
