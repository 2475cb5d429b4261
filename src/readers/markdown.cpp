// The Markdown reader: front matter, then cmark-gfm, then the pandoc extensions cmark-gfm lacks
// (fenced divs, inline notes), each in its own file.
#include "readers/markdown.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "readers/front_matter.hpp"
#include "readers/markdown_cmark.hpp"
#include "readers/markdown_converter.hpp"
#include "readers/markdown_fenced_divs.hpp"
#include "readers/markdown_lenient_headings.hpp"
#include "readers/markdown_text_helpers.hpp"

namespace pamphlet::readers {
namespace {

// The front matter's lines become empty lines, so cmark's line numbers stay the file's.
std::string blank_front_matter(std::string_view text, int line_count) {
    std::string out;
    out.reserve(text.size());
    int line = 1;
    for (char c : text) {
        if (line > line_count) out += c;
        else if (c == '\n') out += c;
        if (c == '\n') ++line;
    }
    return out;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// cmark-gfm silently drops footnote definitions nobody references; say so, since text is lost.
void warn_unreferenced_footnotes(const std::vector<std::string_view>& lines,
                                 const std::vector<std::pair<int, int>>& literal_ranges,
                                 const std::set<std::string>& referenced, const std::string& file_name,
                                 model::Report& report) {
    std::set<std::string> used;
    for (const std::string& label : referenced) used.insert(lower(label));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int line_number = static_cast<int>(i) + 1;
        const bool literal = std::any_of(literal_ranges.begin(), literal_ranges.end(), [&](const auto& range) {
            return line_number >= range.first && line_number <= range.second;
        });
        if (literal) continue;
        std::string_view line = lines[i];
        std::size_t indent = 0;
        while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
        if (indent > 3 || line.substr(indent, 2) != "[^") continue;
        const std::size_t close = line.find("]:", indent);
        if (close == std::string_view::npos) continue;
        const std::string label(line.substr(indent + 2, close - indent - 2));
        if (!label.empty() && !used.count(lower(label)))
            report.warn(file_name, line_number, "footnote [^" + label + "] is never referenced and is left out");
    }
}

}  // namespace

model::Document read_markdown(std::string_view utf8_text, const ReadOptions& options, model::Report& report) {
    const std::string& file = options.file_name;
    const std::string clean = sanitize_text(utf8_text, file, report);
    FrontMatter front = read_front_matter(clean, file, report);
    const std::string body = blank_front_matter(clean, front.line_count);

    // A first parse says where code and raw HTML are, so that the line-based passes below
    // leave them alone; the second parse sees their changes (repaired headings, masked fences).
    CmarkTree tree = parse_commonmark(body);
    const std::vector<std::pair<int, int>> literal_ranges = literal_line_ranges(tree.get());
    const std::size_t repairs_before = report.repairs.size();
    std::string text = repair_heading_spaces(body, literal_ranges, report);
    const std::vector<DivFence> fences = find_div_fences(text, literal_ranges);
    if (!fences.empty()) text = mask_div_fences(text, fences);
    if (!fences.empty() || report.repairs.size() != repairs_before) tree = parse_commonmark(text);
    std::set<int> fence_lines;
    for (const DivFence& fence : fences) fence_lines.insert(fence.line);

    const std::vector<std::string_view> lines = split_lines(text);
    MarkdownConverter converter(tree.get(), lines, file, report, fence_lines);
    model::Document document;
    document.blocks = group_fenced_divs(converter.convert(), fences, file, report);
    warn_unreferenced_footnotes(lines, literal_ranges, converter.referenced_labels(), file, report);

    document.metadata = std::move(front.metadata);
    if (!front.has_language) {
        const std::string from_name = language_from_file_name(file);
        if (!from_name.empty()) document.metadata.language = from_name;
    }
    return document;
}

}  // namespace pamphlet::readers
