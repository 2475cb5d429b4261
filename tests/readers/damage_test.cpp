// Measures the plain-text repairs: clean corpus texts are damaged the way PDF extraction damaged
// the seed essay (re-wrapped to ~95 characters, hyphenated at line ends with the hyphenation
// patterns, a space at each page start every 45 lines, paragraphs split at page breaks, spaces
// dropped), read back, and compared with the clean text read the same way.
#include <gtest/gtest.h>
#include <hyphen.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "readers/plain_text_test_support.hpp"  // first: the Markdown helpers need model::Report
#include "readers/markdown_test_helpers.hpp"
#include "readers/plain_text.hpp"
#include "model/walk.hpp"

namespace pamphlet::readers {
namespace {

// A small deterministic generator (the same numbers on every platform, unlike std::
// distributions), so the damage and the figures are reproducible.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return state_ >> 33;
    }
    bool chance(int per_thousand) { return static_cast<int>(next() % 1000) < per_thousand; }

private:
    std::uint64_t state_;
};

class Hyphenator {
public:
    Hyphenator() : dictionary_(hnj_hyphen_load("/usr/share/hyphen/hyph_en_US.dic"), &hnj_hyphen_free) {}
    bool loaded() const { return dictionary_ != nullptr; }
    // Offsets inside an ASCII word after which it may be broken.
    std::vector<std::size_t> break_points(const std::string& word) const {
        std::vector<std::size_t> points;
        std::string lower = word;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::vector<char> hyphens(lower.size() + 5, '0');
        char** rep = nullptr;
        int* pos = nullptr;
        int* cut = nullptr;
        if (hnj_hyphen_hyphenate2(dictionary_.get(), lower.c_str(), static_cast<int>(lower.size()), hyphens.data(), nullptr,
                                  &rep, &pos, &cut) == 0) {
            for (std::size_t i = 1; i + 2 < lower.size(); ++i)
                if ((hyphens[i] - '0') % 2 == 1) points.push_back(i + 1);
        }
        if (rep != nullptr) {
            for (std::size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
            std::free(rep);
        }
        std::free(pos);
        std::free(cut);
        return points;
    }

private:
    std::unique_ptr<HyphenDict, void (*)(HyphenDict*)> dictionary_;
};

bool is_alphabetic(std::string_view word) {
    for (char c : word)
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    return !word.empty();
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
        std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
        if (i > start) words.emplace_back(text.substr(start, i - start));
    }
    return words;
}

bool ends_sentence(std::string_view line) {
    while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')' || line.back() == '_'))
        line.remove_suffix(1);
    return !line.empty() && (line.back() == '.' || line.back() == '?' || line.back() == '!' || line.back() == ':');
}

// Damages a clean text as PDF extraction did to the seed essay.
std::string damage(const std::string& clean, const Hyphenator& hyphenator, Random& random) {
    constexpr std::size_t measure = 95;
    constexpr int page_length = 45;
    std::string out;
    int line_on_page = 0;
    bool page_starts_next = false;
    const auto emit = [&](const std::string& line, bool inside_paragraph) {
        if (line_on_page == page_length) {
            line_on_page = 0;
            page_starts_next = true;
            // A page break inside a sentence sometimes leaves a blank line behind.
            std::size_t last_line = out.rfind('\n', out.size() - 2);
            last_line = last_line == std::string::npos ? 0 : last_line + 1;
            if (inside_paragraph && !ends_sentence(std::string_view(out).substr(last_line, out.size() - 1 - last_line)) &&
                random.chance(400))
                out += '\n';
        }
        out += (page_starts_next && !line.empty() ? " " : "") + line + "\n";
        if (!line.empty()) page_starts_next = false;
        ++line_on_page;
    };

    // Paragraphs: blocks of unindented lines at least 50 characters wide; other blocks (titles,
    // verse, tables) are kept as they are.
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < clean.size()) {
        std::size_t end = clean.find('\n', start);
        if (end == std::string::npos) end = clean.size();
        lines.push_back(clean.substr(start, end - start));
        start = end + 1;
    }
    std::size_t i = 0;
    while (i < lines.size()) {
        if (lines[i].empty()) {
            emit("", false);
            ++i;
            continue;
        }
        std::size_t j = i;
        bool prose = true;
        while (j < lines.size() && !lines[j].empty()) {
            prose = prose && lines[j][0] != ' ' && (j + 1 == lines.size() || lines[j + 1].empty() || lines[j].size() >= 50);
            ++j;
        }
        if (!prose || j - i < 2) {
            for (std::size_t k = i; k < j; ++k) emit(lines[k], false);
            i = j;
            continue;
        }
        std::string paragraph;
        for (std::size_t k = i; k < j; ++k) paragraph += (k > i ? " " : "") + lines[k];
        std::vector<std::string> words = split_words(paragraph);
        // Drop spaces between words.
        std::vector<std::string> joined;
        for (const std::string& word : words) {
            const bool can_join = !joined.empty() && std::isalpha(static_cast<unsigned char>(word[0])) &&
                                  (std::isalpha(static_cast<unsigned char>(joined.back().back())) || joined.back().back() == '.') &&
                                  joined.back().find('-') == std::string::npos && word.find('-') == std::string::npos;
            if (can_join && random.chance(15)) {
                joined.back() += word;
            } else {
                joined.push_back(word);
            }
        }
        // Re-wrap, hyphenating the word that does not fit where the patterns allow.
        std::string line;
        for (std::size_t w = 0; w < joined.size(); ++w) {
            const std::string& word = joined[w];
            const std::size_t room = line.empty() ? measure : measure - std::min(measure, line.size() + 1);
            if (word.size() <= room) {
                line += (line.empty() ? "" : " ") + word;
                continue;
            }
            std::size_t core = word.size();
            while (core > 0 && !std::isalpha(static_cast<unsigned char>(word[core - 1]))) --core;
            std::size_t split = 0;
            if (room >= 3 && is_alphabetic(word.substr(0, core)) && core >= 5)
                for (std::size_t point : hyphenator.break_points(word.substr(0, core)))
                    if (point + 1 <= room) split = point;
            if (split > 0) {
                line += (line.empty() ? "" : " ") + word.substr(0, split) + "-";
                emit(line, true);
                line = word.substr(split);
            } else {
                if (!line.empty()) emit(line, true);
                line = word;
            }
        }
        if (!line.empty()) emit(line, true);
        i = j;
    }
    return out;
}

using WordCounts = std::map<std::string, int>;

WordCounts count(const std::vector<std::string>& words) {
    WordCounts counts;
    for (const std::string& word : words) ++counts[word];
    return counts;
}

// Size of the multiset difference a - b.
int missing(const WordCounts& a, const WordCounts& b) {
    int total = 0;
    for (const auto& [word, n] : a) {
        const auto found = b.find(word);
        total += std::max(0, n - (found == b.end() ? 0 : found->second));
    }
    return total;
}

struct ReadBack {
    std::vector<std::string> words;
    std::vector<std::string> paragraph_keys;  // letters at each leaf block's edges
};

ReadBack read_back(const std::string& text, bool repair) {
    model::Report report;
    ReadOptions options;
    if (!repair)
        for (std::string_view pass : {repair::page_starts_pass, repair::page_furniture_pass, repair::split_paragraphs_pass,
                                      repair::join_paragraphs_pass, repair::dehyphenate_pass, repair::lost_spaces_pass})
            options.disabled_repairs.insert(std::string(pass));
    const model::Document document = read_plain_text(text, options, report);
    ReadBack out;
    model::for_each_leaf_block(document, [&](const model::Block& block, std::size_t) {
        const std::string visible = model::visible_text(block);
        for (std::string& word : split_words(visible)) out.words.push_back(std::move(word));
        // Only letters, lower case: lost spaces and hyphens at a block's edge do not matter here.
        std::string letters;
        for (char c : visible)
            if (std::isalpha(static_cast<unsigned char>(c))) letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!letters.empty())
            out.paragraph_keys.push_back(letters.substr(0, 24) + "|" + letters.substr(letters.size() - std::min<std::size_t>(24, letters.size())));
    });
    return out;
}

struct Figures {
    int words = 0;
    int damaged = 0;
    int remaining = 0;
    int new_errors = 0;
    int paragraphs_reference = 0;
    int paragraphs_output = 0;
    int paragraphs_matched = 0;

    void add(const Figures& other) {
        words += other.words;
        damaged += other.damaged;
        remaining += other.remaining;
        new_errors += other.new_errors;
        paragraphs_reference += other.paragraphs_reference;
        paragraphs_output += other.paragraphs_output;
        paragraphs_matched += other.paragraphs_matched;
    }
    double repaired() const { return damaged == 0 ? 1.0 : 1.0 - static_cast<double>(remaining) / damaged; }
    double new_error_rate() const { return static_cast<double>(new_errors) / words; }
    double paragraph_f1() const {
        const double precision = static_cast<double>(paragraphs_matched) / paragraphs_output;
        const double recall = static_cast<double>(paragraphs_matched) / paragraphs_reference;
        return 2 * precision * recall / (precision + recall);
    }
};

Figures measure(const std::string& clean, const Hyphenator& hyphenator, std::uint64_t seed) {
    Random random(seed);
    const std::string damaged = damage(clean, hyphenator, random);
    // PAMPHLET_DAMAGE_OUTPUT=DIR keeps the damaged texts for a look with the pamphlet binary.
    if (const char* folder = std::getenv("PAMPHLET_DAMAGE_OUTPUT"))
        std::ofstream(std::string(folder) + "/damaged-" + std::to_string(seed) + ".txt", std::ios::binary) << damaged;
    const ReadBack reference = read_back(clean, true);
    const ReadBack output = read_back(damaged, true);
    // The damaged text as the reader shows it without the text repairs: the damage to undo.
    const ReadBack unrepaired = read_back(damaged, false);
    const WordCounts reference_counts = count(reference.words);
    const WordCounts damaged_counts = count(unrepaired.words);
    const WordCounts output_counts = count(output.words);

    Figures figures;
    figures.words = static_cast<int>(reference.words.size());
    figures.damaged = missing(reference_counts, damaged_counts);
    figures.remaining = missing(reference_counts, output_counts);
    // Wrong words in the output that were not wrong in the unrepaired reading: errors the
    // repairs made (a word split that was whole, two words joined that were apart).
    WordCounts wrong_in_damaged;
    for (const auto& [word, n] : damaged_counts) {
        const auto found = reference_counts.find(word);
        const int extra = n - (found == reference_counts.end() ? 0 : found->second);
        if (extra > 0) wrong_in_damaged[word] = extra;
    }
    WordCounts wrong_in_output;
    for (const auto& [word, n] : output_counts) {
        const auto found = reference_counts.find(word);
        const int extra = n - (found == reference_counts.end() ? 0 : found->second);
        if (extra > 0) wrong_in_output[word] = extra;
    }
    figures.new_errors = missing(wrong_in_output, wrong_in_damaged);
    // PAMPHLET_DAMAGE_DETAILS=1 lists the words still wrong, to see what a repair misses.
    if (std::getenv("PAMPHLET_DAMAGE_DETAILS") != nullptr) {
        for (const auto& [word, n] : reference_counts) {
            const auto found = output_counts.find(word);
            const int lost = n - (found == output_counts.end() ? 0 : found->second);
            if (lost > 0) std::cout << "  missing: " << word << " x" << lost << "\n";
        }
        for (const auto& [word, n] : wrong_in_output) {
            const auto found = wrong_in_damaged.find(word);
            const int made = n - (found == wrong_in_damaged.end() ? 0 : found->second);
            if (made > 0) std::cout << "  made by a repair: " << word << " x" << made << "\n";
        }
    }
    const WordCounts reference_keys = count(reference.paragraph_keys);
    const WordCounts output_keys = count(output.paragraph_keys);
    figures.paragraphs_reference = static_cast<int>(reference.paragraph_keys.size());
    figures.paragraphs_output = static_cast<int>(output.paragraph_keys.size());
    figures.paragraphs_matched = figures.paragraphs_reference - missing(reference_keys, output_keys);
    return figures;
}

TEST(DamageTest, RepairsMostDamageWithoutNewErrors) {
    const Hyphenator hyphenator;
    ASSERT_TRUE(hyphenator.loaded()) << "hyphenation patterns missing (Debian package hyphen-en-us)";
    Figures total;
    std::uint64_t seed = 1;
    for (const char* name : {"kropotkin-place-of-anarchism-in-socialistic-evolution.txt", "wilde-soul-of-man-under-socialism.txt",
                             "marx-engels-communist-manifesto.txt", "paine-common-sense.txt", "bakunin-god-and-the-state.txt"}) {
        const Figures figures = measure(test::read_file(test::shared_corpus(name)), hyphenator, seed++);
        std::cout << name << ": " << figures.words << " words, " << figures.damaged << " damaged, "
                  << figures.damaged - figures.remaining << " repaired (" << 100 * figures.repaired() << "%), "
                  << figures.new_errors << " new errors (" << 100 * figures.new_error_rate() << "%), paragraph F1 "
                  << figures.paragraph_f1() << "\n";
        EXPECT_GT(figures.damaged, 0) << name << ": the damage generator did nothing";
        total.add(figures);
    }
    std::cout << "all: " << total.words << " words, " << total.damaged << " damaged, repaired " << 100 * total.repaired()
              << "%, new errors " << 100 * total.new_error_rate() << "%, paragraph F1 " << total.paragraph_f1() << "\n";
    EXPECT_GE(total.repaired(), 0.90);
    EXPECT_LE(total.new_error_rate(), 0.001);
    EXPECT_GE(total.paragraph_f1(), 0.99);
}

}  // namespace
}  // namespace pamphlet::readers
