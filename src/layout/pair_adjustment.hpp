// Which neighbouring glyphs a font can move at all. FontLibrary measures a pair's kerning by
// shaping the two characters with HarfBuzz (about 5,000 instructions a pair, plus a shaping plan
// per face); most pairs of most fonts come back unchanged, and some fonts (Charis SIL 6, the
// default style's) have no kerning at all. This screen reads the font's positioning tables once
// and answers, per pair, whether shaping could change the first glyph's advance; when it cannot,
// the kerning is zero without shaping.
//
// It is conservative: whatever it cannot rule out (a legacy kern table, AAT tables, contextual
// positioning, marks, default-ignorable characters, a table it cannot read) goes to HarfBuzz.
#pragma once

#include <cstdint>
#include <vector>

struct hb_face_t;  // HarfBuzz's, declared as hb.h does

namespace pamphlet::layout {

class PairAdjustmentScreen {
public:
    explicit PairAdjustmentScreen(hb_face_t* face);

    // False when shaping `left` then `right` (characters and their nominal glyphs) cannot move
    // the first glyph's advance away from its nominal width, so its kerning is zero.
    bool may_adjust(char32_t left, std::uint32_t left_glyph, char32_t right, std::uint32_t right_glyph) const;

    // True when the screen passes every pair to HarfBuzz (for tests).
    bool passes_everything() const { return everything_; }

private:
    // What the positioning lookups can do to a glyph, as bits per glyph id.
    enum Role : std::uint8_t {
        moved = 1,           // single or contextual positioning covers it, in either place
        pair_first = 2,      // a pair adjustment starts at it
        cursive_exit = 4,    // cursive attachment can join it to the next glyph...
        cursive_entry = 8,   // ...if that one has an entry anchor
        mark_glyph = 16,     // GDEF calls it a mark
    };

    void read_positioning(hb_face_t* face);
    void read_mark_glyphs(hb_face_t* face);
    void add_role(std::uint32_t glyph, Role role);
    std::uint8_t roles(std::uint32_t glyph) const { return glyph < roles_.size() ? roles_[glyph] : 0xFF; }
    bool is_mark(char32_t character, std::uint32_t glyph) const;

    bool everything_ = false;
    std::vector<std::uint8_t> roles_;  // by glyph id
};

// Default-ignorable code points (Unicode's Default_Ignorable_Code_Point, as HarfBuzz hides them):
// shaping gives them no width, so their pairs go to HarfBuzz.
bool is_default_ignorable(char32_t character);

}  // namespace pamphlet::layout
