#include "readers/word_list.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <span>
#include <cstring>
#include <vector>

#include "model/text.hpp"

namespace pamphlet::readers {

namespace format = word_list_format;

namespace {

// hunspell refuses words this long (MAXWORDUTF8LEN); the list holds none, the run asks hunspell.
constexpr std::size_t longest_decided = 99;

bool same_file(const std::filesystem::path& path, std::uint64_t size, std::int64_t mtime_ns) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return false;
    const std::int64_t mtime = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
    return static_cast<std::uint64_t>(info.st_size) == size && mtime == mtime_ns;
}

// Strict UTF-8 decoding into `out` (room for text.size() characters); false on a malformed
// sequence (such a word is left to hunspell).
bool decode(std::string_view text, std::uint32_t* out, std::size_t& count) {
    count = 0;
    for (std::size_t i = 0; i < text.size();) {
        char32_t code = 0;
        const std::size_t length = model::decode_utf8(text, i, code);
        if (length == 0) return false;
        out[count++] = code;
        i += length;
    }
    return true;
}

void encode(std::uint32_t c, std::string& out) { model::append_utf8(out, c); }

}  // namespace

std::unique_ptr<const WordList> WordList::open(const std::filesystem::path& list, const std::filesystem::path& aff,
                                               const std::filesystem::path& dic) {
    const int descriptor = ::open(list.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return nullptr;
    struct stat info {};
    void* address = MAP_FAILED;
    if (::fstat(descriptor, &info) == 0 && static_cast<std::size_t>(info.st_size) >= sizeof(format::Header))
        address = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0);
    ::close(descriptor);  // the mapping stays valid
    if (address == MAP_FAILED) return nullptr;
    std::unique_ptr<WordList> mapped(new WordList(address, static_cast<std::size_t>(info.st_size)));
    if (!mapped->index()) return nullptr;
    const format::Header& header = *mapped->header_;
    if (header.refused != 0 || !same_file(aff, header.aff_size, header.aff_mtime_ns) ||
        !same_file(dic, header.dic_size, header.dic_mtime_ns))
        return nullptr;
    return mapped;
}

WordList::WordList(void* address, std::size_t length) : address_(address), length_(length) {}

WordList::~WordList() { ::munmap(address_, length_); }

// Checks that the sections the header announces fit the file exactly, then points at them. (The
// words themselves are not checked: the file is the generator's, written whole or not at all.)
bool WordList::index() {
    const auto* bytes = static_cast<const char*>(address_);
    const auto* header = reinterpret_cast<const format::Header*>(bytes);
    if (std::memcmp(header->magic, format::magic, sizeof format::magic) != 0) return false;
    const std::uint64_t needed = sizeof(format::Header) + std::uint64_t{header->letter_count} * sizeof(format::Letter) +
                                 std::uint64_t{header->live_count} * sizeof(std::uint32_t) +
                                 std::uint64_t{header->convert_count} * sizeof(format::Convert) +
                                 (std::uint64_t{header->word_count} + 1) * sizeof(std::uint32_t) + header->text_size;
    if (needed != length_) return false;
    header_ = header;
    letters_ = reinterpret_cast<const format::Letter*>(bytes + sizeof(format::Header));
    live_ = reinterpret_cast<const std::uint32_t*>(letters_ + header->letter_count);
    converts_ = reinterpret_cast<const format::Convert*>(live_ + header->live_count);
    offsets_ = reinterpret_cast<const std::uint32_t*>(converts_ + header->convert_count);
    text_ = reinterpret_cast<const char*>(offsets_ + header->word_count + 1);
    for (std::uint32_t code = 0; code < ascii_.size(); ++code) ascii_[code] = search_letter(code);
    return offsets_[header->word_count] == header->text_size;
}

const format::Letter* WordList::letter(std::uint32_t code) const {
    return code < ascii_.size() ? ascii_[code] : search_letter(code);
}

const format::Letter* WordList::search_letter(std::uint32_t code) const {
    const format::Letter* end = letters_ + header_->letter_count;
    const format::Letter* found =
        std::lower_bound(letters_, end, code, [](const format::Letter& l, std::uint32_t c) { return l.code < c; });
    return found != end && found->code == code ? found : nullptr;
}

bool WordList::contains(std::string_view word) const {
    std::size_t low = 0, high = header_->word_count;
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        const std::string_view entry(text_ + offsets_[middle], offsets_[middle + 1] - offsets_[middle]);
        const int order = entry.compare(word);
        if (order == 0) return true;
        if (order < 0) low = middle + 1;
        else high = middle;
    }
    return false;
}

std::optional<bool> WordList::spell(std::string_view word) const {
    if (word.size() > longest_decided) return std::nullopt;
    // At most 99 bytes, so at most 99 characters: decoded on the stack, nothing allocated.
    std::array<std::uint32_t, longest_decided> buffer{};
    std::size_t count = 0;
    if (!decode(word, buffer.data(), count)) return std::nullopt;
    const std::span<const std::uint32_t> codes(buffer.data(), count);
    std::string converted;
    converted.reserve(word.size());
    bool dead = false, undecided = false;
    for (std::uint32_t code : codes) {
        for (std::uint32_t i = 0; i < header_->convert_count; ++i)
            if (converts_[i].from == code) code = converts_[i].to;  // ICONV (one character each)
        // Beyond 16 bits hunspell's own decoding differs; its dotted capital I rule is not listed.
        if (code > 0xFFFF || code == 0x130) return std::nullopt;
        if (code != '-' && letter(code) == nullptr) {
            if (std::binary_search(live_, live_ + header_->live_count, code)) undecided = true;
            else dead = true;
        }
        encode(code, converted);
    }
    if (dead) return false;
    if (undecided) return std::nullopt;
    return decide(converted);
}

// hunspell's spell() on a word of the list's alphabet and hyphens: a listed word, or else its
// default BREAK recursion ("-", "^-", "-$") over the pieces (hunspell.cxx, spell_internal).
bool WordList::decide(const std::string& word) const {
    if (word.empty()) return true;  // hunspell accepts what cleaning leaves empty
    if (contains(word)) return true;
    const std::string scw = break_form(word);
    const std::size_t wl = scw.size();
    if (std::count(scw.begin(), scw.end(), '-') >= 10) return false;
    // boundary patterns: "^-" and "-$" (the single "-" is skipped there)
    if (wl >= 2 && scw.front() == '-' && decide(scw.substr(1))) return true;
    if (wl >= 2 && scw.back() == '-' && decide(scw.substr(0, wl - 1))) return true;
    // "-" inside the word: at its second occurrence if that is inside too, then at the first
    std::size_t found = scw.find('-');
    if (found != std::string::npos && found > 0 && found < wl - 1) {
        std::size_t at = found;
        const std::size_t second = scw.find('-', found + 1);
        if (second != std::string::npos && second < wl - 1) at = second;
        if (decide(scw.substr(at + 1)) && decide(scw.substr(0, at))) return true;
        if (decide(scw.substr(found + 1)) && decide(scw.substr(0, found))) return true;
    }
    return false;
}

// The form hunspell breaks: ALLCAPS and Initcap words are first lowered and Initcapped by its
// capitalisation checks (get_captype_utf8, mkallsmall2, mkinitcap2), other words stay as they are.
std::string WordList::break_form(const std::string& word) const {
    std::vector<std::uint32_t> codes(word.size());
    std::size_t count = 0;
    decode(word, codes.data(), count);
    codes.resize(count);
    std::size_t capitals = 0, neutral = 0;
    const auto lower = [&](std::uint32_t c) {
        const format::Letter* l = letter(c);
        return l != nullptr ? l->lower : c;
    };
    const auto upper = [&](std::uint32_t c) {
        const format::Letter* l = letter(c);
        return l != nullptr ? l->upper : c;
    };
    for (const std::uint32_t c : codes) {
        if (lower(c) != c) ++capitals;
        if (upper(c) == lower(c)) ++neutral;
    }
    const bool first_capital = capitals > 0 && lower(codes[0]) != codes[0];
    const bool initcap = capitals == 1 && first_capital;
    const bool allcaps = capitals > 0 && !initcap && (capitals == codes.size() || capitals + neutral == codes.size());
    if (!initcap && !allcaps) return word;
    // The list's letters map both ways (the generator keeps only those), so upper(lower(c)) of a
    // capital is itself: the first letter stays a capital, a small one is raised.
    std::string out;
    for (std::size_t i = 0; i < codes.size(); ++i)
        encode(i > 0 ? lower(codes[i]) : lower(codes[i]) != codes[i] ? codes[i] : upper(codes[i]), out);
    return out;
}

}  // namespace pamphlet::readers
