#include "layout/hyphenation_loader.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <new>
#include <string>
#include <vector>

namespace pamphlet::layout {

void HyphenDictFree::operator()(HyphenDict* dict) {
    if (owner) {
        owner.reset();  // the dictionary lives in the owner's blocks
    } else if (dict != nullptr) {
        hnj_hyphen_free(dict);
    }
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
// which libhyphen would have created it, so the arrays come out exactly as libhyphen's. libhyphen
// finds a string's state in a hash table of all of them; the states are closed under prefixes and
// each one hangs off its parent by a transition, so walking the trie itself finds the same state
// without storing a single string.
class LevelBuilder {
public:
    explicit LevelBuilder(HyphenDict* dict) : dict_(dict) { root_children_.fill(-1); }

    void load_line(char* line);

    // Each state falls back to its longest proper suffix that is a state (the empty one at worst).
    // That is the Aho-Corasick failure link: walking the trie breadth first, a child's suffix is
    // its parent's suffix extended by the child's byte, or failing that a shorter one.
    void set_fallbacks() {
        std::vector<int> queue{0};
        queue.reserve(static_cast<std::size_t>(dict_->num_states));
        for (std::size_t next = 0; next < queue.size(); ++next) {
            const int parent = queue[next];
            const HyphenState& from = dict_->states[parent];
            for (int t = 0; t < from.num_trans; ++t) {
                const HyphenTrans& edge = from.trans[t];
                dict_->states[edge.new_state].fallback_state = parent == 0 ? 0 : extend(from.fallback_state, edge.ch);
                queue.push_back(edge.new_state);
            }
        }
    }

private:
    // The state reached from `state` by the byte `ch`, or -1.
    int child(int state, char ch) const {
        if (state == 0) return root_children_[static_cast<unsigned char>(ch)];
        const HyphenState& from = dict_->states[state];
        for (int t = 0; t < from.num_trans; ++t)
            if (from.trans[t].ch == ch) return from.trans[t].new_state;
        return -1;
    }

    // The state of `word`, created with any missing prefixes as libhyphen creates them: the whole
    // word first, then ever shorter prefixes down to the longest one that already existed.
    int state(std::string_view word) {
        int existing = 0;
        std::size_t depth = 0;
        for (; depth < word.size(); ++depth) {
            int next = child(existing, word[depth]);
            if (next < 0) break;
            existing = next;
        }
        if (depth == word.size()) return existing;
        const int first = dict_->num_states;
        const std::size_t created = word.size() - depth;
        for (std::size_t i = 0; i < created; ++i) new_state();
        // The prefix of length `length` (depth < length <= size) is state first + (size - length).
        for (std::size_t length = word.size(); length > depth; --length) {
            int from = length - 1 == depth ? existing : first + static_cast<int>(word.size() - (length - 1));
            add_transition(from, first + static_cast<int>(word.size() - length), word[length - 1]);
        }
        return first;
    }

    void new_state() {
        int number = dict_->num_states;
        // Capacity doubles at powers of two, as libhyphen grows it.
        if ((number & (number - 1)) == 0)
            dict_->states = static_cast<HyphenState*>(
                reallocate(dict_->states, 2 * static_cast<std::size_t>(number) * sizeof(HyphenState)));
        dict_->states[number] = HyphenState{nullptr, nullptr, 0, 0, -1, 0, nullptr};
        ++dict_->num_states;
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
        if (from == 0) root_children_[static_cast<unsigned char>(ch)] = to;
    }

    // The longest suffix state reached by following `ch` from `state` or one of its fallbacks.
    int extend(int state, char ch) const {
        for (;;) {
            if (int next = child(state, ch); next >= 0) return next;
            if (state == 0) return 0;
            state = dict_->states[state].fallback_state;
        }
    }

    void load_nohyphen(const char* value);

    HyphenDict* dict_;
    std::array<int, 256> root_children_;  // the root has a transition for most letters
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
    // Patterns are lower case; only a line starting with one of the keywords' capitals can be one.
    if (line[0] == 'L' || line[0] == 'R' || line[0] == 'C' || line[0] == 'N') {
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
    // Both are sized once for the whole line and cut to length after (this loop runs for every
    // pattern of a file: tens of thousands of lines).
    const std::size_t line_length = std::strlen(line);
    std::string word(line_length, '\0');
    std::string priorities(line_length + 1, '0');
    std::size_t letters = 0;
    for (const char* c = line; static_cast<signed char>(*c) > ' ' || static_cast<signed char>(*c) < 0; ++c) {
        if (*c >= '0' && *c <= '9') {
            priorities[letters] = *c;
        } else {
            word[letters++] = *c;
        }
    }
    word.resize(letters);
    priorities.resize(letters + 1);

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

    const int number = state(word);  // may move the states array
    HyphenState& target = dict_->states[number];
    // A repeated pattern replaces the earlier one (libhyphen leaks the earlier strings).
    std::free(target.match);
    target.match = duplicate(priorities.c_str() + match_start);
    std::free(target.repl);
    target.repl = replacement.release();
    target.replindex = replindex;
    target.replcut = replcut != 0 ? replcut : static_cast<signed char>(word.size());
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
    // In one read where the size is known (a character-by-character iterator cost a tenth of the
    // parse); what the stream gives is used either way.
    std::string text;
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (!error) {
        text.resize(static_cast<std::size_t>(size));
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(in.gcount()));
        if (in.bad()) return nullptr;
        in.clear();
    }
    text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return nullptr;
    return parse_hyphen_dict(text);
}

}  // namespace pamphlet::layout
