#include "epub/book_plan.hpp"

#include <algorithm>

#include "model/text.hpp"

namespace pamphlet::epub {

std::string single_line_text(const model::Inlines& inlines) {
    std::string out;
    bool pending_space = false;
    for (char c : model::visible_text(inlines)) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

namespace {

// Bytes of running text in a top-level block, quotes and lists included.
std::size_t text_bytes(const model::Block& block) {
    std::size_t bytes = 0;
    if (const auto* quote = std::get_if<model::BlockQuote>(&block.value)) {
        for (const model::Block& child : quote->children) bytes += text_bytes(child);
    } else if (const auto* list = std::get_if<model::ListBlock>(&block.value)) {
        for (const model::Blocks& item : list->items)
            for (const model::Block& child : item) bytes += text_bytes(child);
    } else {
        bytes = model::visible_text(block).size();
    }
    return bytes;
}

}  // namespace

BookPlan plan_book(const model::Document& document, std::string_view book_title, IdRegistry& ids) {
    BookPlan plan;
    const model::Blocks& blocks = document.blocks;
    std::size_t file_text_bytes = 0;  // running text in the newest content document so far
    for (std::size_t index = 0; index < blocks.size(); ++index) {
        const auto* heading = std::get_if<model::Heading>(&blocks[index].value);
        const bool opens_file = plan.documents.empty() || (heading != nullptr && heading->level <= 1) ||
                                (heading != nullptr && heading->level == 2 && file_text_bytes >= split_text_bytes);
        file_text_bytes = (opens_file ? 0 : file_text_bytes) + text_bytes(blocks[index]);
        if (opens_file) {
            if (!plan.documents.empty()) plan.documents.back().end_block = index;
            ContentDocument next;
            next.file = "section-" + std::to_string(plan.documents.size() + 1) + ".xhtml";
            next.first_block = index;
            next.opens_with_heading = heading != nullptr;
            next.title = std::string(book_title);
            plan.documents.push_back(next);
        }
        if (heading == nullptr) continue;
        OutlineEntry entry;
        entry.level = std::clamp(heading->level, 1, 4);
        entry.label = single_line_text(heading->content);
        if (entry.label.empty()) entry.label = "Section " + std::to_string(plan.outline.size() + 1);
        entry.file = plan.documents.back().file;
        entry.id = ids.claim(heading->id.empty() ? "h-" + std::to_string(plan.outline.size() + 1) : heading->id, "h-");
        plan.heading_ids[heading] = entry.id;
        if (opens_file) plan.documents.back().title = entry.label;
        plan.outline.push_back(entry);
    }
    if (plan.documents.empty()) plan.documents.push_back({"section-1.xhtml", 0, 0, std::string(book_title), false});
    plan.documents.back().end_block = blocks.size();
    return plan;
}

}  // namespace pamphlet::epub
