// A PDF held in qpdf, with the bytes qpdf reads it from (qpdf reads a memory file in place and
// loads objects lazily, so the bytes must live as long as the document).
#pragma once

#include <qpdf/QPDF.hh>

#include <string>

namespace pamphlet::pdf {

struct LoadedPdf {
    std::string source;
    QPDF document;
};

}  // namespace pamphlet::pdf
