#include "readers/input_limits.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "model/diagnostics.hpp"

namespace pamphlet::readers {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool blank_or_end(std::string_view text, std::size_t at) { return at >= text.size() || is_blank(text[at]); }
bool is_punctuation(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string megabytes(std::uintmax_t bytes) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text.data();
}

// The block containers one line opens before its text: quote markers ('>'), list bullets and
// numbers, and indentation (every four columns may be one more level of list continuation).
struct LinePrefix {
    int depth = 0;
    std::size_t text_start = 0;
};

LinePrefix container_prefix(std::string_view line) {
    int markers = 0;
    int columns = 0;
    bool after_marker = false;  // the one space after a marker belongs to the marker
    std::size_t at = 0;
    while (at < line.size()) {
        const char c = line[at];
        if (c == ' ' || c == '\t') {
            columns += (c == '\t' ? 4 : 1) - (after_marker ? 1 : 0);
            after_marker = false;
            ++at;
        } else if (c == '>') {
            ++markers, ++at, after_marker = true;
        } else if ((c == '-' || c == '*' || c == '+') && blank_or_end(line, at + 1)) {
            ++markers, ++at, after_marker = true;
        } else {
            std::size_t digits = 0;
            while (at + digits < line.size() && digits < 10 && is_digit(line[at + digits])) ++digits;
            const std::size_t after = at + digits;
            const bool numbered = digits > 0 && digits <= 9 && after < line.size() &&
                                  (line[after] == '.' || line[after] == ')') && blank_or_end(line, after + 1);
            if (!numbered) break;
            ++markers;
            at = after + 1;
            after_marker = true;
        }
    }
    return {markers + columns / 4, at};
}

// Emphasis delimiters and brackets still open in the current paragraph. A run of '*' or '_' that
// can only open (text after it, space or punctuation before) adds its length; one that can only
// close takes it away; a run inside a word is ignored. Code spans are skipped.
class InlineNesting {
public:
    void paragraph_break() { open_delimiters_ = 0, open_brackets_ = 0; }

    // Scans one line's text; returns the deepest nesting reached on it.
    int scan(std::string_view text) {
        int deepest = open_delimiters_ + open_brackets_;
        std::size_t at = 0;
        while (at < text.size()) {
            const char c = text[at];
            if (c == '\\') {
                at += 2;
                continue;
            }
            if (c == '`') {
                at = after_code_span(text, at);
                continue;
            }
            if (c == '*' || c == '_') {
                std::size_t run = 1;
                while (at + run < text.size() && text[at + run] == c) ++run;
                const char before = at == 0 ? ' ' : text[at - 1];
                const char after = at + run >= text.size() ? ' ' : text[at + run];
                const bool space_before = is_blank(before), space_after = is_blank(after);
                const bool can_open = !space_after && (space_before || is_punctuation(before));
                const bool can_close = !space_before && (space_after || is_punctuation(after));
                const int length = static_cast<int>(std::min<std::size_t>(run, 1 << 20));
                if (can_open && !can_close) open_delimiters_ += length;
                if (can_close && !can_open) open_delimiters_ = std::max(0, open_delimiters_ - length);
                at += run;
            } else {
                if (c == '[') ++open_brackets_;
                if (c == ']' && open_brackets_ > 0) --open_brackets_;
                ++at;
            }
            deepest = std::max(deepest, open_delimiters_ + open_brackets_);
        }
        return deepest;
    }

private:
    // A code span ends at the next run of exactly as many backticks; without one, the run is text.
    static std::size_t after_code_span(std::string_view text, std::size_t start) {
        std::size_t run = 0;
        while (start + run < text.size() && text[start + run] == '`') ++run;
        std::size_t at = start + run;
        while (at < text.size()) {
            const std::size_t found = text.find('`', at);
            if (found == std::string_view::npos) break;
            std::size_t closing = 0;
            while (found + closing < text.size() && text[found + closing] == '`') ++closing;
            if (closing == run) return found + closing;
            at = found + closing;
        }
        return start + run;
    }

    int open_delimiters_ = 0;
    int open_brackets_ = 0;
};

// Muse block and inline tags that may nest; their depth carries across lines and paragraphs.
// Updates `open` for the tags on one line and returns the deepest it was on that line.
int scan_muse_tags(std::string_view text, int& open) {
    static constexpr std::array<std::string_view, 14> nesting_tags = {
        "quote", "center", "right", "verse", "biblio", "play", "em", "strong", "i", "b", "sup", "sub", "del", "strike"};
    int deepest = open;
    for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
        const bool closing = at + 1 < text.size() && text[at + 1] == '/';
        const std::size_t name_start = at + (closing ? 2 : 1);
        const std::size_t name_end = text.find('>', name_start);
        if (name_end == std::string_view::npos) break;
        const std::string_view name = text.substr(name_start, name_end - name_start);
        if (std::find(nesting_tags.begin(), nesting_tags.end(), name) == nesting_tags.end()) continue;
        open = closing ? std::max(0, open - 1) : open + 1;
        deepest = std::max(deepest, open);
    }
    return deepest;
}

bool starts_with_after_indent(std::string_view line, std::string_view prefix) {
    std::size_t indent = 0;
    while (indent < line.size() && indent < 3 && line[indent] == ' ') ++indent;
    return line.substr(indent, prefix.size()) == prefix;
}

// Code and literal blocks hold text, not markup: their lines are not counted.
class LiteralBlocks {
public:
    explicit LiteralBlocks(InputFormat format) : format_(format) {}

    // True when `line` belongs to a literal block (its opening and closing lines included).
    bool contains(std::string_view line) {
        if (!closing_.empty()) {
            if (line.find(closing_) != std::string_view::npos) closing_ = {};
            return true;
        }
        if (format_ == InputFormat::markdown) {
            const std::string_view text = line.substr(container_prefix(line).text_start);
            if (starts_with_after_indent(text, "```")) closing_ = "```";
            if (starts_with_after_indent(text, "~~~")) closing_ = "~~~";
        } else if (format_ == InputFormat::muse) {
            for (const auto& [open, close] : {std::pair{"<example>", "</example>"}, std::pair{"<src", "</src>"},
                                              std::pair{"<literal", "</literal>"}, std::pair{"{{{", "}}}"}}) {
                const std::size_t found = line.find(open);
                if (found != std::string_view::npos &&
                    line.find(close, found + std::string_view(open).size()) == std::string_view::npos) {
                    closing_ = close;
                    break;
                }
            }
        }
        return !closing_.empty();
    }

private:
    InputFormat format_;
    std::string_view closing_;
};

}  // namespace

void check_input_size(std::uintmax_t size_in_bytes, const std::string& file_name) {
    if (size_in_bytes > max_input_bytes)
        throw model::InputError(file_name, 0, 0,
                                "the file is " + megabytes(size_in_bytes) + ", over the limit of " +
                                    megabytes(max_input_bytes) +
                                    " a document may have (see docs/limits.md); split it into several documents");
}

NestingEstimate estimate_nesting_depth(std::string_view utf8_text, InputFormat format) {
    NestingEstimate deepest;
    if (format == InputFormat::plain_text) return deepest;  // plain text has no markup to nest
    InlineNesting inline_nesting;
    LiteralBlocks literal_blocks(format);
    int open_muse_tags = 0;
    int line_number = 0;
    std::size_t start = 0;
    while (start <= utf8_text.size()) {
        std::size_t end = utf8_text.find('\n', start);
        if (end == std::string_view::npos) end = utf8_text.size();
        const std::string_view line = utf8_text.substr(start, end - start);
        ++line_number;
        if (!literal_blocks.contains(line)) {
            const LinePrefix prefix = container_prefix(line);
            const std::string_view text = line.substr(prefix.text_start);
            if (text.find_first_not_of(" \t\r") == std::string_view::npos) inline_nesting.paragraph_break();
            int depth = prefix.depth + inline_nesting.scan(text);
            if (format == InputFormat::muse) depth += scan_muse_tags(text, open_muse_tags);
            if (depth > deepest.depth) deepest = {depth, line_number};
        }
        if (end == utf8_text.size()) break;
        start = end + 1;
    }
    return deepest;
}

void check_input_limits(std::string_view utf8_text, InputFormat format, const std::string& file_name) {
    check_input_size(utf8_text.size(), file_name);
    if (utf8_text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos)
        throw model::InputError(file_name, 0, 0,
                                utf8_text.empty() ? "the file is empty: there is nothing to typeset"
                                                  : "the file is empty (only whitespace): there is nothing to typeset");
    const NestingEstimate nesting = estimate_nesting_depth(utf8_text, format);
    if (nesting.depth > max_nesting_depth)
        throw model::InputError(file_name, nesting.line, 0,
                                "quotes, lists or emphasis nest about " + std::to_string(nesting.depth) +
                                    " levels deep here, over the limit of " + std::to_string(max_nesting_depth) +
                                    " (see docs/limits.md); flatten the markup");
}

}  // namespace pamphlet::readers
