// Running the pamphlet binary (or any tool) from a test, the way a user runs it.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace pamphlet::test_support {

struct CommandResult {
    int exit_status = -1;
    std::string out;  // standard output
    std::string err;  // standard error
};

// Runs `command` through /bin/sh, capturing stdout and stderr separately.
inline CommandResult run_command(const std::string& command) {
    char err_template[] = "/tmp/pamphlet-test-stderr-XXXXXX";
    const int err_descriptor = ::mkstemp(err_template);
    if (err_descriptor >= 0) ::close(err_descriptor);
    CommandResult result;
    FILE* pipe = ::popen((command + " 2>" + err_template).c_str(), "r");
    if (pipe == nullptr) return result;
    std::array<char, 4096> buffer{};
    std::size_t read = 0;
    while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), read);
    const int status = ::pclose(pipe);
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err_file(err_template, std::ios::binary);
    std::ostringstream err;
    err << err_file.rdbuf();
    result.err = err.str();
    std::filesystem::remove(err_template);
    return result;
}

inline std::string quote_for_shell(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs build/pamphlet with the given (already quoted) arguments.
inline CommandResult run_pamphlet(const std::string& arguments) {
    return run_command(quote_for_shell(PAMPHLET_BINARY) + " " + arguments);
}

inline const char* epubcheck_jar = "/usr/share/java/epubcheck.jar";  // Debian's epubcheck

// The text pdftotext reads back from `pdf` (UTF-8), optionally keeping the page layout.
inline std::string pdf_text(const std::filesystem::path& pdf, bool keep_layout = false) {
    return run_command(std::string("pdftotext ") + (keep_layout ? "-layout " : "") + quote_for_shell(pdf.string()) + " -")
        .out;
}

// The text of one page (counted from 1).
inline std::string pdf_page_text(const std::filesystem::path& pdf, int page) {
    const std::string number = std::to_string(page);
    return run_command("pdftotext -f " + number + " -l " + number + " " + quote_for_shell(pdf.string()) + " -").out;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

// A fresh empty folder for one test, removed at the end of the test.
class ScratchFolder {
public:
    ScratchFolder() {
        char name_template[] = "/tmp/pamphlet-test-XXXXXX";
        path_ = ::mkdtemp(name_template);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace pamphlet::test_support
