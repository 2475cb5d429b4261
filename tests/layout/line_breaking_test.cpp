#include "layout/line_breaking.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "layout/hyphenation.hpp"
#include "layout/layout_test_support.hpp"

namespace pamphlet::layout {
namespace {

constexpr double tolerance_pt = 0.01;

std::string read_corpus(const std::string& name) {
    std::ifstream stream(std::string(PAMPHLET_SHARED_DIR) + "/corpus/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

// Paragraphs of a plain-text corpus file: blank-line separated, lines joined by spaces.
std::vector<std::string> paragraphs_of(const std::string& text, std::size_t minimum_length) {
    std::vector<std::string> out;
    std::string current;
    std::istringstream lines(text);
    std::string line;
    auto flush = [&] {
        if (current.size() >= minimum_length) out.push_back(current);
        current.clear();
    };
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) {
            flush();
            continue;
        }
        if (!current.empty()) current += ' ';
        current += line;
    }
    flush();
    return out;
}

std::string without_whitespace(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c != ' ' && c != '\t' && c != '\n') out.push_back(c);
    }
    return out;
}

// What a reader copies from a line: its runs, without the hyphen the breaker added.
std::string line_text(const SetLine& line) {
    std::string out;
    for (const GlyphRun& run : line.runs) out += run.text;
    if (line.ends_with_hyphen) {
        EXPECT_EQ(out.back(), '-');
        out.pop_back();
    }
    return out;
}

using testing::shared_hyphenation;

struct Fixture : ::testing::Test {
    FontLibrary fonts;
    Hyphenation& hyphenation = shared_hyphenation();
    FaceId regular = fonts.face("Charis SIL", FontWeight::normal, FontSlant::normal);

    ParagraphSpec spec(const std::string& text, double width = 300, model::Alignment alignment = model::Alignment::justified) {
        ParagraphSpec paragraph;
        StyledSpan span;
        span.text = text;
        span.face = regular;
        span.size_pt = 10.5;
        paragraph.spans.push_back(span);
        paragraph.width_pt = width;
        paragraph.alignment = alignment;
        paragraph.fallback_families = {"DejaVu Serif", "DejaVu Sans"};
        return paragraph;
    }

    // Checks every property a set paragraph must have whatever its text; returns it.
    SetParagraph set_and_check(const ParagraphSpec& paragraph, const std::string& text) {
        SetParagraph set = set_paragraph(paragraph, fonts, hyphenation);
        EXPECT_FALSE(set.lines.empty());
        if (set.lines.empty()) return set;
        // Source ranges tile the text, and each line sets exactly its range's words.
        EXPECT_EQ(set.lines.front().source_begin, 0u);
        EXPECT_EQ(set.lines.back().source_end, text.size());
        std::string joined;
        int hyphen_run = 0;
        for (std::size_t i = 0; i < set.lines.size(); ++i) {
            const SetLine& line = set.lines[i];
            if (i + 1 < set.lines.size()) {
                EXPECT_EQ(line.source_end, set.lines[i + 1].source_begin) << "[" << text << "] line " << i << " of " << set.lines.size();
            }
            EXPECT_LE(line.source_begin, line.source_end);
            std::string source = text.substr(line.source_begin, line.source_end - line.source_begin);
            EXPECT_EQ(line_text(line), without_whitespace(source)) << "line " << i;
            joined += line_text(line);
            // Widths: never past the measure except by the hanging punctuation, unless overfull.
            double measure = paragraph.width_pt;
            if (!line.overfull) {
                EXPECT_LE(line.width_pt - line.right_hang_pt, measure + tolerance_pt)
                    << "line " << i << " ratio " << line.adjustment_ratio << " scale " << line.horizontal_scale
                    << " hang " << line.left_hang_pt << "/" << line.right_hang_pt << ": " << line_text(line);
            }
            for (const GlyphRun& run : line.runs) {
                EXPECT_GE(run.x_pt, -line.left_hang_pt - tolerance_pt);
                EXPECT_EQ(run.horizontal_scale, line.horizontal_scale);
                EXPECT_FALSE(run.text.empty());
            }
            EXPECT_GE(line.horizontal_scale, 0.98 - 1e-9);
            EXPECT_LE(line.horizontal_scale, 1.02 + 1e-9);
            if (line.filled) {
                // Justified lines reach the measure exactly (plus what hangs).
                EXPECT_NEAR(line.width_pt - line.right_hang_pt, measure, tolerance_pt) << "line " << i;
                EXPECT_GE(line.adjustment_ratio, -1.0 - 1e-9);
            }
            if (paragraph.alignment != model::Alignment::justified) {
                EXPECT_FALSE(line.filled);
            }
            hyphen_run = line.ends_with_hyphen ? hyphen_run + 1 : 0;
            EXPECT_LE(hyphen_run, 2) << "three hyphens in a row at line " << i;
            EXPECT_GT(line.ascent_pt, 0);
            EXPECT_GE(line.descent_pt, 0);
        }
        EXPECT_EQ(joined, without_whitespace(text));
        return set;
    }
};

TEST_F(Fixture, CorpusParagraphsSetWithinTheMeasureAndLoseNoText) {
    std::size_t lines = 0, hyphens = 0, hanging = 0, expanded = 0;
    double worst_ratio = 0;
    for (const std::string& text : paragraphs_of(read_corpus("wilde-soul-of-man-under-socialism.txt"), 200)) {
        SetParagraph set = set_and_check(spec(text, 300), text);
        EXPECT_EQ(set.pass, 1) << text.substr(0, 60);
        for (std::size_t i = 0; i + 1 < set.lines.size(); ++i) {
            const SetLine& line = set.lines[i];
            ++lines;
            hyphens += line.ends_with_hyphen ? 1 : 0;
            hanging += line.right_hang_pt > 0 ? 1 : 0;
            expanded += line.horizontal_scale != 1 ? 1 : 0;
            worst_ratio = std::max(worst_ratio, std::fabs(line.adjustment_ratio));
            EXPECT_FALSE(line.overfull);
            EXPECT_TRUE(line.filled) << i;
        }
    }
    ASSERT_GT(lines, 500u);
    // Sanity of the result as a whole: some hyphens but not many, punctuation hangs, fonts
    // expand on most lines, and no space stretched beyond what the first pass allows.
    EXPECT_GT(hyphens, 0u);
    EXPECT_LT(hyphens * 5, lines);
    EXPECT_GT(hanging * 10, lines);
    EXPECT_GT(expanded * 2, lines);
    EXPECT_LT(worst_ratio, 2.0);
}

TEST_F(Fixture, NarrowMeasuresHyphenateButNeverThreeLinesInARow) {
    std::size_t hyphens = 0;
    for (const std::string& text : paragraphs_of(read_corpus("paine-common-sense.txt"), 400)) {
        SetParagraph set = set_and_check(spec(text, 150), text);
        for (const SetLine& line : set.lines) hyphens += line.ends_with_hyphen ? 1 : 0;
    }
    EXPECT_GT(hyphens, 50u);
}

TEST_F(Fixture, ParagraphsThatSetWellWithoutHyphensGetNone) {
    // TeX's first pass: a paragraph whose lines all fit within the pretolerance unhyphenated is
    // set so; in a narrow measure, where it cannot be, the same text hyphenates.
    std::size_t wide_hyphens = 0, wide_lines = 0, narrow_hyphens = 0, narrow_lines = 0;
    for (const std::string& text : paragraphs_of(read_corpus("paine-common-sense.txt"), 400)) {
        for (const SetLine& line : set_and_check(spec(text, 330), text).lines) {
            wide_hyphens += line.ends_with_hyphen ? 1 : 0;
            ++wide_lines;
        }
        for (const SetLine& line : set_and_check(spec(text, 150), text).lines) {
            narrow_hyphens += line.ends_with_hyphen ? 1 : 0;
            ++narrow_lines;
        }
    }
    ASSERT_GT(wide_lines, 200u);
    EXPECT_LT(wide_hyphens * 40, wide_lines);  // at most one line in 40
    EXPECT_GT(narrow_hyphens * 20, narrow_lines);  // more than one in 20
}

TEST_F(Fixture, GermanParagraphsHyphenateWithTheGermanPatterns) {
    std::string text =
        "Die Geschichte aller bisherigen Gesellschaft ist die Geschichte von Klassenkämpfen. Freier und Sklave, "
        "Patrizier und Plebejer, Baron und Leibeigener, Zunftbürger und Gesell, kurz, Unterdrücker und Unterdrückte "
        "standen in stetem Gegensatz zueinander, führten einen ununterbrochenen, bald versteckten, bald offenen Kampf, "
        "einen Kampf, der jedesmal mit einer revolutionären Umgestaltung der ganzen Gesellschaft endete oder mit dem "
        "gemeinsamen Untergang der kämpfenden Klassen.";
    ParagraphSpec paragraph = spec(text, 140);
    paragraph.language = "de";
    SetParagraph set = set_and_check(paragraph, text);
    std::size_t hyphens = 0;
    for (std::size_t i = 0; i < set.lines.size(); ++i) {
        if (!set.lines[i].ends_with_hyphen) continue;
        ++hyphens;
        // The break is one the German patterns allow in that word.
        std::size_t at = set.lines[i].source_end;
        std::size_t word_begin = text.rfind(' ', at) + 1;
        std::size_t word_end = text.find_first_of(" ,.", at);
        std::string word = text.substr(word_begin, word_end - word_begin);
        auto points = hyphenation.points(word, "de");
        EXPECT_NE(std::find(points.begin(), points.end(), at - word_begin), points.end()) << word;
    }
    EXPECT_GT(hyphens, 0u);
}

TEST_F(Fixture, AnchorsReachTheLineOfTheirSpan) {
    std::string before = "The debate on the nature of the Soviet Union goes straight to the heart of the challenges "
                         "facing socialists on the eve of the twenty-first century";
    std::string after = " and raises the big questions for socialists today: what is socialism, and who makes it?";
    ParagraphSpec paragraph = spec(before + after, 200);
    StyledSpan marker;
    marker.text = "";  // a note reference contributes no visible text
    marker.face = regular;
    marker.size_pt = 7;
    marker.baseline_shift_pt = 3;
    marker.breakable = false;
    marker.source_offset = before.size();
    marker.anchor = 42;
    StyledSpan rest = paragraph.spans.front();
    paragraph.spans.front().text = before;
    rest.text = after;
    rest.source_offset = before.size();
    rest.anchor = 7;  // a link starting at the second span
    paragraph.spans = {paragraph.spans.front(), marker, rest};
    SetParagraph set = set_and_check(paragraph, before + after);
    int found = 0;
    for (const SetLine& line : set.lines) {
        for (const AnchorPlacement& anchor : line.anchors) {
            ++found;
            EXPECT_TRUE(anchor.anchor == 42 || anchor.anchor == 7);
            EXPECT_GE(line.source_end, before.size());
            EXPECT_LE(line.source_begin, before.size());
            EXPECT_GE(anchor.x_pt, 0);
            EXPECT_LE(anchor.x_pt, paragraph.width_pt + 1);
        }
    }
    EXPECT_EQ(found, 2);
}

TEST_F(Fixture, NoteMarkersRaiseAndShrinkTheirRun) {
    std::string word = "revolution";
    ParagraphSpec paragraph = spec(word, 200);
    StyledSpan marker = paragraph.spans.front();
    marker.text = "12";
    marker.size_pt = 7;
    marker.baseline_shift_pt = 3.5;
    marker.breakable = false;
    marker.source_offset = word.size();
    marker.anchor = 1;
    paragraph.spans.push_back(marker);
    SetParagraph set = set_paragraph(paragraph, fonts, hyphenation);
    ASSERT_EQ(set.lines.size(), 1u);
    const GlyphRun& last = set.lines[0].runs.back();
    EXPECT_EQ(last.text, "12");
    EXPECT_EQ(last.y_pt, 3.5);
    EXPECT_EQ(last.size_pt, 7);
    ASSERT_EQ(set.lines[0].anchors.size(), 1u);
    EXPECT_NEAR(set.lines[0].anchors[0].x_pt, last.x_pt, 1e-9);
}

TEST_F(Fixture, GeneratedMarkersTakeNoSourceBytes) {
    std::string first = "Bakunin wrote that the liberty of man consists solely in this, that he obeys natural laws";
    std::string second = " because he has himself recognised them as such, and not because they have been imposed upon him.";
    std::string text = first + second;
    auto marker = [&](std::size_t offset, bool flagged) {
        StyledSpan span;
        span.text = "12";
        span.face = regular;
        span.size_pt = 7;
        span.baseline_shift_pt = 3;
        span.breakable = false;
        span.source_offset = offset;
        span.generated = flagged;
        span.anchor = static_cast<int>(offset);
        return span;
    };
    ParagraphSpec paragraph = spec(first, 150);
    StyledSpan rest = paragraph.spans.front();
    rest.text = second;
    rest.source_offset = first.size();
    // One marker inside without the flag (recognised by its overlap), one at the end with it.
    paragraph.spans = {paragraph.spans.front(), marker(first.size(), false), rest, marker(text.size(), true)};
    SetParagraph set = set_paragraph(paragraph, fonts, hyphenation);
    ASSERT_GT(set.lines.size(), 2u);
    EXPECT_EQ(set.lines.front().source_begin, 0u);
    EXPECT_EQ(set.lines.back().source_end, text.size());
    std::string joined;
    for (std::size_t i = 0; i < set.lines.size(); ++i) {
        if (i + 1 < set.lines.size()) {
            EXPECT_EQ(set.lines[i].source_end, set.lines[i + 1].source_begin);
        }
        joined += line_text(set.lines[i]);
    }
    EXPECT_EQ(joined, without_whitespace(first + "12" + second + "12"));
    EXPECT_EQ(set.lines.back().anchors.size(), 1u);
}

TEST_F(Fixture, NoLineStartsWithASpacedDash) {
    std::ifstream stream(std::string(PAMPHLET_SOURCE_DIR) + "/input/russian-question.txt", std::ios::binary);
    std::stringstream essay;
    essay << stream.rdbuf();
    const std::string en_dash = "\u2013", em_dash = "\u2014";
    std::size_t dashes = 0;
    for (const std::string& text : paragraphs_of(essay.str(), 200)) {
        if (text.find(" " + en_dash + " ") == std::string::npos && text.find(" " + em_dash + " ") == std::string::npos) {
            continue;
        }
        for (double width : {150.0, 220.0, 300.0}) {
            SetParagraph set = set_and_check(spec(text, width), text);
            for (const SetLine& line : set.lines) {
                // Runs hold no spaces: a spaced dash opening a line would be a run of its own.
                const std::string& first = line.runs.front().text;
                EXPECT_TRUE(first != en_dash && first != em_dash) << first;
            }
            ++dashes;
        }
    }
    EXPECT_GT(dashes, 20u);
}

TEST_F(Fixture, WordsInCapitalsAreNotHyphenated) {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "INTERNATIONALISATION REVOLUTIONARY ";
    text.pop_back();
    SetParagraph set = set_and_check(spec(text, 200), text);
    for (const SetLine& line : set.lines) EXPECT_FALSE(line.ends_with_hyphen);
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    SetParagraph lower_set = set_and_check(spec(lower, 200), lower);
    bool hyphenated = false;
    for (const SetLine& line : lower_set.lines) hyphenated = hyphenated || line.ends_with_hyphen;
    EXPECT_TRUE(hyphenated);  // the same words in lower case do break
}

TEST_F(Fixture, SettingIsDeterministic) {
    std::string text = paragraphs_of(read_corpus("kropotkin-place-of-anarchism-in-socialistic-evolution.txt"), 600).at(0);
    SetParagraph first = set_paragraph(spec(text), fonts, hyphenation);
    Hyphenation fresh;
    SetParagraph second = set_paragraph(spec(text), fonts, fresh);
    ASSERT_EQ(first.lines.size(), second.lines.size());
    for (std::size_t i = 0; i < first.lines.size(); ++i) {
        ASSERT_EQ(first.lines[i].runs.size(), second.lines[i].runs.size());
        for (std::size_t r = 0; r < first.lines[i].runs.size(); ++r) {
            EXPECT_EQ(first.lines[i].runs[r].text, second.lines[i].runs[r].text);
            EXPECT_EQ(first.lines[i].runs[r].x_pt, second.lines[i].runs[r].x_pt);
        }
    }
}

// Every field of two set paragraphs, exactly (not within a tolerance).
void expect_same_setting(const SetParagraph& expected, const SetParagraph& actual) {
    EXPECT_EQ(expected.warnings, actual.warnings);
    EXPECT_EQ(expected.pass, actual.pass);
    EXPECT_EQ(expected.peak_active_nodes, actual.peak_active_nodes);
    ASSERT_EQ(expected.lines.size(), actual.lines.size());
    for (std::size_t i = 0; i < expected.lines.size(); ++i) {
        const SetLine& want = expected.lines[i];
        const SetLine& got = actual.lines[i];
        EXPECT_EQ(want.source_begin, got.source_begin);
        EXPECT_EQ(want.source_end, got.source_end);
        EXPECT_EQ(want.ascent_pt, got.ascent_pt);
        EXPECT_EQ(want.descent_pt, got.descent_pt);
        EXPECT_EQ(want.width_pt, got.width_pt);
        EXPECT_EQ(want.adjustment_ratio, got.adjustment_ratio);
        EXPECT_EQ(want.horizontal_scale, got.horizontal_scale);
        EXPECT_EQ(want.ends_with_hyphen, got.ends_with_hyphen);
        EXPECT_EQ(want.overfull, got.overfull);
        ASSERT_EQ(want.anchors.size(), got.anchors.size());
        for (std::size_t a = 0; a < want.anchors.size(); ++a) {
            EXPECT_EQ(want.anchors[a].anchor, got.anchors[a].anchor);
            EXPECT_EQ(want.anchors[a].x_pt, got.anchors[a].x_pt);
        }
        ASSERT_EQ(want.runs.size(), got.runs.size());
        for (std::size_t r = 0; r < want.runs.size(); ++r) {
            EXPECT_EQ(want.runs[r].text, got.runs[r].text);
            EXPECT_EQ(want.runs[r].face, got.runs[r].face);
            EXPECT_EQ(want.runs[r].size_pt, got.runs[r].size_pt);
            EXPECT_EQ(want.runs[r].x_pt, got.runs[r].x_pt);
            EXPECT_EQ(want.runs[r].y_pt, got.runs[r].y_pt);
            EXPECT_EQ(want.runs[r].horizontal_scale, got.runs[r].horizontal_scale);
        }
    }
}

TEST_F(Fixture, AReusedScratchSetsAsAFreshOne) {
    // Long paragraphs before short ones, so the buffers hold leftovers beyond each new paragraph's
    // end; ragged and narrow settings and an anchored span in between.
    std::vector<ParagraphSpec> paragraphs;
    const std::vector<std::string> texts =
        paragraphs_of(read_corpus("kropotkin-place-of-anarchism-in-socialistic-evolution.txt"), 300);
    ASSERT_GE(texts.size(), 4u);
    std::vector<std::string> chosen(texts.begin(), texts.begin() + 4);
    std::sort(chosen.begin(), chosen.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const std::string& text : chosen) paragraphs.push_back(spec(text));
    paragraphs.push_back(spec(chosen.back(), 180, model::Alignment::left));
    ParagraphSpec anchored = spec("A note follows");
    StyledSpan marker = anchored.spans.front();
    marker.text = "1";
    marker.source_offset = anchored.spans.front().text.size();
    marker.baseline_shift_pt = 3;
    marker.breakable = false;
    marker.anchor = 7;
    anchored.spans.push_back(marker);
    paragraphs.push_back(anchored);
    paragraphs.push_back(spec("Short."));

    ParagraphScratch scratch;
    for (const ParagraphSpec& paragraph : paragraphs) {
        SetParagraph reused = set_paragraph(paragraph, fonts, hyphenation, scratch);
        expect_same_setting(set_paragraph(paragraph, fonts, hyphenation), reused);
    }
}

TEST_F(Fixture, KerningSplitsRunsAtKernedPairs) {
    ParagraphSpec paragraph = spec("AVATAR Tomorrow", 300, model::Alignment::left);
    FaceId dejavu = fonts.face("DejaVu Serif", FontWeight::normal, FontSlant::normal);
    paragraph.spans.front().face = dejavu;
    SetParagraph set = set_paragraph(paragraph, fonts, hyphenation);
    ASSERT_EQ(set.lines.size(), 1u);
    const auto& runs = set.lines[0].runs;
    ASSERT_GT(runs.size(), 2u);  // A|V|A|T... each kerned pair starts a run
    // The second run starts closer than the first glyph's nominal advance: a negative kern.
    double nominal = fonts.advance_em(dejavu, U'A') * 10.5;
    EXPECT_EQ(runs[0].text, "A");
    EXPECT_LT(runs[1].x_pt - runs[0].x_pt, nominal - 0.05);
}

TEST_F(Fixture, AlignmentsAndIndent) {
    std::string text = paragraphs_of(read_corpus("wilde-soul-of-man-under-socialism.txt"), 600).at(0);
    for (auto alignment : {model::Alignment::left, model::Alignment::right, model::Alignment::center}) {
        SetParagraph set = set_and_check(spec(text, 250, alignment), text);
        ASSERT_GT(set.lines.size(), 3u);
        for (const SetLine& line : set.lines) {
            EXPECT_EQ(line.adjustment_ratio, 0);
            EXPECT_EQ(line.horizontal_scale, 1);
            double left = line.runs.front().x_pt;
            double right = line.width_pt;
            if (alignment == model::Alignment::left) {
                EXPECT_NEAR(left + line.left_hang_pt, 0, tolerance_pt);
            }
            if (alignment == model::Alignment::right) {
                EXPECT_NEAR(right - line.right_hang_pt, 250, tolerance_pt);
            }
            if (alignment == model::Alignment::center) {
                EXPECT_NEAR(left, 250 - right, tolerance_pt);
            }
        }
        double shortest = 1e9;
        for (const SetLine& line : set.lines) shortest = std::min(shortest, line.width_pt - line.runs.front().x_pt);
        EXPECT_LT(shortest, 240);  // ragged, not justified
    }
    ParagraphSpec indented = spec(text, 250);
    indented.first_line_indent_pt = 12;
    SetParagraph set = set_and_check(indented, text);
    EXPECT_NEAR(set.lines[0].runs.front().x_pt + set.lines[0].left_hang_pt, 12, tolerance_pt);
    EXPECT_NEAR(set.lines[1].runs.front().x_pt + set.lines[1].left_hang_pt, 0, tolerance_pt);
}

TEST_F(Fixture, OverfullOnlyAsALastResortAndReported) {
    std::string text = "See https://example.org/a-very-long-address/that-cannot-be-broken/anywhere/at-all for more.";
    ParagraphSpec paragraph = spec(text, 120);
    paragraph.spans.clear();
    std::size_t url_begin = 4, url_end = text.find(" for");
    for (auto [begin, end, breakable] : {std::tuple{std::size_t{0}, url_begin, true}, std::tuple{url_begin, url_end, false},
                                         std::tuple{url_end, text.size(), true}}) {
        StyledSpan span;
        span.text = text.substr(begin, end - begin);
        span.face = regular;
        span.size_pt = 10.5;
        span.breakable = breakable;
        span.source_offset = begin;
        paragraph.spans.push_back(span);
    }
    SetParagraph set = set_and_check(paragraph, text);
    EXPECT_EQ(set.pass, 3);
    int overfull = 0;
    for (const SetLine& line : set.lines) overfull += line.overfull ? 1 : 0;
    EXPECT_EQ(overfull, 1);
    ASSERT_FALSE(set.warnings.empty());
    EXPECT_NE(set.warnings.back().find("overfull"), std::string::npos);
}

TEST_F(Fixture, SmallCapsAreFakedFromCapitals) {
    ParagraphSpec paragraph = spec("Karl Marx", 300, model::Alignment::left);
    paragraph.spans.front().small_caps = true;
    SetParagraph set = set_paragraph(paragraph, fonts, hyphenation);
    ASSERT_EQ(set.lines.size(), 1u);
    std::string full_size, reduced;
    for (const GlyphRun& run : set.lines[0].runs) {
        (run.size_pt == 10.5 ? full_size : reduced) += run.text;
        if (run.size_pt != 10.5) {
                EXPECT_NEAR(run.size_pt, 10.5 * small_caps_scale, 1e-9);
            }
    }
    EXPECT_EQ(full_size, "KM");
    EXPECT_EQ(reduced, "ARLARX");
}

TEST_F(Fixture, LineBreaksAndEmptyParagraphs) {
    std::string text = "First line\nsecond line";
    SetParagraph set = set_and_check(spec(text), text);
    ASSERT_EQ(set.lines.size(), 2u);
    EXPECT_EQ(line_text(set.lines[0]), "Firstline");
    EXPECT_TRUE(set_paragraph(spec(""), fonts, hyphenation).lines.empty());
}

TEST_F(Fixture, FallbackFacesForMissingCharactersAndWarningsForNone) {
    std::string text = "Check \u2654 mate \U0010FFFD";
    SetParagraph set = set_paragraph(spec(text), fonts, hyphenation);
    ASSERT_EQ(set.lines.size(), 1u);
    bool other_face = false;
    for (const GlyphRun& run : set.lines[0].runs) other_face = other_face || run.face != regular;
    EXPECT_TRUE(other_face);
    ASSERT_EQ(set.warnings.size(), 1u);
    EXPECT_NE(set.warnings[0].find("U+10FFFD"), std::string::npos);
}

TEST_F(Fixture, LongParagraphKeepsTheActiveListSmall) {
    std::string text;
    for (const std::string& paragraph : paragraphs_of(read_corpus("tolstoy-war-and-peace.txt"), 100)) {
        if (text.size() > 200000) break;
        text += paragraph + " ";
    }
    text.pop_back();
    SetParagraph set = set_and_check(spec(text), text);
    EXPECT_GT(set.lines.size(), 3000u);
    EXPECT_LT(set.peak_active_nodes, 200u);  // bounded by a line's worth of breaks, not by the length
    EXPECT_GT(set.peak_active_nodes, 3u);
}

TEST_F(Fixture, WideMeasuresHitTheActiveNodeCapAndStillSetEverything) {
    // Two thousand breakpoints fit on one 6000 pt line: without the window every one of them
    // would stay active.
    std::string text;
    for (int i = 0; i < 20000; ++i) text += (i % 7 == 0 ? "ab " : "a ");
    text.pop_back();
    SetParagraph set = set_and_check(spec(text, 6000), text);
    EXPECT_LE(set.peak_active_nodes, 512u);
    EXPECT_GE(set.peak_active_nodes, 500u);
    EXPECT_GT(set.lines.size(), 5u);
}

TEST_F(Fixture, RandomTextKeepsEveryInvariant) {
    // Deterministic pseudo-random paragraphs from awkward pieces: long words, dashes, quotes,
    // line breaks, runs of spaces, Cyrillic, words too wide for the measure.
    const std::vector<std::string> pieces = {
        "a", "the", "revolution", "Internationalisation", "co-operation", "\u201cquoted,\u201d", "end.",
        "\u2013", "\u2014", "and/or", "\u0441\u0432\u043e\u0431\u043e\u0434\u0430", "x", "supercalifragilisticexpialidocious",
        "AVA", "(1871)", "well-known", "\n", "  ", "\u2026"};
    std::mt19937 random(12345);
    for (int round = 0; round < 300; ++round) {
        std::string text;
        int words = 1 + static_cast<int>(random() % 120);
        for (int i = 0; i < words; ++i) {
            if (!text.empty() && text.back() != '\n') text += ' ';
            text += pieces[random() % pieces.size()];
        }
        auto alignment = static_cast<model::Alignment>(random() % 4);
        double width = 40 + static_cast<double>(random() % 400);
        ParagraphSpec paragraph = spec(text, width, alignment);
        paragraph.first_line_indent_pt = (random() % 2) ? 12 : 0;
        SetParagraph set = set_paragraph(paragraph, fonts, hyphenation);
        std::string joined;
        for (std::size_t i = 0; i < set.lines.size(); ++i) {
            const SetLine& line = set.lines[i];
            joined += line_text(line);
            if (i + 1 < set.lines.size()) {
                EXPECT_EQ(line.source_end, set.lines[i + 1].source_begin) << "[" << text << "] line " << i << " of " << set.lines.size();
            }
            if (!line.overfull) {
                std::string runs;
                for (const GlyphRun& run : line.runs) runs += "[" + std::to_string(run.x_pt) + " " + run.text + "]";
                EXPECT_LE(line.width_pt - line.right_hang_pt, width + tolerance_pt)
                    << "alignment " << static_cast<int>(alignment) << " line " << i << " filled " << line.filled
                    << " hang " << line.left_hang_pt << "/" << line.right_hang_pt << " " << runs;
            }
        }
        EXPECT_EQ(joined, without_whitespace(text)) << text;
        if (!set.lines.empty()) {
            EXPECT_FALSE(set.lines.back().runs.empty()) << "[" << text << "]";
            EXPECT_EQ(set.lines.back().source_end, text.size());
        }
    }
}

}  // namespace
}  // namespace pamphlet::layout
