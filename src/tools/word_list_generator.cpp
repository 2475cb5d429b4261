// Build-time generator of a word list (src/readers/word_list_format.hpp): every spelling that
// hunspell's spell() accepts for one dictionary, so that a run can answer the repairs' spelling
// questions without loading hunspell.
//
//   pamphlet_word_list_generator FOLDER NAME OUTPUT     (reads FOLDER/NAME.aff and .dic)
//
// How the list is proven exact: hunspell accepts a word without digits, dots, spaces or hyphen
// breaks only when it (or the lower-case, Initcap or hidden-capital form hunspell tries for its
// capitalisation) is a dictionary stem with some of its prefixes and suffixes. The generator
// expands every stem (and its hidden Initcap twin) with its affixes, adds the lower, Initcap and
// ALLCAPS form of each, and keeps exactly the candidates hunspell's own spell() accepts: making
// too many candidates costs build time, never a wrong answer. Words with hyphens are left to the
// run, which repeats hunspell's BREAK recursion on the list. Dictionaries whose .aff uses
// anything that could accept other words (compounding, ignored characters, flag aliases, ...)
// are refused: the list is written marked "refused" and the run asks hunspell.
#include <hunspell/hunspell.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <stdexcept>
#include <unordered_set>
#include <vector>

#include "model/text.hpp"
#include "readers/word_list_format.hpp"

// hunspell's own case tables (csutil.hxx, exported by libhunspell but not installed as a
// header). They are filled when a UTF-8 dictionary is loaded, and they are what spell() uses.
unsigned short unicodetolower(unsigned short c, int langnum);
unsigned short unicodetoupper(unsigned short c, int langnum);

namespace {

namespace format = pamphlet::readers::word_list_format;
using Text = std::u32string;

constexpr int any_language = 999;  // hunspell's LANG_xx: no Turkish dotted-i rules

// The dictionary's UTF-8 (hunspell checked it on loading), decoded as every layer decodes.
Text decode(const std::string& utf8) {
    Text out;
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t code = 0;
        const std::size_t length = pamphlet::model::decode_utf8(utf8, i, code);
        if (length == 0) throw std::runtime_error("malformed UTF-8 in the dictionary: " + utf8);
        out.push_back(code);
        i += length;
    }
    return out;
}

std::string encode(const Text& text) {
    std::string out;
    for (const char32_t c : text) pamphlet::model::append_utf8(out, c);
    return out;
}

char32_t lower(char32_t c) { return c > 0xFFFF ? c : unicodetolower(static_cast<unsigned short>(c), any_language); }
char32_t upper(char32_t c) { return c > 0xFFFF ? c : unicodetoupper(static_cast<unsigned short>(c), any_language); }

Text all_lower(Text text) {
    for (char32_t& c : text) c = lower(c);
    return text;
}
Text all_upper(Text text) {
    for (char32_t& c : text) c = upper(c);
    return text;
}
Text init_cap(Text text) {  // hunspell's mkinitcap after mkallsmall
    text = all_lower(std::move(text));
    if (!text.empty()) text[0] = upper(text[0]);
    return text;
}

// One PFX or SFX line: strip `strip`, add `add`, when the root matches `condition` (one set of
// allowed characters per position, from the word's start for a prefix, its end for a suffix).
struct Affix {
    Text strip;
    Text add;
    std::vector<std::pair<bool, Text>> condition;  // (negated, characters); empty text = any
};

std::vector<std::pair<bool, Text>> parse_condition(const Text& text) {
    std::vector<std::pair<bool, Text>> positions;
    if (text == U".") return positions;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == U'.') {
            positions.emplace_back(true, Text{});  // "none of nothing": any character
        } else if (text[i] == U'[') {
            const std::size_t close = text.find(U']', i);
            bool negated = i + 1 < text.size() && text[i + 1] == U'^';
            const std::size_t from = i + (negated ? 2 : 1);
            positions.emplace_back(negated, text.substr(from, close - from));
            i = close;
        } else {
            positions.emplace_back(false, Text(1, text[i]));
        }
    }
    return positions;
}

bool matches(const std::pair<bool, Text>& position, char32_t c) {
    const bool listed = position.second.find(c) != Text::npos;
    return position.first ? !listed : listed;
}

bool apply_suffix(const Affix& affix, const Text& root, Text& out) {
    if (root.size() < affix.strip.size() || root.size() < affix.condition.size()) return false;
    if (root.compare(root.size() - affix.strip.size(), affix.strip.size(), affix.strip) != 0) return false;
    const std::size_t start = root.size() - affix.condition.size();
    for (std::size_t i = 0; i < affix.condition.size(); ++i)
        if (!matches(affix.condition[i], root[start + i])) return false;
    out = root.substr(0, root.size() - affix.strip.size()) + affix.add;
    return true;
}

// Prefixes of a suffixed form are applied without their condition (hunspell tests it on the
// root): a candidate too many is harmless, a missing one would not be.
bool apply_prefix(const Affix& affix, const Text& root, Text& out, bool check_condition) {
    if (root.size() < affix.strip.size()) return false;
    if (root.compare(0, affix.strip.size(), affix.strip) != 0) return false;
    if (check_condition) {
        if (root.size() < affix.condition.size()) return false;
        for (std::size_t i = 0; i < affix.condition.size(); ++i)
            if (!matches(affix.condition[i], root[i])) return false;
    }
    out = affix.add + root.substr(affix.strip.size());
    return true;
}

struct AffixFile {
    std::string refusal;  // empty when the list can be exact
    std::map<char, std::vector<Affix>> prefixes, suffixes;
    std::set<char> compound_rule_flags;
    std::vector<format::Convert> converts;
};

Text field_text(const std::string& field) { return field == "0" ? Text{} : decode(field); }

AffixFile read_affix_file(const std::string& path) {
    // Directives that only steer suggestions, or whose effect spell() itself decides on each
    // candidate (so the filter below accounts for them).
    static const std::set<std::string> harmless = {
        "SET", "TRY", "KEY", "REP", "MAP", "PHONE", "NOSUGGEST", "MAXNGRAMSUGS", "NOSPLITSUGS",
        "ONLYMAXDIFF", "MAXDIFF", "SUGSWITHDOTS", "WORDCHARS", "OCONV", "NAME", "VERSION", "HOME",
        "COMPOUNDMIN", "ONLYINCOMPOUND", "KEEPCASE", "NEEDAFFIX", "MAXCPDSUGS"};
    AffixFile affixes;
    std::ifstream in(path);
    if (!in) {
        affixes.refusal = "cannot read " + path;
        return affixes;
    }
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string key;
        if (!(fields >> key) || key[0] == '#') continue;
        if (key == "SET") {
            std::string encoding;
            fields >> encoding;
            if (encoding != "UTF-8") affixes.refusal = "encoding " + encoding;
        } else if (key == "PFX" || key == "SFX") {
            std::string flag, third, fourth;
            fields >> flag >> third >> fourth;
            if (flag.size() != 1) {
                affixes.refusal = "multi-character flag";
                continue;
            }
            if (third == "Y" || third == "N") continue;  // the header line of a flag's entries
            Affix affix;
            affix.strip = field_text(third);
            if (fourth.find('/') != std::string::npos) affixes.refusal = "affix with continuation flags";
            affix.add = field_text(fourth);
            std::string condition = ".";
            fields >> condition;
            affix.condition = parse_condition(decode(condition));
            for (const char32_t c : affix.strip)
                if (c >= U'0' && c <= U'9') affixes.refusal = "affix strips a digit";
            (key == "PFX" ? affixes.prefixes : affixes.suffixes)[flag[0]].push_back(std::move(affix));
        } else if (key == "COMPOUNDRULE") {
            std::string rule;
            fields >> rule;
            if (std::all_of(rule.begin(), rule.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
            for (const char c : rule)
                if (c != '*' && c != '?' && c != '(' && c != ')') affixes.compound_rule_flags.insert(c);
        } else if (key == "ICONV") {
            std::string from, to;
            if (!(fields >> from >> to)) continue;  // the count line
            const Text f = decode(from), t = decode(to);
            if (f.size() != 1 || t.size() != 1 || f[0] == U'_' || t[0] == U'_') affixes.refusal = "ICONV " + from;
            else affixes.converts.push_back({static_cast<std::uint32_t>(f[0]), static_cast<std::uint32_t>(t[0])});
        } else if (!harmless.contains(key)) {
            affixes.refusal = "directive " + key;
        }
    }
    return affixes;
}

struct Stem {
    Text word;
    std::string flags;
};

std::vector<Stem> read_stems(const std::string& path) {
    std::vector<Stem> stems;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // the count
    while (std::getline(in, line)) {
        const std::size_t end = line.find_first_of(" \t");
        if (end != std::string::npos) line.resize(end);
        if (line.empty()) continue;
        std::size_t slash = line.find('/');
        while (slash != std::string::npos && slash > 0 && line[slash - 1] == '\\') slash = line.find('/', slash + 1);
        Stem stem;
        std::string word = line.substr(0, slash);
        for (std::size_t at = word.find("\\/"); at != std::string::npos; at = word.find("\\/", at)) word.erase(at, 1);
        stem.word = decode(word);
        if (slash != std::string::npos) stem.flags = line.substr(slash + 1);
        stems.push_back(std::move(stem));
    }
    return stems;
}

struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
};

FileStamp stamp(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return {};
    return {static_cast<std::uint64_t>(info.st_size),
            static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec};
}

// Characters after which hunspell does not simply look a word up: digits (numbers, ordinal
// compounds), dots (abbreviations), spaces, the BREAK patterns' anchors, and characters beyond
// the 16-bit range its tables cover. The run leaves words with them to hunspell.
bool listable(const Text& word) {
    if (word.empty() || encode(word).size() >= 100) return false;
    for (const char32_t c : word)
        if ((c >= U'0' && c <= U'9') || c == U'.' || c == U' ' || c == U'^' || c == U'$' || c > 0xFFFF || c < 0x20)
            return false;
    return true;
}

bool write_list(const std::string& output, format::Header header, const std::vector<format::Letter>& letters,
                const std::vector<std::uint32_t>& live, const std::vector<format::Convert>& converts, const std::vector<std::string>& words) {
    std::vector<std::uint32_t> offsets{0};
    std::string text;
    for (const std::string& word : words) {
        text += word;
        offsets.push_back(static_cast<std::uint32_t>(text.size()));
    }
    std::copy(std::begin(format::magic), std::end(format::magic), header.magic);
    header.letter_count = static_cast<std::uint32_t>(letters.size());
    header.live_count = static_cast<std::uint32_t>(live.size());
    header.convert_count = static_cast<std::uint32_t>(converts.size());
    header.word_count = static_cast<std::uint32_t>(words.size());
    header.text_size = text.size();
    const std::string temporary = output + ".part";
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(output).parent_path(), ignored);
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(&header), sizeof header);
        out.write(reinterpret_cast<const char*>(letters.data()), static_cast<std::streamsize>(letters.size() * sizeof(format::Letter)));
        out.write(reinterpret_cast<const char*>(live.data()), static_cast<std::streamsize>(live.size() * sizeof(std::uint32_t)));
        out.write(reinterpret_cast<const char*>(converts.data()), static_cast<std::streamsize>(converts.size() * sizeof(format::Convert)));
        out.write(reinterpret_cast<const char*>(offsets.data()), static_cast<std::streamsize>(offsets.size() * sizeof(std::uint32_t)));
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (!out) return false;
    }
    return std::rename(temporary.c_str(), output.c_str()) == 0;
}

struct HunspellHandle {
    Hunhandle* handle;
    HunspellHandle(const std::string& aff, const std::string& dic) : handle(Hunspell_create(aff.c_str(), dic.c_str())) {}
    ~HunspellHandle() {
        if (handle != nullptr) Hunspell_destroy(handle);
    }
    HunspellHandle(const HunspellHandle&) = delete;
    HunspellHandle& operator=(const HunspellHandle&) = delete;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: " << argv[0] << " FOLDER NAME OUTPUT\n";
        return 2;
    }
    const std::string folder = argv[1], name = argv[2], output = argv[3];
    const std::string aff = folder + "/" + name + ".aff", dic = folder + "/" + name + ".dic";
    format::Header header{};
    const FileStamp aff_stamp = stamp(aff), dic_stamp = stamp(dic);
    header.aff_size = aff_stamp.size;
    header.aff_mtime_ns = aff_stamp.mtime_ns;
    header.dic_size = dic_stamp.size;
    header.dic_mtime_ns = dic_stamp.mtime_ns;

    AffixFile affixes;
    std::vector<Stem> stems;
    try {
        affixes = read_affix_file(aff);
        if (affixes.refusal.empty()) stems = read_stems(dic);
    } catch (const std::runtime_error& error) {  // malformed UTF-8: refuse, the run uses hunspell
        affixes.refusal = error.what();
    }
    // COMPOUNDRULE compounds are exact only if every piece carries a digit: then no word the
    // list decides (it holds no digits) can be a compound.
    for (const Stem& stem : stems) {
        if (!affixes.refusal.empty()) break;
        const bool compounds = std::any_of(stem.flags.begin(), stem.flags.end(),
                                           [&](char f) { return affixes.compound_rule_flags.contains(f); });
        const bool digit = std::any_of(stem.word.begin(), stem.word.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
        if (compounds && !digit) affixes.refusal = "COMPOUNDRULE piece without digits: " + encode(stem.word);
    }
    if (!affixes.refusal.empty()) {
        header.refused = 1;
        std::cout << name << ": refused (" << affixes.refusal << "); the run will use hunspell\n";
        return write_list(output, header, {}, {}, {}, {}) ? 0 : 1;
    }

    HunspellHandle hunspell(aff, dic);  // loading it also fills the case tables
    if (hunspell.handle == nullptr) {
        std::cerr << "cannot load " << aff << "\n";
        return 1;
    }

    std::unordered_set<std::string> candidates;
    const auto add_candidates = [&](const Text& form) {
        for (const Text& variant : {form, all_lower(form), init_cap(form), all_upper(form)})
            if (listable(variant)) candidates.insert(encode(variant));
    };
    for (const Stem& stem : stems) {
        std::vector<Text> roots{stem.word};
        // hunspell adds a hidden Initcap twin of mixed-case and flagged ALLCAPS stems
        // ("OpenOffice" -> "Openoffice"), accepted in ALLCAPS input, affixes included.
        if (init_cap(stem.word) != stem.word) roots.push_back(init_cap(stem.word));
        for (const Text& root : roots) {
            add_candidates(root);
            std::vector<Text> suffixed;
            Text form;
            for (const char flag : stem.flags) {
                if (auto found = affixes.suffixes.find(flag); found != affixes.suffixes.end())
                    for (const Affix& affix : found->second)
                        if (apply_suffix(affix, root, form)) suffixed.push_back(form);
            }
            for (const Text& word : suffixed) add_candidates(word);
            for (const char flag : stem.flags) {
                auto found = affixes.prefixes.find(flag);
                if (found == affixes.prefixes.end()) continue;
                for (const Affix& affix : found->second) {
                    if (apply_prefix(affix, root, form, true)) add_candidates(form);
                    for (const Text& word : suffixed)
                        if (apply_prefix(affix, word, form, false)) add_candidates(form);
                }
            }
        }
    }

    std::vector<std::string> words;
    std::set<char32_t> alphabet;
    for (const std::string& candidate : candidates) {
        if (Hunspell_spell(hunspell.handle, candidate.c_str()) == 0) continue;
        words.push_back(candidate);
        for (const char32_t c : decode(candidate)) alphabet.insert(c);
    }
    std::sort(words.begin(), words.end());
    // Live characters: the raw material of every form (stems, affix strings), everything hunspell
    // maps onto it or from it by case, and what spell() reads before looking words up.
    std::set<char32_t> material;
    for (const Stem& stem : stems) material.insert(stem.word.begin(), stem.word.end());
    for (const auto* table : {&affixes.prefixes, &affixes.suffixes})
        for (const auto& [flag, entries] : *table)
            for (const Affix& affix : entries) {
                material.insert(affix.add.begin(), affix.add.end());
                material.insert(affix.strip.begin(), affix.strip.end());
            }
    // hunspell lowers, raises and Initcaps a word in several steps, so a character counts as
    // "mapping onto" another when any chain of lower() and upper() leads from one to the other.
    const auto case_family = [](char32_t c) {
        std::set<char32_t> family{c};
        for (bool grown = true; grown;) {
            grown = false;
            for (const char32_t member : std::set<char32_t>(family))
                for (const char32_t image : {lower(member), upper(member)}) grown |= family.insert(image).second;
        }
        return family;
    };
    for (const char32_t c : std::set<char32_t>(material)) {
        const std::set<char32_t> family = case_family(c);
        material.insert(family.begin(), family.end());
    }
    std::vector<std::uint32_t> live;
    for (char32_t c = 0; c <= 0xFFFF; ++c) {
        const bool special = c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || (c >= U'0' && c <= U'9') ||
                             std::u32string_view(U" .,-^$<").find(c) != std::u32string_view::npos;
        const std::set<char32_t> family = case_family(c);
        if (special || std::any_of(family.begin(), family.end(), [&](char32_t f) { return material.contains(f); }))
            live.push_back(static_cast<std::uint32_t>(c));
    }
    std::vector<format::Letter> letters;
    // A letter is decided by the list only when hunspell's case mapping of it goes both ways
    // (upper(lower(c)) == c for a capital, lower(upper(c)) == c for a small letter): then the
    // capitalisations of the list's words are all the words hunspell reaches from them. The
    // Kelvin sign, for one, lowers to "k" but "k" raises to "K": a word with it is left to hunspell.
    for (const char32_t c : alphabet) {
        const char32_t small = lower(c), capital = upper(c);
        if ((small == c || upper(small) == c) && (capital == c || lower(capital) == c))
            letters.push_back({c, small, capital});
        else
            std::cout << name << ": U+" << std::hex << static_cast<std::uint32_t>(c) << std::dec << " left to hunspell\n";
    }
    std::cout << name << ": " << stems.size() << " stems, " << candidates.size() << " candidates, "
              << words.size() << " words, " << letters.size() << " letters, " << live.size() << " live characters\n";
    return write_list(output, header, letters, live, affixes.converts, words) ? 0 : 1;
}
