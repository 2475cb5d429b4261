#include "readers/markdown_fenced_divs.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "readers/markdown_text_helpers.hpp"

namespace pamphlet::readers {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool is_name(std::string_view name) {
    if (name.empty()) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

// Parses one line; returns false when it is not a fence.
bool parse_fence(std::string_view line, DivFence& fence) {
    std::size_t colons = 0;
    while (colons < line.size() && line[colons] == ':') ++colons;
    if (colons < 3) return false;
    std::string_view rest = trim(line.substr(colons));
    // Pandoc allows closing colons after the name: "::: epigraph :::".
    while (!rest.empty() && rest.back() == ':') rest.remove_suffix(1);
    rest = trim(rest);
    if (rest.empty()) {
        fence.opening = false;
        return true;
    }
    if (rest.front() == '{') {
        if (rest.back() != '}') return false;
        rest = trim(rest.substr(1, rest.size() - 2));
        // The first ".class" names the div; ids and other attributes are allowed and ignored.
        std::string_view name;
        while (!rest.empty()) {
            const std::size_t end = rest.find_first_of(" \t");
            const std::string_view word = rest.substr(0, end);
            if (name.empty() && word.size() > 1 && word.front() == '.') name = word.substr(1);
            rest = end == std::string_view::npos ? std::string_view{} : trim(rest.substr(end));
        }
        rest = name;
    }
    if (!is_name(rest)) return false;
    fence.opening = true;
    fence.class_name = std::string(rest);
    return true;
}

}  // namespace

std::vector<DivFence> find_div_fences(std::string_view text, const std::vector<std::pair<int, int>>& excluded_lines) {
    std::vector<DivFence> fences;
    int line_number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        ++line_number;
        const std::string_view line = text.substr(start, end - start);
        const bool excluded = std::any_of(excluded_lines.begin(), excluded_lines.end(), [&](const auto& range) {
            return line_number >= range.first && line_number <= range.second;
        });
        DivFence fence;
        if (!excluded && parse_fence(line, fence)) {
            fence.line = line_number;
            fences.push_back(std::move(fence));
        }
        if (end == text.size()) break;
        start = end + 1;
    }
    return fences;
}

std::string mask_div_fences(std::string_view text, const std::vector<DivFence>& fences) {
    std::string out;
    out.reserve(text.size());
    std::size_t next_fence = 0;
    int line_number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        ++line_number;
        if (next_fence < fences.size() && fences[next_fence].line == line_number) {
            out += div_fence_mask;
            ++next_fence;
        } else {
            out.append(text.substr(start, end - start));
        }
        if (end == text.size()) break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

}  // namespace pamphlet::readers

namespace pamphlet::readers {
namespace {

struct OpenDiv {
    std::string class_name;
    int line = 0;
    model::Blocks blocks;
};

// Closes a div: turns its blocks into what its class means and appends them to `parent`.
void close_div(OpenDiv div, model::Blocks& parent, const std::string& file_name, model::Report& report) {
    const std::string& name = div.class_name;
    if (name == "epigraph") {
        model::BlockQuote quote;
        quote.epigraph = true;
        for (model::Block& block : div.blocks) {
            if (auto* heading = std::get_if<model::Heading>(&block.value)) {
                report.warn(file_name, block.position.line, "a heading inside an epigraph is set as a paragraph");
                block.value = model::Paragraph{std::move(heading->content)};
            }
            quote.children.push_back(std::move(block));
        }
        if (!quote.children.empty()) parent.emplace_back(std::move(quote), model::SourcePosition{div.line, 1});
        return;
    }
    if (name == "center" || name == "centre") align_paragraphs(div.blocks, model::Alignment::center);
    else if (name == "right") align_paragraphs(div.blocks, model::Alignment::right);
    else
        report.warn(file_name, div.line,
                    "fenced div '" + name + "' is not known (epigraph, center, right); its contents are kept as they are");
    for (model::Block& block : div.blocks) parent.push_back(std::move(block));
}

}  // namespace

model::Blocks group_fenced_divs(model::Blocks blocks, const std::vector<DivFence>& fences, const std::string& file_name,
                                model::Report& report) {
    if (fences.empty()) return blocks;
    std::vector<OpenDiv> stack(1);  // stack[0] collects the document's own blocks
    std::size_t next_fence = 0;
    auto apply_fences_before = [&](int line) {
        for (; next_fence < fences.size() && fences[next_fence].line < line; ++next_fence) {
            const DivFence& fence = fences[next_fence];
            if (fence.opening) {
                stack.push_back(OpenDiv{fence.class_name, fence.line, {}});
            } else if (stack.size() > 1) {
                OpenDiv div = std::move(stack.back());
                stack.pop_back();
                close_div(std::move(div), stack.back().blocks, file_name, report);
            } else {
                report.warn(file_name, fence.line, "':::' closes no fenced div; ignored");
            }
        }
    };
    for (model::Block& block : blocks) {
        apply_fences_before(block.position.line);
        stack.back().blocks.push_back(std::move(block));
    }
    apply_fences_before(std::numeric_limits<int>::max());
    while (stack.size() > 1) {
        OpenDiv div = std::move(stack.back());
        stack.pop_back();
        report.warn(file_name, div.line, "fenced div '" + div.class_name + "' is never closed; it ends with the document");
        close_div(std::move(div), stack.back().blocks, file_name, report);
    }
    return std::move(stack.front().blocks);
}

}  // namespace pamphlet::readers
