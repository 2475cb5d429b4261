#include "layout/hyphenation_image.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pamphlet::layout {

namespace {

// The image, every integer in the host's byte order:
//
//   Header
//   LevelRecord levels[level_count]             the first level first; each is the one before's nextlevel
//   StateRecord states[state_count]             every level's states, level after level
//   HyphenTrans transitions[transition_count]   every state's transitions in state order, used in place
//   char        strings[string_size]            NUL-terminated match and replacement strings and
//                                               NOHYPHEN lists; the last byte is a NUL
//
// Sizes are multiples of 4, so the transitions are aligned for HyphenTrans in a mapped file.
constexpr char magic[8] = {'P', 'A', 'M', 'H', 'Y', 'P', 'H', '\n'};
constexpr std::uint32_t format_version = 1;
constexpr std::uint32_t no_string = std::numeric_limits<std::uint32_t>::max();

struct Header {
    char magic[8];
    std::uint32_t version;
    std::uint32_t level_count;
    std::uint64_t source_size;
    std::int64_t source_mtime_ns;
    std::uint64_t checksum;  // of every byte after the header
    std::uint32_t state_count;
    std::uint32_t transition_count;
    std::uint32_t string_size;
    std::uint32_t transition_size;  // the writer's sizeof(HyphenTrans)
};

struct LevelRecord {
    std::uint32_t state_count;
    std::int32_t nohyphen_count;  // HyphenDict::nohyphenl, one less than the entries
    std::uint32_t nohyphen;       // offset of the entries in the strings, or no_string
    std::uint32_t nohyphen_size;  // their bytes, NULs included
    std::int32_t utf8;
    char lhmin;
    char rhmin;
    char clhmin;
    char crhmin;
    char cset[MAX_NAME];
    char padding[4];
};

struct StateRecord {
    std::uint32_t match;  // offset into the strings, or no_string
    std::uint32_t repl;   // the same
    std::int32_t fallback_state;
    std::int32_t num_trans;  // the state's transitions follow those of the states before it
    std::int8_t replindex;
    std::int8_t replcut;
    char padding[2];
};

// Every byte of a record is a named field or explicit padding, so images are reproducible and
// the checksum covers nothing uninitialised.
static_assert(sizeof(Header) == 56 && sizeof(LevelRecord) == 48 && sizeof(StateRecord) == 20);
static_assert(sizeof(Header) % alignof(HyphenTrans) == 0 && sizeof(LevelRecord) % alignof(HyphenTrans) == 0 &&
              sizeof(StateRecord) % alignof(HyphenTrans) == 0);

struct Layout {
    std::uint64_t levels;
    std::uint64_t states;
    std::uint64_t transitions;
    std::uint64_t strings;
    std::uint64_t size;
};

// Where the sections start for the header's counts (64-bit: no count can overflow it).
Layout layout_of(const Header& header) {
    Layout layout{};
    layout.levels = sizeof(Header);
    layout.states = layout.levels + std::uint64_t{header.level_count} * sizeof(LevelRecord);
    layout.transitions = layout.states + std::uint64_t{header.state_count} * sizeof(StateRecord);
    layout.strings = layout.transitions + std::uint64_t{header.transition_count} * sizeof(HyphenTrans);
    layout.size = layout.strings + header.string_size;
    return layout;
}

// A checksum of the image after its header, so that any damage the structural checks cannot see
// (a changed letter, priority or state number) rejects the image. Each step is a bijection of its
// lane, so a change confined to one 8-byte word always shows; the rotation carries high bits down,
// so that changes to several words are not left to cancel in the top bits; four lanes let the
// multiplications overlap (half an instruction a byte: 4 M for the German image).
constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15u;

std::uint64_t mix(std::uint64_t state, std::uint64_t word) { return std::rotl((state ^ word) * multiplier, 29); }

std::uint64_t word_at(const std::byte* bytes, std::size_t length = 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, length);
    return word;
}

std::uint64_t checksum(std::span<const std::byte> bytes) {
    std::uint64_t lanes[4] = {1, 2, 3, 4};
    const std::byte* data = bytes.data();
    const std::size_t size = bytes.size();
    std::size_t at = 0;
    for (; at + 32 <= size; at += 32) {
        lanes[0] = mix(lanes[0], word_at(data + at));
        lanes[1] = mix(lanes[1], word_at(data + at + 8));
        lanes[2] = mix(lanes[2], word_at(data + at + 16));
        lanes[3] = mix(lanes[3], word_at(data + at + 24));
    }
    for (; at + 8 <= size; at += 8) lanes[0] = mix(lanes[0], word_at(data + at));
    if (at < size) lanes[1] = mix(lanes[1], word_at(data + at, size - at));
    std::uint64_t sum = size;
    for (std::uint64_t lane : lanes) sum = mix(sum, lane);
    return sum;
}

// ---- writing ----

// The bytes of a NOHYPHEN list as libhyphen reads them: nohyphenl + 1 NUL-terminated entries.
std::string_view nohyphen_bytes(const HyphenDict& level) {
    std::size_t size = 0;
    for (int entry = 0; entry <= level.nohyphenl; ++entry) size += std::strlen(level.nohyphen + size) + 1;
    return {level.nohyphen, size};
}

std::uint32_t checked_u32(std::size_t value) {
    if (value >= no_string) throw std::length_error("hyphenation dictionary too large for an image");
    return static_cast<std::uint32_t>(value);
}

// The string section. Match strings repeat a lot ("1", "2", "001"...), so each distinct one is
// stored once.
class StringTable {
public:
    std::uint32_t add(const char* text) {
        if (text == nullptr) return no_string;
        const std::string_view key(text, std::strlen(text) + 1);
        auto [found, added] = offsets_.try_emplace(key, 0);
        if (added) found->second = append(key);
        return found->second;
    }

    // Bytes kept apart from the shared strings (a NOHYPHEN list holds NULs of its own). Never
    // empty, so the offset is a valid address even for an empty list.
    std::uint32_t add_block(std::string_view bytes) {
        return append(bytes.empty() ? std::string_view("", 1) : bytes);
    }

    const std::string& bytes() const { return bytes_; }

private:
    std::uint32_t append(std::string_view bytes) {
        const std::uint32_t offset = checked_u32(bytes_.size());
        bytes_.append(bytes);
        checked_u32(bytes_.size());
        return offset;
    }

    std::string bytes_;
    std::unordered_map<std::string_view, std::uint32_t> offsets_;  // views of the dictionary's strings
};

LevelRecord level_record(const HyphenDict& level, StringTable& strings) {
    LevelRecord record{};
    record.state_count = checked_u32(static_cast<std::size_t>(level.num_states));
    record.nohyphen_count = level.nohyphenl;
    record.nohyphen = no_string;
    if (level.nohyphen != nullptr) {
        const std::string_view entries = nohyphen_bytes(level);
        record.nohyphen = strings.add_block(entries);
        record.nohyphen_size = checked_u32(entries.size());
    }
    record.utf8 = level.utf8;
    record.lhmin = level.lhmin;
    record.rhmin = level.rhmin;
    record.clhmin = level.clhmin;
    record.crhmin = level.crhmin;
    std::memcpy(record.cset, level.cset, sizeof record.cset);
    return record;
}

StateRecord state_record(const HyphenState& state, StringTable& strings) {
    StateRecord record{};
    record.match = strings.add(state.match);
    record.repl = strings.add(state.repl);
    record.fallback_state = state.fallback_state;
    record.num_trans = state.num_trans;
    record.replindex = state.replindex;
    record.replcut = state.replcut;
    return record;
}

template <typename Record>
void put(std::vector<std::byte>& out, std::uint64_t offset, const Record& record) {
    std::memcpy(out.data() + offset, &record, sizeof record);
}

// One transition, field by field, so that its padding bytes stay zero.
void put_transition(std::vector<std::byte>& out, std::uint64_t offset, const HyphenTrans& transition) {
    std::memcpy(out.data() + offset + offsetof(HyphenTrans, ch), &transition.ch, sizeof transition.ch);
    std::memcpy(out.data() + offset + offsetof(HyphenTrans, new_state), &transition.new_state,
                sizeof transition.new_state);
}

// ---- reading ----

// The image's bytes, kept for as long as a dictionary points into them.
class ImageBytes {
public:
    // The file mapped read-only: libhyphen only ever reads the strings and transitions it is given.
    static std::unique_ptr<ImageBytes> map(const std::filesystem::path& file) {
        const int descriptor = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (descriptor < 0) return nullptr;
        struct stat info {};
        void* address = MAP_FAILED;
        const bool fits = ::fstat(descriptor, &info) == 0 && info.st_size >= static_cast<off_t>(sizeof(Header));
        // Populated at once: the checksum reads every page anyway, and one call beats a fault per page.
        if (fits)
            address = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE,
                             descriptor, 0);
        ::close(descriptor);  // the mapping stays valid
        if (address == MAP_FAILED) return nullptr;
        return std::unique_ptr<ImageBytes>(
            new ImageBytes(static_cast<const std::byte*>(address), static_cast<std::size_t>(info.st_size), nullptr));
    }

    // A copy of exactly `bytes` (an exact allocation, so the sanitizers see any read past its end).
    static std::unique_ptr<ImageBytes> copy(std::span<const std::byte> bytes) {
        std::unique_ptr<std::byte[]> buffer(new std::byte[bytes.size()]);
        if (!bytes.empty()) std::memcpy(buffer.get(), bytes.data(), bytes.size());
        const std::byte* data = buffer.get();
        return std::unique_ptr<ImageBytes>(new ImageBytes(data, bytes.size(), std::move(buffer)));
    }

    ~ImageBytes() {
        if (!buffer_) ::munmap(const_cast<std::byte*>(data_), size_);
    }
    ImageBytes(const ImageBytes&) = delete;
    ImageBytes& operator=(const ImageBytes&) = delete;

    std::span<const std::byte> bytes() const { return {data_, size_}; }

private:
    ImageBytes(const std::byte* data, std::size_t size, std::unique_ptr<std::byte[]> buffer)
        : data_(data), size_(size), buffer_(std::move(buffer)) {}

    const std::byte* data_;
    std::size_t size_;
    std::unique_ptr<std::byte[]> buffer_;  // null: data_ is a mapping
};

// Everything a dictionary made from an image consists of: three blocks, however many states.
struct ImageDictionary {
    std::unique_ptr<ImageBytes> image;
    std::vector<HyphenDict> levels;
    std::unique_ptr<HyphenState[]> states;
};

template <typename Value>
Value load(const std::byte* at) {
    Value value;
    std::memcpy(&value, at, sizeof value);
    return value;
}

// The sections of an image whose header has been checked against its length.
struct Sections {
    Sections(const Header& header, std::span<const std::byte> bytes) {
        const Layout layout = layout_of(header);
        levels = bytes.data() + layout.levels;
        states = bytes.data() + layout.states;
        transitions = reinterpret_cast<const HyphenTrans*>(bytes.data() + layout.transitions);
        strings = reinterpret_cast<const char*>(bytes.data() + layout.strings);
        level_count = header.level_count;
        state_count = header.state_count;
        transition_count = header.transition_count;
        string_size = header.string_size;
    }

    const std::byte* levels;
    const std::byte* states;
    const HyphenTrans* transitions;
    const char* strings;
    std::uint32_t level_count;
    std::uint32_t state_count;
    std::uint32_t transition_count;
    std::uint32_t string_size;
};

// An offset is valid inside the strings, or as no_string, which the addition wraps to 0. (The
// strings end with a NUL, so every valid offset starts a terminated string.)
bool valid_string(std::uint32_t offset, std::uint32_t string_size) { return offset + 1u <= string_size; }

// libhyphen's pointers are not const, but it only reads through them.
char* string_at(const char* strings, std::uint32_t offset) {
    return offset == no_string ? nullptr : const_cast<char*>(strings + offset);
}

// libhyphen walks nohyphenl + 1 NUL-terminated entries; they must all end inside the list.
bool valid_nohyphen(const LevelRecord& record, const Sections& image) {
    if (record.nohyphen == no_string) return true;
    if (record.nohyphen >= image.string_size || record.nohyphen_size > image.string_size - record.nohyphen) return false;
    const char* entry = image.strings + record.nohyphen;
    const char* end = entry + record.nohyphen_size;
    for (std::int64_t i = 0; i <= std::int64_t{record.nohyphen_count}; ++i) {
        const void* terminator = std::memchr(entry, '\0', static_cast<std::size_t>(end - entry));
        if (terminator == nullptr) return false;
        entry = static_cast<const char*>(terminator) + 1;
    }
    return true;
}

// Checks and copies `count` state records from `first` on; `transitions_used` counts the
// transitions the states before took. Everything the loop needs is a local: the stores into the
// states' signed char fields may alias anything, and members would be reloaded after each one.
bool read_states(const Sections& image, std::uint32_t first, std::uint32_t count, std::uint64_t& transitions_used,
                 HyphenState* out) {
    const std::byte* record = image.states + std::uint64_t{first} * sizeof(StateRecord);
    const char* strings = image.strings;
    const std::uint32_t string_size = image.string_size;
    const std::uint64_t available = image.transition_count;
    std::uint64_t used = transitions_used;
    for (std::uint32_t i = 0; i < count; ++i, record += sizeof(StateRecord)) {
        const auto match = load<std::uint32_t>(record + offsetof(StateRecord, match));
        const auto repl = load<std::uint32_t>(record + offsetof(StateRecord, repl));
        const auto fallback = load<std::int32_t>(record + offsetof(StateRecord, fallback_state));
        const auto transitions = load<std::int32_t>(record + offsetof(StateRecord, num_trans));
        if (!valid_string(match, string_size) || !valid_string(repl, string_size)) return false;
        // -1 (none) to count - 1; the addition wraps -1 to 0 and makes anything below it huge.
        if (static_cast<std::uint32_t>(fallback) + 1u > count) return false;
        // A negative count turns huge too.
        if (transitions < 0 || used + static_cast<std::uint32_t>(transitions) > available) return false;
        HyphenState& state = out[i];
        state.match = string_at(strings, match);
        state.repl = string_at(strings, repl);
        state.replindex = load<std::int8_t>(record + offsetof(StateRecord, replindex));
        state.replcut = load<std::int8_t>(record + offsetof(StateRecord, replcut));
        state.fallback_state = fallback;
        state.num_trans = transitions;
        state.trans = transitions == 0 ? nullptr : const_cast<HyphenTrans*>(image.transitions + used);
        used += static_cast<std::uint32_t>(transitions);
    }
    transitions_used = used;
    return true;
}

// Every transition of a level must lead to one of the level's states.
bool valid_transitions(const HyphenTrans* begin, const HyphenTrans* end, std::uint32_t states) {
    bool valid = true;
    for (const HyphenTrans* transition = begin; transition != end; ++transition)
        valid &= static_cast<std::uint32_t>(transition->new_state) < states;
    return valid;
}

// Builds the levels and states of a checked image, checking every record before using it: an
// offset or count that points outside its section, a state number outside its level, or a string
// section whose last string is unterminated rejects the image.
bool build(const Sections& image, ImageDictionary& out) {
    if (image.string_size > 0 && image.strings[image.string_size - 1] != '\0') return false;
    out.levels.resize(image.level_count);  // zeroed
    out.states.reset(new HyphenState[image.state_count]);
    std::uint32_t states_used = 0;
    std::uint64_t transitions_used = 0;
    for (std::uint32_t level = 0; level < image.level_count; ++level) {
        const auto record = load<LevelRecord>(image.levels + std::uint64_t{level} * sizeof(LevelRecord));
        // libhyphen starts every word in state 0, so a level without states cannot be.
        if (record.state_count == 0 || record.state_count > image.state_count - states_used) return false;
        if (std::memchr(record.cset, '\0', sizeof record.cset) == nullptr || !valid_nohyphen(record, image)) return false;
        HyphenDict& dict = out.levels[level];
        dict.lhmin = record.lhmin;
        dict.rhmin = record.rhmin;
        dict.clhmin = record.clhmin;
        dict.crhmin = record.crhmin;
        dict.nohyphen = string_at(image.strings, record.nohyphen);
        dict.nohyphenl = record.nohyphen_count;
        dict.num_states = static_cast<int>(record.state_count);
        std::memcpy(dict.cset, record.cset, sizeof dict.cset);
        dict.utf8 = record.utf8;
        dict.states = out.states.get() + states_used;
        dict.nextlevel = level + 1 < image.level_count ? &out.levels[level + 1] : nullptr;
        const std::uint64_t first_transition = transitions_used;
        if (!read_states(image, states_used, record.state_count, transitions_used, dict.states)) return false;
        if (!valid_transitions(image.transitions + first_transition, image.transitions + transitions_used,
                               record.state_count))
            return false;
        states_used += record.state_count;
    }
    return states_used == image.state_count && transitions_used == image.transition_count;
}

// The header, when the image is this format's, its sections fill it exactly, it was made from
// `source` as that file is now, and its contents are undamaged.
std::optional<Header> checked_header(std::span<const std::byte> bytes, const std::filesystem::path& source) {
    if (bytes.size() < sizeof(Header)) return std::nullopt;
    Header header;
    std::memcpy(&header, bytes.data(), sizeof header);
    if (std::memcmp(header.magic, magic, sizeof magic) != 0 || header.version != format_version ||
        header.transition_size != sizeof(HyphenTrans) || header.level_count == 0)
        return std::nullopt;
    if (layout_of(header).size != bytes.size()) return std::nullopt;
    const std::optional<SourceStamp> stamp = source_stamp(source);
    if (!stamp || *stamp != SourceStamp{header.source_size, header.source_mtime_ns}) return std::nullopt;
    if (checksum(bytes.subspan(sizeof(Header))) != header.checksum) return std::nullopt;
    return header;
}

HyphenDictHandle dictionary_from(std::unique_ptr<ImageBytes> image, const std::filesystem::path& source) {
    if (!image) return nullptr;
    const std::optional<Header> header = checked_header(image->bytes(), source);
    if (!header) return nullptr;
    auto owner = std::make_shared<ImageDictionary>();
    if (!build(Sections(*header, image->bytes()), *owner)) return nullptr;
    owner->image = std::move(image);
    HyphenDict* first = &owner->levels.front();
    return HyphenDictHandle(first, HyphenDictFree{std::move(owner)});
}

}  // namespace

std::optional<SourceStamp> source_stamp(const std::filesystem::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) return std::nullopt;
    return SourceStamp{static_cast<std::uint64_t>(info.st_size),
                       static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec};
}

std::vector<std::byte> hyphenation_image(const HyphenDict& dict, const SourceStamp& source) {
    std::vector<const HyphenDict*> levels;
    for (const HyphenDict* level = &dict; level != nullptr; level = level->nextlevel) levels.push_back(level);

    StringTable strings;
    std::vector<LevelRecord> level_records;
    std::vector<StateRecord> state_records;
    std::vector<HyphenTrans> transitions;
    for (const HyphenDict* level : levels) {
        level_records.push_back(level_record(*level, strings));
        for (int i = 0; i < level->num_states; ++i) {
            const HyphenState& state = level->states[i];
            state_records.push_back(state_record(state, strings));
            transitions.insert(transitions.end(), state.trans, state.trans + state.num_trans);
        }
    }

    Header header{};
    std::memcpy(header.magic, magic, sizeof magic);
    header.version = format_version;
    header.level_count = checked_u32(levels.size());
    header.source_size = source.size;
    header.source_mtime_ns = source.mtime_ns;
    header.state_count = checked_u32(state_records.size());
    header.transition_count = checked_u32(transitions.size());
    header.string_size = checked_u32(strings.bytes().size());
    header.transition_size = sizeof(HyphenTrans);
    const Layout layout = layout_of(header);

    std::vector<std::byte> out(layout.size);  // zeroed: transition padding stays zero
    for (std::size_t i = 0; i < level_records.size(); ++i) put(out, layout.levels + i * sizeof(LevelRecord), level_records[i]);
    for (std::size_t i = 0; i < state_records.size(); ++i) put(out, layout.states + i * sizeof(StateRecord), state_records[i]);
    for (std::size_t i = 0; i < transitions.size(); ++i)
        put_transition(out, layout.transitions + i * sizeof(HyphenTrans), transitions[i]);
    if (!strings.bytes().empty()) std::memcpy(out.data() + layout.strings, strings.bytes().data(), strings.bytes().size());
    header.checksum = checksum(std::span<const std::byte>(out).subspan(sizeof(Header)));
    put(out, 0, header);
    return out;
}

bool save_hyphenation_image(const HyphenDict& dict, const SourceStamp& source, const std::filesystem::path& image) {
    const std::vector<std::byte> bytes = hyphenation_image(dict, source);
    // A temporary of this process's own, so that two builds writing the same image cannot mix.
    std::filesystem::path temporary = image;
    temporary += ".part-" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return false;
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, image, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return false;
    }
    return true;
}

HyphenDictHandle load_hyphenation_image(const std::filesystem::path& image, const std::filesystem::path& source) {
    return dictionary_from(ImageBytes::map(image), source);
}

HyphenDictHandle hyphenation_image_dict(std::span<const std::byte> image, const std::filesystem::path& source) {
    return dictionary_from(ImageBytes::copy(image), source);
}

}  // namespace pamphlet::layout
