#include "pdf/draw_page.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "layout/shaping.hpp"

namespace pamphlet::pdf {
namespace {

// The run's text with what libharu cannot draw left out (see is_drawable), re-encoded as UTF-8.
std::string drawable_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const layout::DecodedCharacter& character : layout::decode_utf8(text))
        if (is_drawable(character.code)) layout::append_utf8(out, character.code);
    return out;
}

// Positions rounded to 1/100 pt (1/7200 in): far below what print or screen can show, and
// shorter numbers in the content streams.
double hundredths(double value) { return std::round(value * 100.0) / 100.0; }

// Draws glyph runs inside one text object, setting font, size and scaling only when they change
// (keeps content streams small).
class TextWriter {
public:
    TextWriter(HPDF_Page page, const FontHandles& fonts) : page_(page), fonts_(fonts) {}

    void draw(const layout::GlyphRun& run) {
        const std::string text = drawable_text(run.text);
        if (text.empty()) return;
        const auto font = fonts_.find(run.face);
        if (font == fonts_.end()) throw std::logic_error("glyph run in a face that was not loaded");
        if (!in_text_) {
            HPDF_Page_BeginText(page_);
            in_text_ = true;
            origin_x_ = 0;  // BT resets the text line matrix
            origin_y_ = 0;
        }
        if (font->second != current_font_ || run.size_pt != current_size_) {
            HPDF_Page_SetFontAndSize(page_, font->second, static_cast<HPDF_REAL>(run.size_pt));
            current_font_ = font->second;
            current_size_ = run.size_pt;
        }
        if (run.horizontal_scale != current_scale_) {
            HPDF_Page_SetHorizontalScalling(page_, static_cast<HPDF_REAL>(run.horizontal_scale * 100.0));
            current_scale_ = run.horizontal_scale;
        }
        // Relative moves (Td) from the previous run's origin: a third of the bytes of a full
        // text matrix per word, and content streams dominate a pamphlet's size.
        const double x = hundredths(run.x_pt);
        const double y = hundredths(run.y_pt);
        HPDF_Page_MoveTextPos(page_, static_cast<HPDF_REAL>(x - origin_x_), static_cast<HPDF_REAL>(y - origin_y_));
        origin_x_ = x;
        origin_y_ = y;
        HPDF_Page_ShowText(page_, text.c_str());
    }

    void finish() {
        if (in_text_) HPDF_Page_EndText(page_);
        in_text_ = false;
    }

private:
    HPDF_Page page_;
    const FontHandles& fonts_;
    bool in_text_ = false;
    HPDF_Font current_font_ = nullptr;
    double current_size_ = 0;
    double current_scale_ = 1.0;
    double origin_x_ = 0;
    double origin_y_ = 0;
};

void draw_rule(HPDF_Page page, const layout::Rule& rule) {
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(rule.width_pt));
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(rule.x1_pt), static_cast<HPDF_REAL>(rule.y1_pt));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(rule.x2_pt), static_cast<HPDF_REAL>(rule.y2_pt));
    HPDF_Page_Stroke(page);
}

}  // namespace

HPDF_Page draw_page(HaruDocument& document, const layout::Page& frame, const FontHandles& fonts, ImageCache& images) {
    HPDF_Page page = HPDF_AddPage(document.handle());
    document.check("adding a page");
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(frame.width_pt));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(frame.height_pt));

    TextWriter text(page, fonts);
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
    return page;
}

HPDF_Page draw_page(HaruDocument& document, const layout::Page& frame, const FontHandles& fonts) {
    ImageCache images;
    return draw_page(document, frame, fonts, images);
}

}  // namespace pamphlet::pdf
