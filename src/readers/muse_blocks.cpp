#include "readers/muse_blocks.hpp"

#include <algorithm>

#include "model/text.hpp"
#include "readers/markdown_image_path.hpp"
#include "readers/markdown_text_helpers.hpp"
#include "readers/muse_lines.hpp"

namespace pamphlet::readers {

using namespace muse_lines;

namespace {

constexpr int deepest_heading = 4;
constexpr std::string_view no_break_space = "\xC2\xA0";

// Text::Amuse's indentation rules: 2-5 columns quote a paragraph, 6-19 centre it, 20+ set it right.
enum class IndentKind { plain, quote, center, right };
IndentKind indent_kind(std::size_t indent) {
    if (indent >= 20) return IndentKind::right;
    if (indent >= 6) return IndentKind::center;
    if (indent >= 2) return IndentKind::quote;
    return IndentKind::plain;
}

bool is_image_path(std::string_view target) {
    const std::size_t dot = target.rfind('.');
    if (dot == std::string_view::npos) return false;
    std::string extension(target.substr(dot + 1));
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension == "png" || extension == "jpg" || extension == "jpeg" || extension == "gif";
}

// Puts every run of running text in the blocks into a language span (a <[de]> region).
void wrap_in_language(model::Blocks& blocks, const std::string& language) {
    for_each_inline_run(blocks, [&](model::Inlines& inlines, const model::Block&) {
        if (inlines.empty()) return;
        model::LanguageSpan span;
        span.language = language;
        span.children = std::move(inlines);
        inlines = model::Inlines{std::move(span)};
    });
}

// Leading spaces of a verse line are meaningful indentation: keep them as no-break spaces.
std::string keep_verse_indent(std::string_view line) {
    std::string out;
    std::size_t at = 0;
    for (; at < line.size() && line[at] == ' '; ++at) out += no_break_space;
    out.append(trim(line.substr(at)));
    return out;
}

}  // namespace

MuseNoteLabels find_muse_note_labels(const std::vector<std::string_view>& lines, std::size_t first_line) {
    MuseNoteLabels labels;
    std::string literal_region;  // "example" or "comment" while inside one
    for (std::size_t i = first_line; i < lines.size(); ++i) {
        if (const auto tag = block_tag_of(lines[i])) {
            if (literal_region.empty() && !tag->closing && (tag->name == "example" || tag->name == "comment"))
                literal_region = tag->name;
            else if (tag->closing && tag->name == literal_region)
                literal_region.clear();
            continue;
        }
        if (!literal_region.empty()) continue;
        if (const auto note = note_start_of(lines[i]))
            (note->secondary ? labels.secondary : labels.primary).insert(note->label);
    }
    return labels;
}

MuseBlockParser::MuseBlockParser(const std::vector<std::string_view>& lines, const MuseNoteLabels& labels,
                                 std::string file_name, model::Report& report)
    : lines_(lines), labels_(labels), file_(std::move(file_name)), report_(report) {}

model::Blocks MuseBlockParser::parse(std::size_t first) { return blocks(Region{first, lines_.size(), false}); }

void MuseBlockParser::warn(std::size_t line_index, std::string message) {
    report_.warn(file_, static_cast<int>(line_index) + 1, std::move(message));
}

model::Inlines MuseBlockParser::inlines(std::string_view text, std::size_t line_index) {
    const std::function<void(const std::string&)> warn_here = [&](const std::string& message) { warn(line_index, message); };
    return parse_muse_inlines(text, labels_, warn_here);
}

model::Blocks MuseBlockParser::blocks(Region region) {
    model::Blocks out;
    std::size_t i = region.begin;
    bool quote_open = false;  // the last block is a quote made by indentation: the next one joins it
    while (i < region.end) {
        const std::string_view line = lines_[i];
        if (is_blank(line)) {
            ++i;
            continue;
        }
        const std::size_t blocks_before = out.size();
        bool indented_quote = false;
        if (line[0] == ';' && (line.size() == 1 || line[1] == ' ')) {
            ++i;  // a comment line: Muse leaves it out of every output
            continue;
        } else if (block_tag_of(line)) {
            i = block_tag(region, i, out);
        } else if (is_scene_break(line) || (indent_of(line) == 0 && is_rule(line))) {
            out.emplace_back(model::SceneBreak{}, at(i));
            ++i;
        } else if (const int level = heading_level(line)) {
            model::Inlines content = inlines(trim(line.substr(static_cast<std::size_t>(level))), i);
            if (content.empty()) {
                warn(i, "empty heading left out");
            } else if (depth_ > 0 || region.contained) {
                warn(i, "a heading inside a quote, list or note is set as a paragraph");
                out.emplace_back(model::Paragraph{std::move(content)}, at(i));
            } else {
                if (level > deepest_heading)
                    warn(i, "heading level " + std::to_string(level) + " is set as level " +
                                std::to_string(deepest_heading));
                out.emplace_back(model::Heading{std::min(level, deepest_heading), std::move(content), ""}, at(i));
            }
            ++i;
        } else if (!region.contained && note_start_of(line)) {
            i = note_definition(region, i);
        } else if (line[0] == '>' && (line.size() == 1 || line[1] == ' ')) {
            i = verse_lines(region, i, out);
        } else if (is_table_line(line)) {
            i = table(region, i, out);
        } else if (list_marker_of(line)) {
            i = list(region, i, out);
        } else {
            const std::size_t indent = indent_of(line);
            i = paragraph(region, i, out);
            indented_quote = !region.contained && indent_kind(indent) == IndentKind::quote && out.size() > blocks_before;
        }
        if (indented_quote && quote_open && out.size() >= 2) {
            auto& previous = std::get<model::BlockQuote>(out[out.size() - 2].value);
            auto& added = std::get<model::BlockQuote>(out.back().value);
            for (model::Block& block : added.children) previous.children.push_back(std::move(block));
            out.pop_back();
        }
        quote_open = indented_quote;
    }
    return out;
}

std::size_t MuseBlockParser::paragraph(Region region, std::size_t i, model::Blocks& out) {
    const std::size_t first = i;
    std::string text;
    for (; i < region.end && !is_blank(lines_[i]) && (i == first || !block_tag_of(lines_[i])); ++i) {
        if (!text.empty()) text += ' ';
        text.append(trim(lines_[i]));
    }
    const model::SourcePosition where = at(first);
    const IndentKind kind = region.contained ? IndentKind::plain : indent_kind(indent_of(lines_[first]));

    // [[picture.png]] or [[picture.png][caption]] alone: a figure.
    if (text.size() > 4 && text.compare(0, 2, "[[") == 0 && text.compare(text.size() - 2, 2, "]]") == 0 &&
        text.find("[[", 2) == std::string::npos && text.find("]]") == text.size() - 2) {
        const std::string_view inside = std::string_view(text).substr(2, text.size() - 4);
        const std::size_t split = inside.find("][");
        std::string_view target = inside.substr(0, split);
        target = target.substr(0, target.find(' '));  // "logo.png 80 r": width and float are print hints
        // A remote picture stays a link: amusewiki only embeds files that travel with the text.
        if (is_image_path(target) && target.find("://") == std::string_view::npos) {
            const std::string problem = image_path_problem(target);
            if (!problem.empty())
                throw model::InputError(file_, where.line, 1, "image '" + std::string(target) + "': " + problem);
            model::Figure figure;
            figure.source = std::string(target);
            if (split != std::string_view::npos) figure.caption = inlines(inside.substr(split + 2), first);
            figure.alt = model::visible_text(figure.caption);
            if (figure.alt.empty())
                warn(first, "image '" + figure.source + "' has no caption to serve as alternative text");
            out.emplace_back(std::move(figure), where);
            return i;
        }
    }

    model::Paragraph paragraph{inlines(text, first)};
    // A "<br>" alone asks for vertical space (or separates two lists): no paragraph of its own.
    const bool only_breaks = std::all_of(paragraph.content.begin(), paragraph.content.end(), [](const model::Inline& node) {
        return std::holds_alternative<model::LineBreak>(node.value);
    });
    if (only_breaks) return i;
    switch (kind) {
        case IndentKind::plain: out.emplace_back(std::move(paragraph), where); break;
        case IndentKind::quote: {
            model::BlockQuote quote;
            quote.children.emplace_back(std::move(paragraph), where);
            out.emplace_back(std::move(quote), where);
            break;
        }
        case IndentKind::center:
        case IndentKind::right:
            paragraph.alignment = kind == IndentKind::center ? model::Alignment::center : model::Alignment::right;
            paragraph.no_indent = true;
            out.emplace_back(std::move(paragraph), where);
            break;
    }
    return i;
}

std::size_t MuseBlockParser::block_tag(Region region, std::size_t i, model::Blocks& out) {
    const BlockTag tag = *block_tag_of(lines_[i]);
    std::size_t end = region.end;
    if (!tag.closing) {
        int depth = 1;
        // Literal regions end at their first closing tag; others may nest.
        const bool literal = tag.name == "example" || tag.name == "comment" || tag.name == "verbatim";
        for (std::size_t k = i + 1; k < region.end && end == region.end; ++k) {
            const auto other = block_tag_of(lines_[k]);
            if (!other || other->name != tag.name) continue;
            if (!other->closing && !literal) ++depth;
            else if (other->closing && --depth == 0) end = k;
        }
    }
    if (tag.closing || end == region.end) {
        warn(i, "'" + std::string(trim(lines_[i])) + (tag.closing ? "' closes nothing" : "' is never closed") +
                    "; kept as text");
        out.emplace_back(model::Paragraph{{model::Text{std::string(trim(lines_[i]))}}}, at(i));
        return i + 1;
    }
    const Region inner{i + 1, end, region.contained};
    const model::SourcePosition where = at(i);
    if (tag.name == "quote") {
        ++depth_;
        model::BlockQuote quote;
        quote.children = blocks(inner);
        --depth_;
        if (!quote.children.empty()) out.emplace_back(std::move(quote), where);
    } else if (tag.name == "center" || tag.name == "right") {
        model::Blocks children = blocks(inner);
        align_paragraphs(children, tag.name == "center" ? model::Alignment::center : model::Alignment::right);
        for (model::Block& block : children) out.push_back(std::move(block));
    } else if (tag.name == "verse") {
        model::Verse verse = this->verse(inner);
        if (verse.stanzas.empty()) warn(i, "empty <verse> left out");
        else out.emplace_back(std::move(verse), where);
    } else if (tag.name == "example" || tag.name == "verbatim") {
        std::string text;
        for (std::size_t k = inner.begin; k < inner.end; ++k) {
            if (k > inner.begin) text += '\n';
            text.append(lines_[k]);
        }
        out.emplace_back(model::Preformatted{std::move(text)}, where);
    } else if (tag.name == "comment") {
        // Muse comments are never published.
    } else if (tag.name.front() == '[') {
        model::Blocks children = blocks(inner);
        wrap_in_language(children, tag.name.substr(1, tag.name.size() - 2));
        for (model::Block& block : children) out.push_back(std::move(block));
    } else {
        warn(i, "<" + tag.name + "> has no equivalent here; its contents are read as ordinary text");
        for (model::Block& block : blocks(inner)) out.push_back(std::move(block));
    }
    return end + 1;
}

model::Verse MuseBlockParser::verse(Region region) {
    model::Verse verse;
    std::vector<model::Inlines> stanza;
    for (std::size_t k = region.begin; k <= region.end; ++k) {
        if (k == region.end || is_blank(lines_[k])) {
            if (!stanza.empty()) verse.stanzas.push_back(std::move(stanza));
            stanza.clear();
            continue;
        }
        model::Inlines line = inlines(keep_verse_indent(lines_[k]), k);
        if (line.empty()) line.push_back(model::Text{std::string(no_break_space)});
        stanza.push_back(std::move(line));
    }
    return verse;
}

std::size_t MuseBlockParser::verse_lines(Region region, std::size_t i, model::Blocks& out) {
    model::Verse verse;
    std::vector<model::Inlines> stanza;
    const std::size_t first = i;
    for (; i < region.end && !lines_[i].empty() && lines_[i][0] == '>'; ++i) {
        const std::string_view content = lines_[i].substr(std::min<std::size_t>(2, lines_[i].size()));
        if (is_blank(content)) {
            if (!stanza.empty()) verse.stanzas.push_back(std::move(stanza));
            stanza.clear();
            continue;
        }
        stanza.push_back(inlines(keep_verse_indent(content), i));
    }
    if (!stanza.empty()) verse.stanzas.push_back(std::move(stanza));
    if (!verse.stanzas.empty()) out.emplace_back(std::move(verse), at(first));
    return i;
}

std::size_t MuseBlockParser::note_definition(Region region, std::size_t i) {
    const NoteStart start = *note_start_of(lines_[i]);
    const std::size_t first = i;
    MuseNoteDefinition definition;
    definition.line = static_cast<int>(first) + 1;
    // The first paragraph: the rest of the line and the lines up to a blank one.
    auto collect = [&](std::size_t from, std::string text) {
        std::size_t k = from;
        for (; k < region.end && !is_blank(lines_[k]) && !note_start_of(lines_[k]) && !block_tag_of(lines_[k]); ++k) {
            if (!text.empty()) text += ' ';
            text.append(trim(lines_[k]));
        }
        model::Inlines content = inlines(text, from > 0 ? from - 1 : 0);
        if (!content.empty()) definition.body.emplace_back(model::Paragraph{std::move(content)}, at(from - 1));
        return k;
    };
    i = collect(i + 1, std::string(trim(lines_[i].substr(start.text_start))));
    // Further paragraphs belong to the note when indented like its text (Text::Amuse: from 3
    // columns up to just past the "[N] " marker); less or more indentation starts other blocks.
    while (true) {
        std::size_t next = i;
        while (next < region.end && is_blank(lines_[next])) ++next;
        if (next >= region.end || note_start_of(lines_[next]) || block_tag_of(lines_[next])) break;
        const std::size_t indent = indent_of(lines_[next]);
        if (indent < 3 || indent > start.text_start + 1) break;
        i = collect(next + 1, std::string(trim(lines_[next])));
    }
    auto& definitions = start.secondary ? notes_.secondary : notes_.primary;
    const std::string marker = start.secondary ? "{" + start.label + "}" : "[" + start.label + "]";
    if (definition.body.empty()) warn(first, "footnote " + marker + " is empty and left out");
    else if (definitions.count(start.label)) warn(first, "footnote " + marker + " is defined twice; the second is left out");
    else definitions.emplace(start.label, std::move(definition));
    return i;
}

}  // namespace pamphlet::readers
