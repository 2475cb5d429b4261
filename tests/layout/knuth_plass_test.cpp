// break_lines against an exhaustive search. Without hyphens and with no demerits for
// neighbouring tightness, total-fit line breaking is a shortest path over all legal breaks, which
// a plain O(n^2) program finds by trying every line. The active list, its shortcuts and its early
// exit must reach the same breaks on long paragraphs, margin hangs included.
#include "layout/knuth_plass.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <vector>

namespace pamphlet::layout::knuth_plass {
namespace {

constexpr double unreachable = std::numeric_limits<double>::infinity();

// Words of random widths, spaces that may let the next word's first character hang left, then
// the usual paragraph end: no break, fill glue, forced break.
std::vector<Item> random_paragraph(std::mt19937& random, int words) {
    std::uniform_real_distribution<double> word_width(10, 40), hang(0, 4);
    std::bernoulli_distribution hangs(0.3);
    std::vector<Item> items;
    for (int word = 0; word < words; ++word) {
        if (word > 0) {
            Item space{ItemKind::glue, 3.5, 1.75, 1.17};
            if (hangs(random)) space.hang_left = hang(random);  // never more than a word is wide
            items.push_back(space);
        }
        const double width = word_width(random);
        items.push_back(Item{ItemKind::box, width, width * 0.03, width * 0.03});
    }
    Item no_break{ItemKind::penalty};
    no_break.penalty = infinite_penalty;
    items.push_back(no_break);
    Item fill{ItemKind::glue};
    fill.infinite_stretch = true;
    items.push_back(fill);
    Item end{ItemKind::penalty};
    end.penalty = -infinite_penalty;
    items.push_back(end);
    return items;
}

// The cheapest breaks within the first pass's tolerance, by trying every line between two legal
// breaks; nullopt when no such set exists.
std::optional<std::vector<std::size_t>> exhaustive_breaks(const std::vector<Item>& items, const Parameters& parameters) {
    std::vector<std::size_t> breaks;  // legal break positions; a virtual start before them
    for (std::size_t i = 0; i < items.size(); ++i) {
        const bool glue_after_box = items[i].kind == ItemKind::glue && i > 0 && items[i - 1].kind == ItemKind::box;
        const bool open_penalty = items[i].kind == ItemKind::penalty && items[i].penalty < infinite_penalty;
        if (glue_after_box || open_penalty) breaks.push_back(i);
    }
    const std::size_t count = breaks.size();
    auto line_start = [&](std::size_t node) {  // first box after the break (or the paragraph's start)
        std::size_t at = node == 0 ? 0 : breaks[node - 1] + 1;
        while (at < items.size() && items[at].kind != ItemKind::box) ++at;
        return at;
    };
    std::vector<double> total(count + 1, unreachable);
    std::vector<std::size_t> previous(count + 1, 0);
    total[0] = 0;
    for (std::size_t to = 1; to <= count; ++to) {
        const std::size_t end = breaks[to - 1];
        for (std::size_t from = 0; from < to; ++from) {
            if (total[from] == unreachable) continue;
            double natural = 0, stretch = 0, shrink = 0;
            bool infinite = false;
            for (std::size_t i = line_start(from); i < end; ++i) {
                if (items[i].kind == ItemKind::penalty) continue;
                natural += items[i].width;
                if (items[i].infinite_stretch) infinite = true;
                else stretch += items[i].stretch;
                shrink += items[i].shrink;
            }
            natural -= from == 0 ? parameters.first_hang_left : items[breaks[from - 1]].hang_left;
            const double target = from == 0 ? parameters.first_line_width : parameters.line_width;
            const double difference = target - natural;
            double ratio = 0;
            if (difference > 0 && !infinite) ratio = difference / stretch;
            if (difference < 0) ratio = difference / shrink;
            if (ratio < -1) continue;
            const double badness = std::min(10000.0, 100 * std::pow(std::fabs(ratio), 3));
            if (badness > parameters.tolerance) continue;
            const double demerits = (parameters.line_penalty + badness) * (parameters.line_penalty + badness);
            if (total[from] + demerits < total[to]) {
                total[to] = total[from] + demerits;
                previous[to] = from;
            }
        }
    }
    if (total[count] == unreachable) return std::nullopt;
    std::vector<std::size_t> chosen;
    for (std::size_t node = count; node != 0; node = previous[node]) chosen.insert(chosen.begin(), breaks[node - 1]);
    return chosen;
}

TEST(KnuthPlass, LongParagraphsReachTheBreaksAnExhaustiveSearchFinds) {
    Parameters parameters;
    parameters.line_width = parameters.first_line_width = 300;
    parameters.fitness_demerits = 0;  // the search above knows no fitness classes
    int compared = 0;
    for (unsigned seed = 1; seed <= 40; ++seed) {
        std::mt19937 random(seed);
        const std::vector<Item> items = random_paragraph(random, 150 + static_cast<int>(seed) * 10);
        const std::optional<std::vector<std::size_t>> expected = exhaustive_breaks(items, parameters);
        if (!expected) continue;  // no first-pass solution: break_lines goes on to its second pass
        const Result result = break_lines(items, parameters);
        ASSERT_EQ(result.pass, 1) << "seed " << seed;
        std::vector<std::size_t> ends;
        for (const Line& line : result.lines) ends.push_back(line.end);
        EXPECT_EQ(ends, *expected) << "seed " << seed;
        ++compared;
    }
    EXPECT_GE(compared, 20) << "too few paragraphs could be set in the first pass to compare";
}

}  // namespace
}  // namespace pamphlet::layout::knuth_plass
