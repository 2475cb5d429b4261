// A private directory under the system temp folder, removed with everything in it when the
// owner goes out of scope (libharu loads fonts only from files, so subsets pass through here).
#pragma once

#include <filesystem>

namespace pamphlet::pdf {

class TemporaryDirectory {
public:
    TemporaryDirectory();  // throws std::runtime_error if it cannot be created
    ~TemporaryDirectory();
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace pamphlet::pdf
