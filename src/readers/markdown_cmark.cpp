#include "readers/markdown_cmark.hpp"

#include <cmark-gfm-core-extensions.h>

#include <stdexcept>

namespace pamphlet::readers {
namespace {

struct CmarkParserDeleter {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct CmarkIteratorDeleter {
    void operator()(cmark_iter* iterator) const { cmark_iter_free(iterator); }
};

}  // namespace

CmarkTree parse_commonmark(std::string_view utf8_text) {
    // Registration is idempotent and guarded inside cmark-gfm; it only fills its extension registry.
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, CmarkParserDeleter> parser(
        cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8));
    if (!parser) throw std::runtime_error("cmark-gfm could not create a parser");
    cmark_syntax_extension* table = cmark_find_syntax_extension("table");
    if (!table || !cmark_parser_attach_syntax_extension(parser.get(), table))
        throw std::runtime_error("cmark-gfm's table extension is not available");
    cmark_parser_feed(parser.get(), utf8_text.data(), utf8_text.size());
    CmarkTree tree(cmark_parser_finish(parser.get()));
    if (!tree) throw std::runtime_error("cmark-gfm failed to parse the document");
    return tree;
}

std::vector<std::pair<int, int>> literal_line_ranges(cmark_node* root) {
    std::vector<std::pair<int, int>> ranges;
    std::unique_ptr<cmark_iter, CmarkIteratorDeleter> iterator(cmark_iter_new(root));
    cmark_event_type event;
    while ((event = cmark_iter_next(iterator.get())) != CMARK_EVENT_DONE) {
        if (event != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iterator.get());
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK)
            ranges.emplace_back(cmark_node_get_start_line(node), cmark_node_get_end_line(node));
    }
    return ranges;
}

std::string_view node_type_name(cmark_node* node) {
    const char* name = cmark_node_get_type_string(node);
    return name ? std::string_view(name) : std::string_view{};
}

}  // namespace pamphlet::readers
