#include "readers/markdown_image_path.hpp"

#include <cctype>

namespace pamphlet::readers {

std::string image_path_problem(std::string_view path) {
    if (path.empty()) return "the image path is empty";
    if (path.front() == '/' || path.front() == '\\') return "the image path is absolute";
    // A scheme is letters, digits, '+', '-' or '.' after a first letter, then ':'. A Windows
    // drive ("C:") matches too, which is as unwanted.
    std::size_t i = 0;
    if (std::isalpha(static_cast<unsigned char>(path[0]))) {
        while (i < path.size() && (std::isalnum(static_cast<unsigned char>(path[i])) || path[i] == '+' ||
                                   path[i] == '-' || path[i] == '.'))
            ++i;
        if (i < path.size() && path[i] == ':') return "the image path is a URL or has a drive letter";
    }
    // Walk the components: ".." may only undo a folder entered before it.
    int depth = 0;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view component = path.substr(start, end - start);
        if (component == "..") {
            if (--depth < 0) return "the image path leaves the document's folder";
        } else if (!component.empty() && component != ".") {
            ++depth;
        }
        start = end + 1;
    }
    return {};
}

}  // namespace pamphlet::readers
