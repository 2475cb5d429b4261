#include "pdf/draw_page.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "pdf/content_stream.hpp"

namespace pamphlet::pdf {
namespace {

// Positions in whole hundredths of a point (1/7200 in): far below what print or screen can
// show, shorter numbers in the content streams, and exact integer arithmetic for the moves.
std::int64_t hundredths(double value) { return round_half_away(value * 100.0); }

// Draws glyph runs inside one text object, setting font, size and scaling only when they change
// (keeps content streams small). The words themselves (Td, one TJ array per line) are written by
// ContentStream; BT/ET, Tf and Tz go through libharu, which keeps its graphics state and the
// page's font resources from them, so the content is flushed before each of those calls.
class TextWriter {
public:
    TextWriter(HPDF_Page page, const FontHandles& fonts, ContentStream& content)
        : page_(page), fonts_(fonts), content_(content) {}

    void draw(const layout::GlyphRun& run) {
        codes_.clear();
        append_drawable_codes(run.text, codes_);
        if (codes_.empty()) return;
        const auto font = fonts_.find(run.face);
        if (font == fonts_.end()) throw std::logic_error("glyph run in a face that was not loaded");
        if (!in_text_) {
            flush();
            HPDF_Page_BeginText(page_);
            in_text_ = true;
            origin_x_ = 0;  // BT resets the text line matrix
            origin_y_ = 0;
        }
        if (font->second != current_font_ || run.size_pt != current_size_) {
            flush();
            HPDF_Page_SetFontAndSize(page_, font->second, static_cast<HPDF_REAL>(run.size_pt));
            current_font_ = font->second;
            current_size_ = run.size_pt;
        }
        if (run.horizontal_scale != current_scale_) {
            flush();
            HPDF_Page_SetHorizontalScalling(page_, static_cast<HPDF_REAL>(run.horizontal_scale * 100.0));
            current_scale_ = run.horizontal_scale;
        }
        const std::int64_t x = hundredths(run.x_pt);
        const std::int64_t y = hundredths(run.y_pt);
        const double size_times_scale = run.size_pt * run.horizontal_scale;
        if (in_array_ && y == origin_y_ && size_times_scale > 0) {
            // The next word on the same line: a number in the TJ array moves it from where the
            // previous word ended (in thousandths of the font size), instead of a Td of its own.
            const double gap = static_cast<double>(x) / 100.0 - pen_x_;
            const std::int64_t adjustment = round_half_away(-gap * 1000.0 / size_times_scale);
            content_.adjust_in_array(adjustment);
            pen_x_ -= static_cast<double>(adjustment) * size_times_scale / 1000.0;
        } else {
            close_array();
            // Relative moves (Td) from the previous line's origin: a third of the bytes of a
            // full text matrix, and content streams dominate a pamphlet's size.
            content_.move_text(x - origin_x_, y - origin_y_);
            origin_x_ = x;
            origin_y_ = y;
            content_.open_array();
            in_array_ = true;
            pen_x_ = static_cast<double>(x) / 100.0;
        }
        content_.show_in_array(codes_);
        pen_x_ += static_cast<double>(advance(font->second)) * size_times_scale / 1000.0;
    }

    // Ends the text object, if one is open, and writes out what is buffered.
    void finish() {
        flush();
        if (in_text_) HPDF_Page_EndText(page_);
        in_text_ = false;
    }

private:
    void close_array() {
        if (in_array_) content_.close_array();
        in_array_ = false;
    }

    // The codes' advance in thousandths of the font size, as a reader computes it from the
    // font's widths (libharu's, the same numbers it writes to the font's /W array).
    std::int64_t advance(HPDF_Font font) {
        if (font != widths_font_) {
            common_widths_.assign(common_widths_.size(), unknown_width);
            other_widths_.clear();
            widths_font_ = font;
        }
        std::int64_t total = 0;
        for (const char32_t code : codes_) {
            HPDF_INT* width = nullptr;
            if (code < common_widths_.size()) {
                width = &common_widths_[code];
            } else {
                width = &other_widths_.try_emplace(code, unknown_width).first->second;
            }
            if (*width == unknown_width) *width = HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(code));
            total += *width;
        }
        return total;
    }

    void flush() {
        close_array();  // libharu's operators may not go inside an array
        content_.flush();
    }

    HPDF_Page page_;
    const FontHandles& fonts_;
    ContentStream& content_;
    std::u32string codes_;  // the current run's drawable code points, reused across runs
    bool in_text_ = false;
    HPDF_Font current_font_ = nullptr;
    double current_size_ = 0;
    double current_scale_ = 1.0;
    std::int64_t origin_x_ = 0;  // where the current line's Td put the text line matrix
    std::int64_t origin_y_ = 0;
    bool in_array_ = false;     // a TJ array is open for the line at origin_y_
    double pen_x_ = 0;          // where the reader's pen stands after the last string, in points
    HPDF_Font widths_font_ = nullptr;
    // widths_font_'s widths per code point drawn: a table for Latin, Greek and Cyrillic (looked up
    // for every character of a book), a map for the rest.
    static constexpr HPDF_INT unknown_width = -1;
    std::vector<HPDF_INT> common_widths_ = std::vector<HPDF_INT>(0x800, unknown_width);
    std::unordered_map<char32_t, HPDF_INT> other_widths_;
};

void draw_rule(HPDF_Page page, const layout::Rule& rule) {
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(rule.width_pt));
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(rule.x1_pt), static_cast<HPDF_REAL>(rule.y1_pt));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(rule.x2_pt), static_cast<HPDF_REAL>(rule.y2_pt));
    HPDF_Page_Stroke(page);
}

}  // namespace

HPDF_Page draw_page(HaruDocument& document, const layout::Page& frame, const FontHandles& fonts, ImageCache& images,
                    std::string* content_bytes) {
    HPDF_Page page = HPDF_AddPage(document.handle());
    document.check("adding a page");
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(frame.width_pt));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(frame.height_pt));

    ContentStream content(page);
    TextWriter text(page, fonts, content);
    for (const layout::PageItem& item : frame.items) {
        if (const auto* run = std::get_if<layout::GlyphRun>(&item)) {
            text.draw(*run);
        } else if (const auto* rule = std::get_if<layout::Rule>(&item)) {
            text.finish();  // path operators are not allowed inside a text object
            draw_rule(page, *rule);
        } else if (const auto* image = std::get_if<layout::ImageBox>(&item)) {
            text.finish();  // so is an image
            draw_image(document, page, *image, images);
        }
        // Links and destinations are not drawn; page_links.cpp places them.
    }
    text.finish();
    document.check("drawing page " + frame.label);
    std::string bytes = content.release();
    if (content_bytes != nullptr) {
        *content_bytes = std::move(bytes);
    } else {
        const auto attributes = static_cast<HPDF_PageAttr>(page->attr);
        HPDF_Stream_Write(attributes->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                          static_cast<HPDF_UINT>(bytes.size()));
        document.check("writing page " + frame.label);
    }
    return page;
}

HPDF_Page draw_page(HaruDocument& document, const layout::Page& frame, const FontHandles& fonts) {
    ImageCache images;
    return draw_page(document, frame, fonts, images);
}

}  // namespace pamphlet::pdf
