#include "layout/knuth_plass.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace pamphlet::layout::knuth_plass {
namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr std::size_t no_position = std::numeric_limits<std::size_t>::max();
constexpr int fitness_classes = 4;
constexpr int hyphen_states = 3;  // lines ending here after 0, 1, 2+ consecutive hyphenated lines

// Prefix sums over the items, so a line's widths cost O(1) whatever its length. Refilled for each
// paragraph: every entry up to the paragraph's length is written, so what an earlier, longer
// paragraph left beyond it is never read.
struct Totals {
    std::vector<double> width, stretch, shrink;
    std::vector<int> infinite;
    std::vector<std::size_t> next_content;  // first box or forced break at or after each index

    void fill(std::span<const Item> items) {
        std::size_t n = items.size();
        width.resize(n + 1);
        stretch.resize(n + 1);
        shrink.resize(n + 1);
        infinite.resize(n + 1);
        width[0] = stretch[0] = shrink[0] = 0;
        infinite[0] = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const Item& item = items[i];
            bool counts = item.kind != ItemKind::penalty;
            width[i + 1] = width[i] + (counts ? item.width : 0);
            stretch[i + 1] = stretch[i] + (counts && !item.infinite_stretch ? item.stretch : 0);
            shrink[i + 1] = shrink[i] + (counts ? item.shrink : 0);
            infinite[i + 1] = infinite[i] + (item.kind == ItemKind::glue && item.infinite_stretch ? 1 : 0);
        }
        next_content.resize(n + 1);
        next_content[n] = n;
        for (std::size_t i = n; i-- > 0;) {
            bool content = items[i].kind == ItemKind::box ||
                           (items[i].kind == ItemKind::penalty && items[i].penalty <= -infinite_penalty);
            next_content[i] = content ? i : next_content[i + 1];
        }
    }

    LineMeasure measure(std::span<const Item> items, std::size_t start, std::size_t end, double hang_left) const {
        LineMeasure out;
        const Item& at_break = items[end];
        out.natural = width[end] - width[start] - hang_left - at_break.hang_right +
                      (at_break.kind == ItemKind::penalty ? at_break.width : 0);
        out.stretch = stretch[end] - stretch[start];
        out.shrink = shrink[end] - shrink[start];
        out.infinite_stretch = infinite[end] - infinite[start] > 0;
        return out;
    }
};

double adjustment_ratio(const LineMeasure& line, double target, double extra_stretch) {
    double difference = target - line.natural;
    if (difference > 0) {
        if (line.infinite_stretch) return 0;
        double stretch = line.stretch + extra_stretch;
        return stretch > 0 ? difference / stretch : infinity;
    }
    if (difference < 0) return line.shrink > 0 ? difference / line.shrink : -infinity;
    return 0;
}

double badness(double ratio) {
    if (std::isinf(ratio)) return 10000;
    double magnitude = std::fabs(ratio);
    return std::min(10000.0, 100 * magnitude * magnitude * magnitude);
}

int fitness_class(double ratio) {
    if (ratio < -0.5) return 0;  // tight
    if (ratio <= 0.5) return 1;  // decent
    if (ratio <= 1) return 2;    // loose
    return 3;                    // very loose
}

struct Node {
    std::size_t position = no_position;  // the break item; no_position for the paragraph start
    std::size_t start = 0;               // first item of the line that follows
    int line = 0;                        // number of the line that follows (0 = first)
    int fitness = 1;
    int hyphen_run = 0;  // consecutive hyphenated lines ending here
    double total = 0;
    int previous = -1;
    double hang_left = 0;
};

struct PassOutcome {
    bool found = false;
    std::vector<std::size_t> breaks;
    std::size_t peak_active = 0;
};

}  // namespace

struct Workspace::Buffers {
    Totals totals;
    std::vector<Node> arena;  // every break node of a pass
    std::vector<int> active;  // indices into arena
};

namespace {

PassOutcome run_pass(std::span<const Item> items, const Parameters& parameters, int pass, Workspace::Buffers& buffers) {
    PassOutcome outcome;
    const Totals& totals = buffers.totals;
    double tolerance = pass == 1 ? parameters.tolerance : pass == 2 ? parameters.emergency_tolerance : infinity;
    double extra_stretch = parameters.ragged_stretch + (pass >= 2 ? parameters.emergency_stretch : 0);
    // The stretch ratio above which a line's badness exceeds the tolerance (badness is 100 r^3),
    // a little above the exact value so that the shortcut below never drops a line the full test
    // would accept; none in the last pass, which accepts any badness.
    const double too_loose_ratio = tolerance < 10000 ? std::cbrt(tolerance / 100) * (1 + 1e-9) : infinity;
    std::vector<Node>& arena = buffers.arena;
    arena.clear();
    arena.reserve(items.size() / 2 + 16);  // most paragraphs: about one node per word, no regrowth
    arena.push_back(Node{no_position, totals.next_content[0], 0, 1, 0, 0, -1, parameters.first_hang_left});
    std::vector<int>& active = buffers.active;
    active.assign(1, 0);
    std::size_t last = items.size() - 1;
    // `active` is in the order its nodes were made, so by break position, until the window below
    // first cuts it (it then sorts newest first); the early exit in the loop relies on that order.
    bool in_position_order = true;

    for (std::size_t b = 0; b < items.size(); ++b) {
        const Item& item = items[b];
        bool legal = (item.kind == ItemKind::penalty && item.penalty < infinite_penalty) ||
                     (item.kind == ItemKind::glue && b > 0 && items[b - 1].kind == ItemKind::box);
        if (!legal) continue;
        bool forced = item.kind == ItemKind::penalty && item.penalty <= -infinite_penalty;

        // The best way to reach this break per fitness class and hyphen state; only the slots
        // whose bit is set in `filled` hold one (a mask instead of clearing twelve slots at every
        // break, and visiting only the filled ones below).
        struct Candidate {
            double total;
            int from;
        };
        Candidate best[fitness_classes][hyphen_states];
        unsigned filled = 0;
        int rescue = -1;
        // Nodes that stay active are compacted to the front of `active` in their order.
        std::size_t kept = 0;
        for (std::size_t slot_in_active = 0; slot_in_active < active.size(); ++slot_in_active) {
            const int index = active[slot_in_active];
            const Node& node = arena[static_cast<std::size_t>(index)];
            if (node.start > b) {  // nothing to set between that break and this one
                active[kept++] = index;
                continue;
            }
            LineMeasure line = totals.measure(items, node.start, b, node.hang_left);
            double target = node.line == 0 ? parameters.first_line_width : parameters.line_width;
            // Most visits are of nodes whose line is still too short to be set within the
            // tolerance (a break a few words back): such a node only stays active. Answered with
            // a multiplication, before the division and the badness.
            const double shortfall = target - line.natural;
            if (!forced && shortfall > 0 && !line.infinite_stretch &&
                shortfall > (line.stretch + extra_stretch) * too_loose_ratio) {
                if (in_position_order && node.line > 0) {
                    // Every node after this one starts here or later, so its line holds no more
                    // (a later start drops at least a word, more than any hang at its start gives
                    // back) and has no more stretch, against the same width: too short as well.
                    // All stay active, and a long paragraph no longer visits its whole active
                    // list at every break (knuth_plass_test.cpp holds this to an exhaustive search).
                    const std::size_t rest = active.size() - slot_in_active;
                    if (kept != slot_in_active) {  // moving left: std::copy allows the overlap
                        std::copy(active.begin() + static_cast<std::ptrdiff_t>(slot_in_active), active.end(),
                                  active.begin() + static_cast<std::ptrdiff_t>(kept));
                    }
                    kept += rest;
                    break;
                }
                active[kept++] = index;
                continue;
            }
            double ratio = adjustment_ratio(line, target, extra_stretch);
            if (ratio >= -1) {
                double line_badness = badness(ratio);
                int hyphen_run = item.flagged ? node.hyphen_run + 1 : 0;
                bool feasible = line_badness <= tolerance &&
                                (pass == 3 || hyphen_run <= parameters.max_consecutive_hyphens);
                if (feasible) {
                    double demerits = (parameters.line_penalty + line_badness) * (parameters.line_penalty + line_badness);
                    if (item.kind == ItemKind::penalty && !forced) {
                        demerits += (item.penalty >= 0 ? 1 : -1) * item.penalty * item.penalty;
                    }
                    if (item.flagged && node.hyphen_run > 0) demerits += parameters.adjacent_hyphen_demerits;
                    if (hyphen_run > parameters.max_consecutive_hyphens) demerits += 1e7;  // pass 3 only
                    int fitness = fitness_class(ratio);
                    if (b == last) {
                        // The last line is set loose by design: no penalty for its tightness
                        // contrast, but a hyphen just before it is unwelcome.
                        if (node.hyphen_run > 0) demerits += parameters.final_hyphen_demerits;
                    } else if (std::abs(fitness - node.fitness) > 1 && node.position != no_position) {
                        demerits += parameters.fitness_demerits;
                    }
                    const int hyphens = std::min(hyphen_run, hyphen_states - 1);
                    Candidate& slot = best[fitness][hyphens];
                    const unsigned bit = 1u << (fitness * hyphen_states + hyphens);
                    if ((filled & bit) == 0 || node.total + demerits < slot.total) {
                        slot = {node.total + demerits, index};
                        filled |= bit;
                    }
                }
            }
            if (ratio < -1 || forced) {
                // Remember the most recent node we drop, to force an overfull line from it if
                // nothing else is left (pass 3 only).
                if (rescue < 0 || arena[static_cast<std::size_t>(rescue)].position == no_position ||
                    (node.position != no_position && node.position > arena[static_cast<std::size_t>(rescue)].position) ||
                    (node.position == arena[static_cast<std::size_t>(rescue)].position &&
                     node.total < arena[static_cast<std::size_t>(rescue)].total)) {
                    rescue = index;
                }
            } else {
                active[kept++] = index;
            }
        }
        active.resize(kept);

        std::size_t next_start = totals.next_content[std::min(b + 1, items.size())];
        double next_hang = item.hang_left;
        const bool added = filled != 0;
        for (unsigned rest = filled; rest != 0; rest &= rest - 1) {  // fitness first, then hyphens
            const int slot_index = std::countr_zero(rest);
            const int fitness = slot_index / hyphen_states;
            const int hyphens = slot_index % hyphen_states;
            const Candidate& candidate = best[fitness][hyphens];
            const Node& from = arena[static_cast<std::size_t>(candidate.from)];
            arena.push_back(Node{b, next_start, from.line + 1, fitness, hyphens, candidate.total, candidate.from,
                                 next_hang});
            active.push_back(static_cast<int>(arena.size() - 1));
        }
        if (active.empty() && !added && pass == 3 && rescue >= 0) {
            const Node& from = arena[static_cast<std::size_t>(rescue)];
            int hyphen_run = item.flagged ? from.hyphen_run + 1 : 0;
            arena.push_back(Node{b, next_start, from.line + 1, 0, std::min(hyphen_run, hyphen_states - 1),
                                 from.total + 1e8, rescue, next_hang});
            active.push_back(static_cast<int>(arena.size() - 1));
        }
        if (active.empty()) return outcome;  // this pass cannot set the paragraph
        if (active.size() > parameters.max_active_nodes) {
            // A window over the paragraph: the oldest breaks are the least likely to start a
            // good line, and dropping them keeps the search linear.
            std::stable_sort(active.begin(), active.end(), [&](int left, int right) {
                auto position = [&](int i) {
                    std::size_t p = arena[static_cast<std::size_t>(i)].position;
                    return p == no_position ? std::size_t{0} : p + 1;
                };
                return position(left) > position(right);
            });
            active.resize(parameters.max_active_nodes);
            in_position_order = false;
        }
        outcome.peak_active = std::max(outcome.peak_active, active.size());
    }

    int chosen = -1;
    for (int index : active) {
        const Node& node = arena[static_cast<std::size_t>(index)];
        if (node.position != last) continue;
        if (chosen < 0 || node.total < arena[static_cast<std::size_t>(chosen)].total) chosen = index;
    }
    if (chosen < 0) return outcome;
    for (int index = chosen; arena[static_cast<std::size_t>(index)].position != no_position;
         index = arena[static_cast<std::size_t>(index)].previous) {
        outcome.breaks.push_back(arena[static_cast<std::size_t>(index)].position);
    }
    std::reverse(outcome.breaks.begin(), outcome.breaks.end());
    outcome.found = true;
    return outcome;
}

}  // namespace

Workspace::Workspace() : buffers_(std::make_unique<Buffers>()) {}
Workspace::~Workspace() = default;

Result break_lines(std::span<const Item> items, const Parameters& parameters) {
    Workspace workspace;
    return break_lines(items, parameters, workspace);
}

Result break_lines(std::span<const Item> items, const Parameters& parameters, Workspace& workspace) {
    Result result;
    if (items.empty()) return result;
    Workspace::Buffers& buffers = *workspace.buffers_;
    buffers.totals.fill(items);
    const Totals& totals = buffers.totals;
    for (int pass = 1; pass <= std::min(parameters.last_pass, 3); ++pass) {
        PassOutcome outcome = run_pass(items, parameters, pass, buffers);
        result.peak_active_nodes = std::max(result.peak_active_nodes, outcome.peak_active);
        if (!outcome.found) continue;
        result.pass = pass;
        std::size_t start = totals.next_content[0];
        double hang_left = parameters.first_hang_left;
        for (std::size_t index = 0; index < outcome.breaks.size(); ++index) {
            std::size_t end = outcome.breaks[index];
            LineMeasure line = totals.measure(items, start, end, hang_left);
            double target = index == 0 ? parameters.first_line_width : parameters.line_width;
            Line set{start, end, hang_left, line, adjustment_ratio(line, target, 0), false};
            set.overfull = line.natural > target + 1e-6 && set.ratio < -1;
            if (set.overfull) ++result.overfull_lines;
            result.lines.push_back(set);
            start = totals.next_content[std::min(end + 1, items.size())];
            hang_left = items[end].hang_left;
        }
        break;
    }
    return result;
}

}  // namespace pamphlet::layout::knuth_plass
