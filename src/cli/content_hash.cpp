#include "cli/content_hash.hpp"

#include <cstdio>

namespace pamphlet::cli {

std::string ContentHash::hex() const {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(state_));
    return buffer;
}

}  // namespace pamphlet::cli
