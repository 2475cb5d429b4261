#include "pdf/compact_cmap.hpp"

#include <algorithm>

namespace pamphlet::pdf {
namespace {

// Characters further apart than this start a new segment; closer ones share one, the codes
// between them mapped to glyph 0. Bounds the scan libharu does per code point to a few
// segments while keeping the glyph array near the number of characters.
constexpr char32_t largest_gap = 64;

std::uint32_t read(std::string_view bytes, std::size_t at, int length) {
    std::uint32_t value = 0;
    for (int i = 0; i < length; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    return value;
}

void put(std::string& bytes, std::size_t at, std::uint32_t value, int length) {
    for (int i = length - 1; i >= 0; --i) {
        bytes[at + static_cast<std::size_t>(i)] = static_cast<char>(value & 0xFF);
        value >>= 8;
    }
}

void append(std::string& bytes, std::uint32_t value, int length) {
    bytes.append(static_cast<std::size_t>(length), '\0');
    put(bytes, bytes.size() - static_cast<std::size_t>(length), value, length);
}

struct TableRecord {
    std::string tag;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
};

// The table directory, or empty when it does not fit in the file.
std::vector<TableRecord> table_directory(std::string_view font) {
    std::vector<TableRecord> tables;
    if (font.size() < 12) return {};
    const std::uint32_t count = read(font, 4, 2);
    if (font.size() < 12 + 16 * static_cast<std::size_t>(count)) return {};
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t at = 12 + 16 * static_cast<std::size_t>(i);
        TableRecord table{std::string(font.substr(at, 4)), read(font, at + 8, 4), read(font, at + 12, 4)};
        if (table.offset > font.size() || table.length > font.size() - table.offset) return {};
        tables.push_back(std::move(table));
    }
    return tables;
}

std::uint32_t checksum(std::string_view bytes) {
    std::uint32_t sum = 0;
    for (std::size_t at = 0; at < bytes.size(); at += 4) {
        std::uint32_t word = 0;
        for (std::size_t i = 0; i < 4; ++i)
            word = (word << 8) | (at + i < bytes.size() ? static_cast<unsigned char>(bytes[at + i]) : 0u);
        sum += word;
    }
    return sum;
}

// A (3,1) format-4 cmap table for `mapping` (sorted by code point, all below U+FFFF).
std::string compact_cmap_table(const std::vector<std::pair<char32_t, std::uint16_t>>& mapping) {
    struct Segment {
        char32_t start = 0;
        char32_t end = 0;
        std::size_t first_glyph = 0;  // index into the glyph array
    };
    std::vector<Segment> segments;
    std::vector<std::uint16_t> glyphs;
    for (const auto& [code, glyph] : mapping) {
        if (segments.empty() || code - segments.back().end > largest_gap) {
            segments.push_back({code, code, glyphs.size()});
        } else {
            glyphs.resize(glyphs.size() + (code - segments.back().end - 1), 0);
            segments.back().end = code;
        }
        glyphs.push_back(glyph);
    }
    const std::size_t count = segments.size() + 1;  // and the closing 0xFFFF segment
    const std::size_t subtable_length = 16 + 8 * count + 2 * glyphs.size();
    if (subtable_length > 0xFFFF) return {};
    std::uint32_t search_range = 2;
    std::uint32_t entry_selector = 0;
    while (search_range * 2 <= 2 * count) {
        search_range *= 2;
        ++entry_selector;
    }

    std::string table;
    append(table, 0, 2);   // version
    append(table, 1, 2);   // one subtable
    append(table, 3, 2);   // Windows
    append(table, 1, 2);   // Unicode BMP
    append(table, 12, 4);  // offset of the subtable
    append(table, 4, 2);   // format
    append(table, static_cast<std::uint32_t>(subtable_length), 2);
    append(table, 0, 2);  // language
    append(table, static_cast<std::uint32_t>(2 * count), 2);
    append(table, search_range, 2);
    append(table, entry_selector, 2);
    append(table, static_cast<std::uint32_t>(2 * count) - search_range, 2);
    for (const Segment& segment : segments) append(table, segment.end, 2);
    append(table, 0xFFFF, 2);
    append(table, 0, 2);  // reserved pad
    for (const Segment& segment : segments) append(table, segment.start, 2);
    append(table, 0xFFFF, 2);
    for (std::size_t i = 0; i < segments.size(); ++i) append(table, 0, 2);  // idDelta
    append(table, 1, 2);  // 0xFFFF + 1 = glyph 0
    for (std::size_t i = 0; i < segments.size(); ++i)  // from this field to the segment's first glyph
        append(table, static_cast<std::uint32_t>(2 * (count - i) + 2 * segments[i].first_glyph), 2);
    append(table, 0, 2);
    for (const std::uint16_t glyph : glyphs) append(table, glyph, 2);
    return table;
}

}  // namespace

std::vector<std::pair<char32_t, std::uint16_t>> unicode_bmp_cmap(std::string_view font) {
    std::vector<std::pair<char32_t, std::uint16_t>> mapping;
    const std::vector<TableRecord> tables = table_directory(font);
    const auto cmap = std::find_if(tables.begin(), tables.end(), [](const TableRecord& t) { return t.tag == "cmap"; });
    if (cmap == tables.end() || cmap->length < 4) return {};
    const std::string_view table = font.substr(cmap->offset, cmap->length);
    const std::uint32_t subtables = read(table, 2, 2);
    if (table.size() < 4 + 8 * static_cast<std::size_t>(subtables)) return {};
    for (std::uint32_t s = 0; s < subtables; ++s) {
        const std::size_t record = 4 + 8 * static_cast<std::size_t>(s);
        if (read(table, record, 2) != 3 || read(table, record + 2, 2) != 1) continue;
        const std::uint32_t at = read(table, record + 4, 4);
        if (at + 14 > table.size() || read(table, at, 2) != 4) return {};
        const std::uint32_t length = read(table, at + 2, 2);
        const std::size_t count = read(table, at + 6, 2) / 2;
        if (length > table.size() - at || 16 + 8 * count > length) return {};
        const std::string_view sub = table.substr(at, length);
        const std::size_t ends = 14, starts = 16 + 2 * count, deltas = 16 + 4 * count, ranges = 16 + 6 * count;
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint32_t end = read(sub, ends + 2 * i, 2);
            const std::uint32_t start = read(sub, starts + 2 * i, 2);
            const std::uint32_t delta = read(sub, deltas + 2 * i, 2);
            const std::uint32_t range = read(sub, ranges + 2 * i, 2);
            for (std::uint32_t code = start; code <= end && code < 0xFFFF; ++code) {
                std::uint32_t glyph = 0;
                if (range == 0) {
                    glyph = (code + delta) & 0xFFFF;
                } else {
                    const std::size_t where = ranges + 2 * i + range + 2 * (code - start);
                    if (where + 2 > sub.size()) return {};
                    glyph = read(sub, where, 2);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0) mapping.emplace_back(code, static_cast<std::uint16_t>(glyph));
            }
        }
        std::sort(mapping.begin(), mapping.end());
        return mapping;
    }
    return {};
}

std::string with_compact_cmap(std::string font) {
    const std::vector<std::pair<char32_t, std::uint16_t>> mapping = unicode_bmp_cmap(font);
    const std::vector<TableRecord> tables = table_directory(font);
    if (mapping.empty() || tables.empty()) return font;
    const std::string cmap = compact_cmap_table(mapping);
    if (cmap.empty()) return font;

    // Same tables in the same order, each at a 4-byte boundary, the cmap replaced.
    std::string out = font.substr(0, 12 + 16 * tables.size());
    std::size_t head_at = 0;
    bool has_head = false;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const TableRecord& table = tables[i];
        std::string data = table.tag == "cmap" ? cmap : font.substr(table.offset, table.length);
        if (table.tag == "head") {
            if (data.size() < 12) return font;
            put(data, 8, 0, 4);  // checkSumAdjustment counts as 0 in the table's own checksum
            head_at = out.size();
            has_head = true;
        }
        const std::size_t record = 12 + 16 * i;
        put(out, record + 4, checksum(data), 4);
        put(out, record + 8, static_cast<std::uint32_t>(out.size()), 4);
        put(out, record + 12, static_cast<std::uint32_t>(data.size()), 4);
        out += data;
        out.append((4 - out.size() % 4) % 4, '\0');
    }
    if (has_head) put(out, head_at + 8, 0xB1B0AFBAu - checksum(out), 4);
    return out;
}

}  // namespace pamphlet::pdf
