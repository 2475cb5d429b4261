#include "layout/hyphenation_loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

namespace pamphlet::layout {

void HyphenDictFree::operator()(HyphenDict* dict) const {
    if (dict != nullptr) hnj_hyphen_free(dict);
}

namespace {

// Everything the dictionary owns is released by hnj_hyphen_free with free(), so it is allocated
// with malloc; running out of memory throws, and the partly built dictionary is freed by its handle.
void* allocate(std::size_t size) {
    void* memory = std::malloc(size);
    if (memory == nullptr) throw std::bad_alloc();
    return memory;
}

void* reallocate(void* memory, std::size_t size) {
    void* grown = std::realloc(memory, size);
    if (grown == nullptr) throw std::bad_alloc();
    return grown;
}

char* duplicate(const char* text) {
    std::size_t length = std::strlen(text);
    auto* copy = static_cast<char*>(allocate(length + 1));
    std::memcpy(copy, text, length + 1);
    return copy;
}

bool starts_with(const char* text, std::string_view prefix) {
    return std::strncmp(text, prefix.data(), prefix.size()) == 0;
}

// libhyphen reads its file with fgets into fixed buffers (MAX_CHARS bytes for pattern lines,
// MAX_NAME for the charset line), so a longer line arrives as several pieces, each of which it
// treats as a line of its own. Reading the same pieces keeps even such files identical.
class Pieces {
public:
    explicit Pieces(std::string_view text) : rest_(text) {}

    // Copies the next piece of at most size - 1 bytes (up to and including a newline) into
    // `buffer`, NUL-terminated; false at the end of the text.
    bool next(char* buffer, std::size_t size) {
        if (rest_.empty()) return false;
        std::size_t length = std::min(size - 1, rest_.size());
        if (std::size_t newline = rest_.find('\n'); newline != std::string_view::npos && newline + 1 < length)
            length = newline + 1;
        std::memcpy(buffer, rest_.data(), length);
        buffer[length] = '\0';
        rest_.remove_prefix(length);
        return true;
    }

private:
    std::string_view rest_;
};

struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};

// A new level with only the empty state, as libhyphen starts each level.
HyphenDictHandle new_level() {
    HyphenDictHandle dict(static_cast<HyphenDict*>(std::calloc(1, sizeof(HyphenDict))));
    if (!dict) throw std::bad_alloc();
    dict->states = static_cast<HyphenState*>(allocate(sizeof(HyphenState)));
    dict->states[0] = HyphenState{nullptr, nullptr, 0, 0, -1, 0, nullptr};
    dict->num_states = 1;
    return dict;
}

// Builds one level's trie. A state is the string of bytes read so far; its number is the order in
// which libhyphen would have created it, so the arrays come out exactly as libhyphen's.
class LevelBuilder {
public:
    explicit LevelBuilder(HyphenDict* dict) : dict_(dict) {
        states_.reserve(1024);
        keys_.push_back(&states_.emplace(std::string(), 0).first->first);
    }

    void load_line(char* line);

    // Each state falls back to its longest proper suffix that is a state (the empty one at worst).
    void set_fallbacks() {
        for (std::size_t state = 1; state < keys_.size(); ++state) {
            std::string_view key = *keys_[state];
            for (std::size_t skip = 1; skip <= key.size(); ++skip) {
                if (auto found = states_.find(key.substr(skip)); found != states_.end()) {
                    dict_->states[state].fallback_state = found->second;
                    break;
                }
            }
        }
    }

private:
    bool known(std::string_view key) const { return states_.find(key) != states_.end(); }

    int state(std::string_view key) {
        if (auto found = states_.find(key); found != states_.end()) return found->second;
        int number = dict_->num_states;
        // Capacity doubles at powers of two, as libhyphen grows it.
        if ((number & (number - 1)) == 0)
            dict_->states = static_cast<HyphenState*>(
                reallocate(dict_->states, 2 * static_cast<std::size_t>(number) * sizeof(HyphenState)));
        dict_->states[number] = HyphenState{nullptr, nullptr, 0, 0, -1, 0, nullptr};
        ++dict_->num_states;
        keys_.push_back(&states_.emplace(std::string(key), number).first->first);
        return number;
    }

    void add_transition(int from, int to, char ch) {
        HyphenState& state = dict_->states[from];
        int count = state.num_trans;
        if (count == 0) {
            state.trans = static_cast<HyphenTrans*>(allocate(sizeof(HyphenTrans)));
        } else if ((count & (count - 1)) == 0) {
            state.trans = static_cast<HyphenTrans*>(
                reallocate(state.trans, 2 * static_cast<std::size_t>(count) * sizeof(HyphenTrans)));
        }
        state.trans[count] = HyphenTrans{ch, to};
        ++state.num_trans;
    }

    void load_nohyphen(const char* value);

    HyphenDict* dict_;
    std::unordered_map<std::string, int, KeyHash, std::equal_to<>> states_;
    std::vector<const std::string*> keys_;  // by state number; map keys do not move
};

void LevelBuilder::load_nohyphen(const char* value) {
    while (*value == ' ' || *value == '\t') ++value;
    std::free(dict_->nohyphen);  // a repeated keyword replaces the list (libhyphen leaks the old one)
    dict_->nohyphen = duplicate(value);
    // The last byte (the newline) goes; commas after the first byte separate the entries. The
    // count keeps adding up over repeated keywords, as in libhyphen.
    std::size_t length = std::strlen(dict_->nohyphen);
    if (length == 0) return;
    dict_->nohyphen[length - 1] = '\0';
    for (std::size_t i = length - 1; i-- > 1;) {
        if (dict_->nohyphen[i] == ',') {
            ++dict_->nohyphenl;
            dict_->nohyphen[i] = '\0';
        }
    }
}

// One line of patterns or options, with libhyphen's meaning: "LEFTHYPHENMIN 2", "NOHYPHEN -,'",
// a TeX pattern ".ab1c", or a non-standard one "ab1c/x=y,2,3" (replacement, start, cut).
void LevelBuilder::load_line(char* line) {
    if (starts_with(line, "LEFTHYPHENMIN")) {
        dict_->lhmin = static_cast<char>(std::atoi(line + 13));
        return;
    }
    if (starts_with(line, "RIGHTHYPHENMIN")) {
        dict_->rhmin = static_cast<char>(std::atoi(line + 14));
        return;
    }
    if (starts_with(line, "COMPOUNDLEFTHYPHENMIN")) {
        dict_->clhmin = static_cast<char>(std::atoi(line + 21));
        return;
    }
    if (starts_with(line, "COMPOUNDRIGHTHYPHENMIN")) {
        dict_->crhmin = static_cast<char>(std::atoi(line + 22));
        return;
    }
    if (starts_with(line, "NOHYPHEN")) {
        load_nohyphen(line + 8);
        return;
    }

    // The replacement part is cut off the line first, so the pattern is what precedes the slash.
    std::unique_ptr<char, decltype(&std::free)> replacement(nullptr, &std::free);
    signed char replindex = 0;
    signed char replcut = 0;
    if (char* slash = std::strchr(line, '/'); slash != nullptr) {
        char* comma = std::strchr(slash + 1, ',');
        *slash = '\0';
        if (comma != nullptr) {
            char* second_comma = std::strchr(comma + 1, ',');
            *comma = '\0';
            if (second_comma != nullptr) {
                *second_comma = '\0';
                replindex = static_cast<signed char>(static_cast<signed char>(std::atoi(comma + 1)) - 1);
                replcut = static_cast<signed char>(std::atoi(second_comma + 1));
            }
        } else {
            // No positions: the replacement covers the whole pattern; drop the line end.
            char* text = slash + 1;
            std::size_t length = std::strlen(text);
            if (length > 0 && (text[length - 1] == '\r' || text[length - 1] == '\n')) text[length - 1] = '\0';
            if (length > 1 && text[length - 2] == '\r') text[length - 2] = '\0';
            replcut = static_cast<signed char>(std::strlen(line));
        }
        replacement.reset(duplicate(slash + 1));
    }

    // Letters (any byte above space, UTF-8 included) make the word; a digit sets the priority
    // between the letters it stands between.
    std::string word;
    std::string priorities("0");
    for (const char* c = line; static_cast<signed char>(*c) > ' ' || static_cast<signed char>(*c) < 0; ++c) {
        if (*c >= '0' && *c <= '9') {
            priorities.back() = *c;
        } else {
            word.push_back(*c);
            priorities.push_back('0');
        }
    }

    std::size_t match_start = 0;
    if (!replacement) {
        while (match_start < priorities.size() && priorities[match_start] == '0') ++match_start;
    } else {
        const bool anchored = !word.empty() && word[0] == '.';
        if (anchored) match_start = 1;
        if (dict_->utf8 != 0) {
            // The file counts replacement positions in characters; the trie walks bytes.
            int character = -1;
            int start_character = -1;
            for (std::size_t byte = anchored ? 1 : 0; byte < word.size() + 1; ++byte) {
                auto value = static_cast<unsigned char>(byte < word.size() ? word[byte] : '\0');
                if ((value >> 6) != 2) ++character;
                if (start_character < 0 && replindex == character) {
                    start_character = replindex;
                    replindex = static_cast<signed char>(byte);
                }
                if (start_character >= 0 && character - start_character == replcut) {
                    replcut = static_cast<signed char>(static_cast<int>(byte) - replindex);
                    break;
                }
            }
            if (anchored) --replindex;
        }
    }

    bool found = known(word);
    int number = state(word);
    HyphenState& target = dict_->states[number];
    // A repeated pattern replaces the earlier one (libhyphen leaks the earlier strings).
    std::free(target.match);
    target.match = duplicate(priorities.c_str() + match_start);
    std::free(target.repl);
    target.repl = replacement.release();
    target.replindex = replindex;
    target.replcut = replcut != 0 ? replcut : static_cast<signed char>(word.size());

    // Link the word's prefixes, from the longest, until one that already existed.
    for (std::size_t length = word.size(); !found && length > 0; --length) {
        char ch = word[length - 1];
        word.resize(length - 1);
        found = known(word);
        int prefix = state(word);
        add_transition(prefix, number, ch);
        number = prefix;
    }
}

void read_charset(Pieces& pieces, HyphenDict& dict) {
    std::fill(std::begin(dict.cset), std::end(dict.cset), '\0');
    if (pieces.next(dict.cset, sizeof dict.cset)) {
        for (char& c : dict.cset)
            if (c == '\r' || c == '\n') c = '\0';
    } else {
        dict.cset[0] = '\0';
    }
    dict.utf8 = std::strcmp(dict.cset, "UTF-8") == 0 ? 1 : 0;
}

// The first level libhyphen makes up for a file with only one: breaks at explicit hyphens and
// apostrophes are left to the pattern level, and no break goes next to them.
void load_implicit_level(LevelBuilder& builder, bool utf8) {
    auto load = [&builder](std::string_view text) {
        std::string line(text);
        builder.load_line(line.data());
    };
    if (!utf8) {
        load("NOHYPHEN ',-\n");
    } else {
        load("NOHYPHEN ',\xe2\x80\x93,\xe2\x80\x99,-\n");
    }
    load("1-1\n");
    load("1'1\n");
    if (utf8) {
        load("1\xe2\x80\x93" "1\n");
        load("1\xe2\x80\x99" "1\n");
    }
}

}  // namespace

HyphenDictHandle parse_hyphen_dict(std::string_view text) {
    Pieces pieces(text);
    HyphenDictHandle levels[2];
    bool next_level = false;
    for (int k = 0; k < 2; ++k) {
        levels[k] = new_level();
        HyphenDict& dict = *levels[k];
        if (k == 0) {
            read_charset(pieces, dict);
        } else {
            std::strncpy(dict.cset, levels[0]->cset, sizeof dict.cset - 1);
            dict.cset[sizeof dict.cset - 1] = '\0';
            dict.utf8 = levels[0]->utf8;
        }
        LevelBuilder builder(&dict);
        if (k == 0 || next_level) {
            char line[MAX_CHARS];
            while (pieces.next(line, sizeof line)) {
                if (starts_with(line, "NEXTLEVEL")) {
                    next_level = true;
                    break;
                }
                if (line[0] != '%') builder.load_line(line);
            }
        } else {
            load_implicit_level(builder, dict.utf8 != 0);
        }
        builder.set_fallbacks();
    }
    if (next_level) {
        levels[0]->nextlevel = levels[1].release();
        return std::move(levels[0]);
    }
    // One level in the file: the implicit level goes first and takes the file's minima, with
    // compound minima defaulting to the plain ones, or 3.
    HyphenDict& file_level = *levels[0];
    HyphenDict& first = *levels[1];
    first.lhmin = file_level.lhmin;
    first.rhmin = file_level.rhmin;
    first.clhmin = file_level.clhmin != 0 ? file_level.clhmin : (file_level.lhmin != 0 ? file_level.lhmin : 3);
    first.crhmin = file_level.crhmin != 0 ? file_level.crhmin : (file_level.rhmin != 0 ? file_level.rhmin : 3);
    first.nextlevel = levels[0].release();
    return std::move(levels[1]);
}

HyphenDictHandle load_hyphen_dict(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return nullptr;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return nullptr;
    return parse_hyphen_dict(text);
}

}  // namespace pamphlet::layout
