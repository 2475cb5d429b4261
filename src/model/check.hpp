// Structural validation of a Document: the one place that states what may contain what, so that
// every backend can trust the tree it is given (cmark's approach).
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace pamphlet::model {

struct Problem {
    SourcePosition position;
    std::string message;
};

// Returns every structural problem found; an empty result means the document is well formed.
// Rules: heading levels 1-4 with non-empty content; no heading inside a note body, list or
// quote; lists have at least one item; note bodies are non-empty and do not contain notes of
// the same kind (a primary note may hold secondary notes); links have a target; verse has at
// least one line; text is valid UTF-8 without control characters other than '\n' and '\t'.
std::vector<Problem> check(const Document& document);

}  // namespace pamphlet::model
