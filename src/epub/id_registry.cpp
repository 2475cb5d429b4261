#include "epub/id_registry.hpp"

namespace pamphlet::epub {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_id_character(char c) { return is_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'; }

}  // namespace

std::string IdRegistry::claim(std::string_view wanted, std::string_view fallback_prefix) {
    std::string id;
    if (wanted.empty() || !is_letter(wanted.front())) id = fallback_prefix;
    for (char c : wanted) id += is_id_character(c) ? c : '_';
    std::string unique = id;
    for (int suffix = 2; taken_.count(unique) != 0; ++suffix) unique = id + "-" + std::to_string(suffix);
    taken_.insert(unique);
    return unique;
}

}  // namespace pamphlet::epub
