// pamphlet: text and Markdown to print-ready PDF pamphlets and EPUB e-books.
#include "cli/run.hpp"

int main(int argc, char** argv) { return pamphlet::cli::run(argc, argv); }
