// The plain-text reader with every repair pass, after decode_source (encoding detection, line ends), fed
// raw bytes: it must return a well-formed document or refuse with model::InputError.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    pamphlet::model::Report report;
    pamphlet::fuzz::read_like_the_command(pamphlet::fuzz::as_text(data, size),
                                          pamphlet::readers::InputFormat::plain_text, report);
    return 0;
}
