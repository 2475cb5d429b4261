// What the pipeline tells the user besides the output: warnings, repairs made to the text, and
// errors that stop a document. Plain data, collected in a Report that --report writes as JSON.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace pamphlet::model {

// Input that cannot be turned into a document. Always names the file and, where known, the line
// and column, so the CLI can print "FILE:LINE:COLUMN: message" and exit with status 1.
class InputError : public std::runtime_error {
public:
    InputError(std::string file, int line, int column, const std::string& message)
        : std::runtime_error(message), file_(std::move(file)), line_(line), column_(column) {}
    const std::string& file() const { return file_; }
    int line() const { return line_; }
    int column() const { return column_; }
    // "FILE:LINE:COLUMN: message" (line and column left out when unknown).
    std::string located_message() const {
        std::string out = file_;
        if (line_ > 0) out += ":" + std::to_string(line_);
        if (line_ > 0 && column_ > 0) out += ":" + std::to_string(column_);
        return out + ": " + what();
    }

private:
    std::string file_;
    int line_;
    int column_;
};

struct Warning {
    std::string file;
    int line = 0;  // 0 = not tied to a line
    std::string message;
};

// One change a repair pass made to the input text, so an editor can review it.
struct Repair {
    std::string pass;    // the pass's name, as --no-repair takes it ("dehyphenate", ...)
    int line = 0;        // input line where the change starts
    std::string before;  // the text as it was
    std::string after;   // the text as it is now ("" when removed, e.g. a page number)
    std::string reason;  // why, in words
};

struct Report {
    std::vector<Warning> warnings;
    std::vector<Repair> repairs;

    void warn(std::string file, int line, std::string message) {
        warnings.push_back({std::move(file), line, std::move(message)});
    }
};

}  // namespace pamphlet::model
