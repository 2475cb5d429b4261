// What the fuzz targets share: how a broken promise is reported, and a reader run the way the
// command runs it (limits, decoding, reader, structural check).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "model/check.hpp"
#include "model/diagnostics.hpp"
#include "readers/dictionary.hpp"
#include "readers/input_limits.hpp"
#include "readers/read_document.hpp"

namespace pamphlet::fuzz {

// The code under test broke a promise: say which, and crash so libFuzzer keeps the input.
// (std::abort is right in a fuzz harness; library code throws instead.)
[[noreturn]] inline void finding(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "\n*** pamphlet fuzz finding: %.*s %.*s\n", static_cast<int>(what.size()), what.data(),
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

inline std::string_view as_text(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Reads `bytes` as the command would. Bad input may only be refused with model::InputError
// (which must name the file); any other exception is a finding, as is a document that fails
// model::check(), since every backend trusts that check. Returns the document, or nothing when
// the input was refused.
// One dictionary store for the whole fuzzing process, as one command run keeps one: reloading
// hunspell for every input would spend the fuzzer's time on loading (harness state, not ours).
inline readers::Dictionaries& fuzzing_dictionaries() {
    static readers::Dictionaries dictionaries;
    return dictionaries;
}

inline std::optional<model::Document> read_like_the_command(std::string_view bytes, readers::InputFormat format,
                                                            model::Report& report) {
    const std::string file_name = "fuzz-input";
    try {
        readers::check_input_size(bytes.size(), file_name);
        const std::string text = readers::decode_source(bytes, file_name, report);
        readers::check_input_limits(text, format, file_name);
        readers::ReadOptions options;
        options.file_name = file_name;
        options.dictionaries = &fuzzing_dictionaries();
        model::Document document = readers::read_document(text, format, options, report);
        if (const auto problems = model::check(document); !problems.empty())
            finding("the reader built a document model::check() rejects:", problems.front().message);
        return document;
    } catch (const model::InputError& error) {
        if (error.file() != file_name) finding("an InputError names the wrong file:", error.located_message());
        return std::nullopt;
    } catch (const std::exception& error) {
        finding("reading threw something other than model::InputError:", error.what());
    }
}

}  // namespace pamphlet::fuzz
