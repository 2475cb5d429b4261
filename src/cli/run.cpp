#include "cli/run.hpp"

#include <iostream>

namespace pamphlet::cli {

int run(int argc, char** argv) {
    (void)argc;
    (void)argv;
    std::cerr << "pamphlet: not wired yet\n";
    return 2;
}

}  // namespace pamphlet::cli
