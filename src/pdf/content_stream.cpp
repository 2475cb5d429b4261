#include "pdf/content_stream.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <utility>

namespace pamphlet::pdf {

void ContentStream::append_number(std::int64_t value, int decimals) {
    // Shortest form: PDF readers accept "12.5", "-3" or "0.07" alike as reals.
    std::uint64_t scale = 1;
    for (int d = 0; d < decimals; ++d) scale *= 10;
    if (value < 0) buffer_.push_back('-');
    const std::uint64_t magnitude = static_cast<std::uint64_t>(value < 0 ? -value : value);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, magnitude / scale).ptr;
    buffer_.append(digits, end);
    std::uint64_t fraction = magnitude % scale;
    if (fraction == 0) return;
    buffer_.push_back('.');
    for (std::uint64_t place = scale / 10; fraction != 0; place /= 10) {
        buffer_.push_back(static_cast<char>('0' + fraction / place));
        fraction %= place;
    }
}

void ContentStream::select_font(std::string_view resource, std::int64_t size_thousandths) {
    buffer_.push_back('/');
    buffer_.append(resource);
    buffer_.push_back(' ');
    append_number(size_thousandths, 3);
    buffer_.append(" Tf\n");
}

void ContentStream::set_horizontal_scaling(std::int64_t percent_thousandths) {
    append_number(percent_thousandths, 3);
    buffer_.append(" Tz\n");
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

namespace {

// One byte of a literal string: the delimiters and the backslash are escaped, and so is a
// carriage return, which a reader would otherwise read as an end of line (turning CR LF into one
// byte). Every other byte stands for itself.
char* put_string_byte(char* out, unsigned char byte) {
    if (byte == '(' || byte == ')' || byte == '\\') {
        *out++ = '\\';
    } else if (byte == '\r') {
        *out++ = '\\';
        byte = 'r';
    }
    *out++ = static_cast<char>(byte);
    return out;
}

}  // namespace

void ContentStream::show_in_array(std::u32string_view codes) {
    // Sized for the worst case (both bytes escaped) and filled through a pointer: this runs for
    // every word of a book.
    const std::size_t at = buffer_.size();
    buffer_.resize(at + 2 + 4 * codes.size());
    char* const start = buffer_.data() + at;
    char* out = start;
    *out++ = '(';
    for (const char32_t code : codes) {
        out = put_string_byte(out, static_cast<unsigned char>(code >> 8));
        out = put_string_byte(out, static_cast<unsigned char>(code & 0xFF));
    }
    *out++ = ')';
    buffer_.resize(at + static_cast<std::size_t>(out - start));
}

void ContentStream::take_haru_output() {
    // libharu's page stream is a memory stream: a list of equal-sized chunks, the last partly
    // filled. Only libharu's own operators land there, a few bytes per call.
    const HPDF_Stream stream = static_cast<HPDF_PageAttr>(page_->attr)->stream;
    std::size_t left = stream->size;
    if (left == 0) return;
    const std::size_t chunk = HPDF_MemStream_GetBufSize(stream);
    for (HPDF_UINT index = 0; left > 0; ++index) {
        HPDF_UINT length = 0;
        const HPDF_BYTE* bytes = HPDF_MemStream_GetBufPtr(stream, index, &length);
        if (bytes == nullptr) throw std::runtime_error("cannot read libharu's page stream");
        const std::size_t taken = std::min(left, chunk);
        page_bytes_.append(reinterpret_cast<const char*>(bytes), taken);
        left -= taken;
    }
    HPDF_MemStream_FreeData(stream);
}

void ContentStream::flush() {
    take_haru_output();
    page_bytes_.append(buffer_);
    buffer_.clear();
}

std::string ContentStream::release() {
    flush();
    return std::exchange(page_bytes_, {});
}

}  // namespace pamphlet::pdf
