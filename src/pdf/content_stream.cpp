#include "pdf/content_stream.hpp"

#include <charconv>

namespace pamphlet::pdf {

void ContentStream::append_number(std::int64_t hundredths) {
    // Shortest form: "12.5", "-3", "0.07"; PDF readers accept any of these as reals.
    if (hundredths < 0) buffer_.push_back('-');
    const std::uint64_t magnitude = static_cast<std::uint64_t>(hundredths < 0 ? -hundredths : hundredths);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, magnitude / 100).ptr;
    buffer_.append(digits, end);
    const unsigned fraction = static_cast<unsigned>(magnitude % 100);
    if (fraction == 0) return;
    buffer_.push_back('.');
    buffer_.push_back(static_cast<char>('0' + fraction / 10));
    if (fraction % 10 != 0) buffer_.push_back(static_cast<char>('0' + fraction % 10));
}

void ContentStream::move_text(std::int64_t dx_hundredths, std::int64_t dy_hundredths) {
    append_number(dx_hundredths);
    buffer_.push_back(' ');
    append_number(dy_hundredths);
    buffer_.append(" Td\n");
}

void ContentStream::adjust_in_array(std::int64_t thousandths) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, thousandths).ptr;
    buffer_.append(digits, end);
}

void ContentStream::show_in_array(std::u32string_view codes) {
    // Sized once and filled through a pointer: this runs for every word of a book.
    static constexpr char hex[] = "0123456789ABCDEF";
    const std::size_t at = buffer_.size();
    buffer_.resize(at + 2 + 4 * codes.size());
    char* out = buffer_.data() + at;
    *out++ = '<';
    for (const char32_t code : codes) {
        *out++ = hex[(code >> 12) & 0xF];
        *out++ = hex[(code >> 8) & 0xF];
        *out++ = hex[(code >> 4) & 0xF];
        *out++ = hex[code & 0xF];
    }
    *out = '>';
}

bool ContentStream::flush() {
    if (buffer_.empty()) return true;
    const auto attributes = static_cast<HPDF_PageAttr>(page_->attr);
    const HPDF_STATUS status = HPDF_Stream_Write(attributes->stream, reinterpret_cast<const HPDF_BYTE*>(buffer_.data()),
                                                 static_cast<HPDF_UINT>(buffer_.size()));
    buffer_.clear();
    return status == HPDF_OK;
}

}  // namespace pamphlet::pdf
