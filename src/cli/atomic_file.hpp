// Writing outputs so that nothing is ever lost: the bytes go to a temporary file in the target
// folder and are renamed over the target only once complete and flushed. A failure leaves any
// existing file untouched and no temporary file behind.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace pamphlet::cli {

class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws OutputError naming the path and the system's reason (missing folder, no permission,
// disk full).
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace pamphlet::cli
