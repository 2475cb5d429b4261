// A 64-bit content fingerprint (FNV-1a), for deciding whether a document must be rebuilt.
// Not cryptographic: it only has to change when any input byte changes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pamphlet::cli {

class ContentHash {
public:
    void add(std::string_view bytes) {
        for (unsigned char byte : bytes) {
            state_ ^= byte;
            state_ *= 0x100000001b3ULL;
        }
        // Separate consecutive parts so that ("ab","c") and ("a","bc") differ.
        state_ ^= 0xff;
        state_ *= 0x100000001b3ULL;
    }
    std::uint64_t value() const { return state_; }
    std::string hex() const;

private:
    std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace pamphlet::cli
