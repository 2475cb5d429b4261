// toml++'s parser, compiled once into pamphlet from Debian's headers (libtomlplusplus-dev), the
// way Debian's libtomlplusplus.so compiles it. Linking that shared library instead loaded
// libstdc++.so into every run, and the dynamic loader resolved thousands of the C++ runtime's
// symbols before main(); with toml++ here the runtime is linked statically (CMakeLists.txt).
//
// The style and metadata readers include it (toml.hpp) with TOML_HEADER_ONLY=0 (set by the
// pamphlet_toml target), so they see declarations only and this file holds the one definition.
#define TOML_IMPLEMENTATION
#include "toml.hpp"
