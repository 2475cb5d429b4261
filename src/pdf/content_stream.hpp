// Text-showing operators written straight into a libharu page's content stream. libharu's
// MoveTextPos and ShowText cost ~15% of a long book's run per word drawn (a 512-byte buffer
// cleared byte by byte on every call, and a width measurement we never use), so the per-word
// operators are formatted here, into one buffer per page, and handed to libharu's stream in
// large pieces. Everything that changes libharu's own bookkeeping (BT/ET, font and size, which
// registers the font in the page's resources, horizontal scaling) still goes through libharu.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace pamphlet::pdf {

// std::llround without the library call (1.6 million calls for War and Peace's positions):
// x - trunc(x) is exact in double arithmetic, so this rounds every value exactly as llround
// does (halfway cases away from zero), for |x| < 2^63.
inline std::int64_t round_half_away(double x) {
    auto whole = static_cast<std::int64_t>(x);  // truncates toward zero
    const double fraction = x - static_cast<double>(whole);
    if (fraction >= 0.5) {
        ++whole;
    } else if (fraction <= -0.5) {
        --whole;
    }
    return whole;
}

class ContentStream {
public:
    explicit ContentStream(HPDF_Page page) : page_(page) {}
    ContentStream(const ContentStream&) = delete;
    ContentStream& operator=(const ContentStream&) = delete;

    // `dx dy Td`, both in hundredths of a point (integers, so the output is exact and the same
    // on every machine).
    void move_text(std::int64_t dx_hundredths, std::int64_t dy_hundredths);

    // One TJ array per line of words: `[(..)-333(..)]TJ`. Each code point (all drawable, see
    // is_drawable) is a two-byte CID: the fonts are Identity-H with CID = Unicode code point
    // (see NOTES.md). The numbers between strings move the next string left by thousandths of
    // the font size. The strings are literal, two bytes per CID (only `(`, `)`, `\` and CR
    // escaped), not hex: half the bytes to write, and deflate runs ~40% faster on them and packs
    // them ~10% smaller (War and Peace's content streams, libdeflate level 7).
    void open_array() { buffer_.push_back('['); }
    void show_in_array(std::u32string_view codes);
    void adjust_in_array(std::int64_t thousandths);
    void close_array() { buffer_.append("]TJ\n"); }

    // Hands what was formatted to the page's stream. Must be called before any libharu call
    // that writes to the same page, so the operators stay in order; returns false if libharu
    // failed to take the bytes.
    bool flush();

private:
    void append_number(std::int64_t hundredths);

    HPDF_Page page_;
    std::string buffer_;
};

}  // namespace pamphlet::pdf
