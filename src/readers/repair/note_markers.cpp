#include "readers/repair/note_markers.hpp"

namespace pamphlet::readers::repair {

namespace {

// White space as std::regex's \S saw it in the "C" locale.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void collect_note_markers(std::string_view text, std::set<std::string>& labels) {
    std::size_t start = 0;  // where the next marker may begin (its non-space character)
    while (start < text.size()) {
        const std::size_t bracket = text.find('[', start + 1);
        if (bracket == std::string_view::npos) return;
        if (!is_space(text[bracket - 1])) {
            std::size_t end = bracket + 1;
            while (end < text.size() && is_digit(text[end])) ++end;
            const std::size_t digits = end - bracket - 1;
            if (digits >= 1 && digits <= 3 && end < text.size() && text[end] == ']') {
                labels.emplace(text.substr(bracket + 1, digits));
                start = end + 1;  // markers do not overlap: the next needs a character of its own
                continue;
            }
        }
        start = bracket;  // the "[" itself may stand before another marker ("[[1]")
    }
}

}  // namespace pamphlet::readers::repair
