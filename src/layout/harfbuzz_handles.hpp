// Ownership of HarfBuzz objects: one deleter for every hb_*_t the layout code holds, so that
// each object is destroyed exactly once, however the function holding it is left.
#pragma once

#include <hb.h>

#include <memory>

namespace pamphlet::layout {

struct HarfBuzzDeleter {
    void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
    void operator()(hb_face_t* face) const { hb_face_destroy(face); }
    void operator()(hb_font_t* font) const { hb_font_destroy(font); }
    void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
    void operator()(hb_shape_plan_t* plan) const { hb_shape_plan_destroy(plan); }
    void operator()(hb_set_t* set) const { hb_set_destroy(set); }
};

template <typename T>
using HbPointer = std::unique_ptr<T, HarfBuzzDeleter>;

}  // namespace pamphlet::layout
