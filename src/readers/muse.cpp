// Scaffolding until the real reader lands: refuses every input.
#include "readers/muse.hpp"

namespace pamphlet::readers {

model::Document read_muse(std::string_view, const ReadOptions& options, model::Report&) {
    throw model::InputError(options.file_name, 0, 0, "this input format is not supported yet");
}

}  // namespace pamphlet::readers
