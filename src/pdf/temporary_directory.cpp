#include "pdf/temporary_directory.hpp"

#include <stdlib.h>  // mkdtemp (POSIX)

#include <stdexcept>
#include <string>
#include <system_error>

namespace pamphlet::pdf {

TemporaryDirectory::TemporaryDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pamphlet-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("cannot create a temporary directory under " +
                                 std::filesystem::temp_directory_path().string());
    path_ = pattern;
}

TemporaryDirectory::~TemporaryDirectory() {
    std::error_code ignored;  // a destructor must not throw; a leftover temp dir is harmless
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace pamphlet::pdf
