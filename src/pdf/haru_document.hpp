// A thin RAII owner of a libharu document. libharu reports errors through a C callback and a
// sticky error code; C++ exceptions must not unwind through its C frames, so the callback only
// records the error and `check` turns it into an exception once control is back in our code.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

namespace pamphlet::pdf {

class HaruDocument {
public:
    HaruDocument();
    ~HaruDocument();
    HaruDocument(const HaruDocument&) = delete;
    HaruDocument& operator=(const HaruDocument&) = delete;

    HPDF_Doc handle() const { return document_; }

    // Throws std::runtime_error naming `operation` if libharu recorded an error since the last
    // check (and clears it, so one failure is reported once).
    void check(std::string_view operation);

    // The finished file's bytes.
    std::string save();

private:
    HPDF_Doc document_ = nullptr;
    HPDF_STATUS last_error_ = HPDF_OK;
    HPDF_STATUS last_detail_ = HPDF_OK;

    static void record_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);
};

}  // namespace pamphlet::pdf
