#include "pdf/to_unicode_cmap.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace pamphlet::pdf {
namespace {

std::string hex4(char32_t code) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "<%04X>", static_cast<unsigned>(code));
    return buffer;
}

constexpr std::size_t max_entries_per_block = 100;  // the CMap format's limit

}  // namespace

std::string identity_to_unicode_cmap(const std::set<char32_t>& codes) {
    // Runs of consecutive codes sharing the high byte.
    std::vector<std::pair<char32_t, char32_t>> ranges;
    for (char32_t code : codes) {
        if (code > 0xFFFF) continue;
        if (!ranges.empty() && ranges.back().second + 1 == code && (ranges.back().first >> 8) == (code >> 8))
            ranges.back().second = code;
        else
            ranges.emplace_back(code, code);
    }
    std::vector<std::pair<char32_t, char32_t>> singles, spans;
    for (const auto& range : ranges) (range.first == range.second ? singles : spans).push_back(range);

    std::string out =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (std::size_t i = 0; i < singles.size(); i += max_entries_per_block) {
        const std::size_t end = std::min(singles.size(), i + max_entries_per_block);
        out += std::to_string(end - i) + " beginbfchar\n";
        for (std::size_t k = i; k < end; ++k) out += hex4(singles[k].first) + " " + hex4(singles[k].first) + "\n";
        out += "endbfchar\n";
    }
    for (std::size_t i = 0; i < spans.size(); i += max_entries_per_block) {
        const std::size_t end = std::min(spans.size(), i + max_entries_per_block);
        out += std::to_string(end - i) + " beginbfrange\n";
        for (std::size_t k = i; k < end; ++k)
            out += hex4(spans[k].first) + " " + hex4(spans[k].second) + " " + hex4(spans[k].first) + "\n";
        out += "endbfrange\n";
    }
    out +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return out;
}

}  // namespace pamphlet::pdf
