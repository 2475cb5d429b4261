#include "layout/paginate.hpp"

#include <algorithm>

namespace pamphlet::layout {
namespace {

double lines_height(const std::vector<GalleyLine>& lines, std::size_t first, std::size_t end) {
    double height = 0;
    for (std::size_t i = first; i < end; ++i) height += lines[i].advance_pt;
    return height;
}

// What one page holds so far. Copied at every legal break so the breaker can fall back to the
// last one without re-scanning the page.
class PageFill {
public:
    PageFill(const Galley& galley, const PaginationSettings& settings) : galley_(&galley), settings_(&settings) {}

    // Places the rest of notes split on the previous page first, as much as leaves room for a
    // few lines of text (so the text always advances); the remainder is carried again.
    void start_with(const std::vector<NoteSlice>& carried) {
        const double limit = settings_->body_height_pt * 0.6;
        for (const NoteSlice& slice : carried) {
            if (!carry_out_.empty()) {
                carry_out_.push_back(slice);
                continue;
            }
            const auto& lines = galley_->notes[static_cast<std::size_t>(slice.note)].lines;
            std::size_t end = slice.first_line;
            double height = notes_used_ + (slices_.empty() ? settings_->note_separator_pt : settings_->note_gap_pt);
            while (end < slice.end_line && height + lines[end].advance_pt <= limit) height += lines[end++].advance_pt;
            if (end == slice.first_line) end = std::min(slice.end_line, slice.first_line + 1);  // always progress
            add_slice({slice.note, slice.first_line, end});
            if (end < slice.end_line) carry_out_.push_back({slice.note, end, slice.end_line});
        }
    }

    // Tries to add galley line `index` with its notes. False when it does not fit (the page
    // is then unchanged); an empty page always takes the line.
    bool try_add(std::size_t index) {
        const GalleyLine& line = galley_->lines[index];
        const double line_height = (has_body_ ? line.space_before_pt : 0) + line.advance_pt;
        if (!line.notes.empty() && !carry_out_.empty() && has_body_) return false;  // notes must stay in order

        double notes_height = 0;
        bool first_note = slices_.empty();
        for (int note : line.notes) {
            notes_height += note_height(note, first_note);
            first_note = false;
        }
        if (line_height + notes_height <= free_space() + epsilon) {
            commit_line(line_height);
            for (int note : line.notes) add_whole_note(note);
            return true;
        }
        if (line_height > free_space() + epsilon && has_body_) return false;
        // The notes do not fit whole. Split the last one if it is long, or if the page is empty
        // (then nothing better is possible); otherwise the line waits for the next page.
        if (has_body_ && !split_worthwhile(line)) return false;
        return add_with_split_notes(line, line_height);
    }

    bool has_body() const { return has_body_; }
    std::vector<NoteSlice> slices() const { return slices_; }
    const std::vector<NoteSlice>& carry_out() const { return carry_out_; }

private:
    static constexpr double epsilon = 1e-6;

    double free_space() const { return settings_->body_height_pt - body_used_ - notes_used_; }

    double separator(bool first) const { return first ? settings_->note_separator_pt : settings_->note_gap_pt; }

    double note_height(int note, bool first) const {
        const auto& lines = galley_->notes[static_cast<std::size_t>(note)].lines;
        return separator(first) + lines_height(lines, 0, lines.size());
    }

    void commit_line(double height) {
        body_used_ += height;
        has_body_ = true;
    }

    void add_slice(const NoteSlice& slice) {
        const auto& lines = galley_->notes[static_cast<std::size_t>(slice.note)].lines;
        notes_used_ += separator(slices_.empty()) + lines_height(lines, slice.first_line, slice.end_line);
        slices_.push_back(slice);
    }

    void add_whole_note(int note) {
        add_slice({note, 0, galley_->notes[static_cast<std::size_t>(note)].lines.size()});
    }

    bool split_worthwhile(const GalleyLine& line) const {
        // A note longer than a quarter of the page would leave a hole if its line moved on.
        const int last = line.notes.back();
        return note_height(last, false) > settings_->body_height_pt / 4;
    }

    bool add_with_split_notes(const GalleyLine& line, double line_height) {
        const bool page_was_empty = !has_body_;
        PageFill trial = *this;
        trial.commit_line(line_height);
        for (std::size_t n = 0; n < line.notes.size(); ++n) {
            const int note = line.notes[n];
            const auto& lines = galley_->notes[static_cast<std::size_t>(note)].lines;
            if (!trial.carry_out_.empty()) {
                trial.carry_out_.push_back({note, 0, lines.size()});
                continue;
            }
            double available = trial.free_space() - trial.separator(trial.slices_.empty());
            std::size_t end = 0;
            while (end < lines.size() && lines[end].advance_pt <= available + epsilon) available -= lines[end++].advance_pt;
            const bool too_few = end < lines.size() && static_cast<int>(end) < settings_->minimum_note_lines;
            if (too_few && !page_was_empty) return false;
            if (end > 0) trial.add_slice({note, 0, end});
            if (end < lines.size()) trial.carry_out_.push_back({note, end, lines.size()});
        }
        *this = trial;
        return true;
    }

private:
    const Galley* galley_;
    const PaginationSettings* settings_;
    double body_used_ = 0;
    double notes_used_ = 0;
    bool has_body_ = false;
    std::vector<NoteSlice> slices_;
    std::vector<NoteSlice> carry_out_;
};

}  // namespace

void keep_paragraph_lines(std::vector<GalleyLine>& lines, std::size_t first, std::size_t end, int minimum) {
    const auto keep = static_cast<std::size_t>(std::max(minimum, 1));
    for (std::size_t i = first; i + 1 < end; ++i) {
        const std::size_t before = i + 1 - first;  // lines above a break after line i
        const std::size_t after = end - (i + 1);    // lines below it
        if (before < keep || after < keep) lines[i].keep_with_next = true;
    }
}

void keep_lines_together(std::vector<GalleyLine>& lines, std::size_t first, std::size_t end) {
    for (std::size_t i = first; i + 1 < end; ++i) lines[i].keep_with_next = true;
}

double column_height(const std::vector<GalleyLine>& lines, std::size_t first, std::size_t end) {
    double height = 0;
    for (std::size_t i = first; i < end; ++i) height += (i > first ? lines[i].space_before_pt : 0) + lines[i].advance_pt;
    return height;
}

std::vector<PagePlan> paginate(const Galley& galley, const PaginationSettings& settings) {
    std::vector<PagePlan> pages;
    std::vector<NoteSlice> carried;
    std::size_t next = 0;
    const std::size_t count = galley.lines.size();
    while (next < count || !carried.empty()) {
        PageFill fill(galley, settings);
        fill.start_with(carried);
        std::optional<PageFill> at_break;  // the page as it was at the last legal break
        std::size_t break_end = next;
        std::size_t index = next;
        while (index < count) {
            if (index > next && galley.lines[index].page_break_before) {
                at_break = fill;
                break_end = index;
                break;
            }
            if (!fill.try_add(index)) break;
            ++index;
            if (index == count || !galley.lines[index - 1].keep_with_next) {
                at_break = fill;
                break_end = index;
            }
        }
        if (!at_break) {
            // No legal break on this page: a kept block longer than the page (or nothing at all
            // but carried notes). Break where the page is full.
            at_break = fill;
            break_end = index;
        }
        PagePlan plan;
        plan.first_line = next;
        plan.end_line = break_end;
        plan.notes = at_break->slices();
        carried = at_break->carry_out();
        pages.push_back(std::move(plan));
        next = break_end;
    }
    return pages;
}

}  // namespace pamphlet::layout
