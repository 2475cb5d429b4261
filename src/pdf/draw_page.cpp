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
// (keeps content streams small). All of it is written by ContentStream: the fonts are
// pamphlet's (page_fonts.hpp), and finish_pdf lists them in every page's resources.
class TextWriter {
public:
    TextWriter(const DocumentFonts& fonts, ContentStream& content) : fonts_(fonts), content_(content) {}

    void draw(const layout::GlyphRun& run) {
        codes_.clear();
        append_drawable_codes(run.text, codes_);
        if (codes_.empty()) return;
        const auto found = fonts_.font_of_face.find(run.face);
        if (found == fonts_.font_of_face.end()) throw std::logic_error("glyph run in a face that was not loaded");
        const PdfFont& font = fonts_.fonts[found->second];
        if (!in_text_) {
            content_.begin_text();
            in_text_ = true;
            origin_x_ = 0;  // BT resets the text line matrix
            origin_y_ = 0;
            current_font_ = nullptr;  // and a new text object restates the font
        }
        // The size and scaling as written (thousandths), so the pen below moves as a reader's.
        const std::int64_t size = round_half_away(run.size_pt * 1000.0);
        if (&font != current_font_ || size != current_size_) {
            close_array();
            content_.select_font(font.resource, size);
            current_font_ = &font;
            current_size_ = size;
        }
        const std::int64_t scale = round_half_away(run.horizontal_scale * 100000.0);
        if (scale != current_scale_) {
            close_array();
            content_.set_horizontal_scaling(scale);
            current_scale_ = scale;
        }
        const std::int64_t x = hundredths(run.x_pt);
        const std::int64_t y = hundredths(run.y_pt);
        const double size_times_scale = static_cast<double>(size) / 1000.0 * static_cast<double>(scale) / 100000.0;
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
        pen_x_ += static_cast<double>(advance(font)) * size_times_scale / 1000.0;
    }

    // Ends the text object, if one is open.
    void finish() {
        close_array();
        if (in_text_) content_.end_text();
        in_text_ = false;
    }

private:
    void close_array() {
        if (in_array_) content_.close_array();
        in_array_ = false;
    }

    // The codes' advance in thousandths of the font size, as a reader computes it from the
    // font's /W array. Every drawn code is in the font's table (prepare_fonts saw all runs).
    std::int64_t advance(const PdfFont& font) const {
        std::int64_t total = 0;
        const std::size_t known = font.width_of_cid.size();
        for (const char32_t code : codes_) {
            if (code >= known) throw std::logic_error("a character drawn in a font that was not prepared for it");
            total += font.width_of_cid[code];
        }
        return total;
    }

    const DocumentFonts& fonts_;
    ContentStream& content_;
    std::u32string codes_;  // the current run's drawable code points, reused across runs
    bool in_text_ = false;
    const PdfFont* current_font_ = nullptr;
    std::int64_t current_size_ = 0;        // thousandths of a point
    std::int64_t current_scale_ = 100000;  // thousandths of a percent
    std::int64_t origin_x_ = 0;  // where the current line's Td put the text line matrix
    std::int64_t origin_y_ = 0;
    bool in_array_ = false;     // a TJ array is open for the line at origin_y_
    double pen_x_ = 0;          // where the reader's pen stands after the last string, in points
};

void draw_rule(HPDF_Page page, const layout::Rule& rule) {
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(rule.width_pt));
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(rule.x1_pt), static_cast<HPDF_REAL>(rule.y1_pt));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(rule.x2_pt), static_cast<HPDF_REAL>(rule.y2_pt));
    HPDF_Page_Stroke(page);
}

}  // namespace

HPDF_Page draw_page(HaruDocument& document, const layout::Page& frame, const DocumentFonts& fonts,
                    ImageCache& images, std::string* content_bytes) {
    HPDF_Page page = HPDF_AddPage(document.handle());
    document.check("adding a page");
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(frame.width_pt));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(frame.height_pt));

    ContentStream content(page);
    TextWriter text(fonts, content);
    for (const layout::PageItem& item : frame.items) {
        if (const auto* run = std::get_if<layout::GlyphRun>(&item)) {
            text.draw(*run);
        } else if (const auto* rule = std::get_if<layout::Rule>(&item)) {
            text.finish();  // path operators are not allowed inside a text object
            content.flush();  // libharu's operators follow ours
            draw_rule(page, *rule);
        } else if (const auto* image = std::get_if<layout::ImageBox>(&item)) {
            text.finish();  // so is an image
            content.flush();
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

}  // namespace pamphlet::pdf
