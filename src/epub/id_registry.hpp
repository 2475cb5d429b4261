// Ids that must be unique across the whole book (page markers, headings, notes): nav documents
// link to them by file and fragment, and a repeated id would send a reader to the wrong place.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace pamphlet::epub {

class IdRegistry {
public:
    // Returns `wanted` made into a safe id (letters, digits, '-', '_', '.', starting with a
    // letter; anything else becomes '_', and `fallback_prefix` is put in front of a bad start),
    // with "-2", "-3"... appended when it is already taken. The result is then taken.
    std::string claim(std::string_view wanted, std::string_view fallback_prefix = "id-");

private:
    std::set<std::string, std::less<>> taken_;
};

}  // namespace pamphlet::epub
