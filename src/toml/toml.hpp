#pragma once
// toml++ as pamphlet includes it everywhere (style and metadata readers, and the one file that
// compiles its implementation): with its internal assertions off in every build, as in Debian's
// build of the library. Two of them fire on invalid files that the parser goes on to refuse with a
// proper message (fuzz findings, kept as regressions); the sanitizer build keeps assert() on and
// would abort there instead. (Release builds define NDEBUG, which turns them off anyway.)
#ifndef TOML_ASSERT
#define TOML_ASSERT(expression) static_assert(true)
#endif
#include <toml++/toml.h>
