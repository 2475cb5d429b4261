#include "cli/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pamphlet::cli {
namespace {

// Owns a temporary file descriptor and path; removes the file unless released.
class TemporaryFile {
public:
    explicit TemporaryFile(const std::filesystem::path& target) {
        const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
        path_ = (folder / ("." + target.filename().string() + ".XXXXXX.tmp")).string();
        descriptor_ = ::mkstemps(path_.data(), 4);
        if (descriptor_ < 0) {
            const int error = errno;
            path_.clear();
            throw OutputError("cannot write " + target.string() + ": " + std::strerror(error) +
                              (error == ENOENT ? " (the folder does not exist)" : ""));
        }
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() {
        if (descriptor_ >= 0) ::close(descriptor_);
        if (!path_.empty()) ::unlink(path_.c_str());
    }

    int descriptor() const { return descriptor_; }
    const std::string& path() const { return path_; }
    void close_descriptor() {
        const int descriptor = descriptor_;
        descriptor_ = -1;
        if (::close(descriptor) != 0) throw_errno("cannot finish writing");
    }
    void release() { path_.clear(); }

    [[noreturn]] void throw_errno(const std::string& what) const {
        throw OutputError(what + " " + path_ + ": " + std::strerror(errno));
    }

private:
    std::string path_;
    int descriptor_ = -1;
};

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
    TemporaryFile temporary(target);
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(temporary.descriptor(), data, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            throw OutputError("cannot write " + target.string() + ": " + std::strerror(errno));
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    if (::fsync(temporary.descriptor()) != 0)
        throw OutputError("cannot write " + target.string() + ": " + std::strerror(errno));
    // mkstemp creates 0600; outputs are ordinary documents, readable as the umask allows.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(temporary.descriptor(), 0666 & ~mask);
    temporary.close_descriptor();
    if (std::rename(temporary.path().c_str(), target.c_str()) != 0)
        throw OutputError("cannot write " + target.string() + ": " + std::strerror(errno));
    temporary.release();
}

}  // namespace pamphlet::cli
