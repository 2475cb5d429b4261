// A page's content stream, assembled here rather than in libharu. The text operators (BT/ET,
// font and size, horizontal scaling, and per word Td and TJ) are formatted into our own buffer:
// libharu's MoveTextPos and ShowText cost ~15% of a long book's run per word drawn (a 512-byte
// buffer cleared byte by byte on every call, and a width measurement we never use), and the
// fonts are pamphlet's own (page_fonts.hpp), which libharu does not know. Rules and images still
// go through libharu, and `flush` moves what libharu wrote into the page's bytes in order. The
// finished bytes never pass through libharu's stream (which copies byte by byte, three times
// between drawing and qpdf): render_pdf hands them to finish_pdf directly.
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

    // `BT` and `ET`: a text object, which resets the text matrices.
    void begin_text() { buffer_.append("BT\n"); }
    void end_text() { buffer_.append("ET\n"); }

    // `/F1 10.5 Tf`: the font by its resource name, the size in thousandths of a point.
    void select_font(std::string_view resource, std::int64_t size_thousandths);

    // `95.5 Tz`: horizontal scaling in thousandths of a percent.
    void set_horizontal_scaling(std::int64_t percent_thousandths);

    // `dx dy Td`, both in hundredths of a point (integers, so the output is exact and the same
    // on every machine).
    void move_text(std::int64_t dx_hundredths, std::int64_t dy_hundredths);

    // One TJ array per line of words: `[(..)-333(..)]TJ`. Each code point (all drawable, see
    // is_drawable) is a two-byte CID: the fonts are Identity-H with CID = Unicode code point
    // (page_fonts.hpp). The numbers between strings move the next string left by thousandths of
    // the font size. The strings are literal, two bytes per CID (only `(`, `)`, `\` and CR
    // escaped), not hex: half the bytes to write, and deflate runs ~40% faster on them and packs
    // them ~10% smaller (War and Peace's content streams, libdeflate level 7).
    void open_array() { buffer_.push_back('['); }
    void show_in_array(std::u32string_view codes);
    void adjust_in_array(std::int64_t thousandths);
    void close_array() { buffer_.append("]TJ\n"); }

    // Appends what libharu wrote to the page since the last flush, then what was formatted here
    // since, and empties libharu's stream. Must be called before any libharu call that writes to
    // the same page, so the operators stay in order.
    void flush();

    // The page's whole content so far (flushed first); the stream starts empty again.
    std::string release();

private:
    // The shortest decimal form of value / 10^decimals: "12.5", "-3", "0.07".
    void append_number(std::int64_t value, int decimals = 2);
    void take_haru_output();

    HPDF_Page page_;
    std::string page_bytes_;  // everything flushed, in order
    std::string buffer_;      // formatted here since the last flush
};

}  // namespace pamphlet::pdf
