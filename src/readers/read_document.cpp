#include "readers/read_document.hpp"

#include <stdexcept>

#include "readers/markdown.hpp"
#include "readers/muse.hpp"
#include "readers/plain_text.hpp"
#include "readers/text_sanitizer.hpp"

namespace pamphlet::readers {

namespace {
std::string lower(std::string_view text) {
    std::string out;
    for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
}  // namespace

InputFormat format_from_extension(const std::filesystem::path& path) {
    const std::string extension = lower(path.extension().string());
    if (extension == ".txt" || extension == ".text") return InputFormat::plain_text;
    if (extension == ".md" || extension == ".markdown") return InputFormat::markdown;
    if (extension == ".muse") return InputFormat::muse;
    throw std::invalid_argument("cannot tell the input format of '" + path.string() +
                                "' from its extension; use --from text|markdown|muse");
}

InputFormat format_from_name(std::string_view name) {
    const std::string key = lower(name);
    if (key == "text" || key == "plain" || key == "txt") return InputFormat::plain_text;
    if (key == "markdown" || key == "md") return InputFormat::markdown;
    if (key == "muse") return InputFormat::muse;
    throw std::invalid_argument("unknown input format '" + std::string(name) +
                                "' (use text, markdown or muse)");
}

namespace {
model::Document read_in_format(std::string_view utf8_text, InputFormat format, const ReadOptions& options,
                               model::Report& report) {
    switch (format) {
        case InputFormat::plain_text: return read_plain_text(utf8_text, options, report);
        case InputFormat::markdown: return read_markdown(utf8_text, options, report);
        case InputFormat::muse: return read_muse(utf8_text, options, report);
    }
    throw std::logic_error("unhandled input format");
}
}  // namespace

model::Document read_document(std::string_view utf8_text, InputFormat format, const ReadOptions& options,
                              model::Report& report) {
    model::Document document = read_in_format(utf8_text, format, options, report);
    // Here rather than in each caller: whatever reads a document gets one model::check() accepts.
    sanitize_document_text(document, options.file_name, report);
    return document;
}

}  // namespace pamphlet::readers
