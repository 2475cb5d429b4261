// Scaffolding: UTF-8 only; the real decoder (encodings, UTF-16, binary detection) replaces this.
#include "readers/read_document.hpp"

namespace pamphlet::readers {

std::string decode_source(std::string_view bytes, const std::string& file_name, model::Report& report) {
    (void)file_name;
    (void)report;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\r') {
            out += '\n';
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
        } else {
            out += bytes[i];
        }
    }
    return out;
}

}  // namespace pamphlet::readers
