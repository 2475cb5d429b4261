// The command line: parses arguments and calls library functions; holds no logic of its own.
#pragma once

namespace pamphlet::cli {

// Runs the pamphlet command. Returns the exit status: 0 success, 1 bad input, 2 bad usage.
int run(int argc, char** argv);

}  // namespace pamphlet::cli
