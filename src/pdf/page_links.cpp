#include "pdf/page_links.hpp"

namespace pamphlet::pdf {
namespace {

HPDF_Rect rectangle(const layout::LinkArea& area) {
    return HPDF_Rect{static_cast<HPDF_REAL>(area.left_pt), static_cast<HPDF_REAL>(area.bottom_pt),
                     static_cast<HPDF_REAL>(area.right_pt), static_cast<HPDF_REAL>(area.top_pt)};
}

// A printed pamphlet shows no link boxes; viewers still change the cursor. (libharu's
// SetBorderStyle rejects a zero width, so the border is written directly.)
void hide_border(HPDF_Annotation annotation) {
    HPDF_Array border = HPDF_Array_New(annotation->mmgr);
    HPDF_Array_AddNumber(border, 0);
    HPDF_Array_AddNumber(border, 0);
    HPDF_Array_AddNumber(border, 0);
    HPDF_Dict_Add(annotation, "Border", border);
}

// [page /XYZ left top 0]: zoom 0 keeps the reader's magnification. libharu's SetXYZ refuses
// zoom 0, so it is given 1 and the array's last number is then set to 0.
void jump_keeping_zoom(HPDF_Destination destination, const PlacedDestination& place) {
    HPDF_Destination_SetXYZ(destination, static_cast<HPDF_REAL>(place.x_pt), static_cast<HPDF_REAL>(place.y_pt), 1);
    auto zoom = static_cast<HPDF_Real>(HPDF_Array_GetItem(destination, 4, HPDF_OCLASS_REAL));
    if (zoom != nullptr) zoom->value = 0;
}

}  // namespace

int add_links(HaruDocument& document, const std::vector<layout::Page>& frames, const std::vector<HPDF_Page>& drawn,
              const std::map<std::string, PlacedDestination>& destinations) {
    int skipped = 0;
    for (std::size_t p = 0; p < frames.size(); ++p)
        for (const layout::PageItem& item : frames[p].items) {
            const auto* area = std::get_if<layout::LinkArea>(&item);
            if (area == nullptr) continue;
            if (!area->destination.empty()) {
                const auto target = destinations.find(area->destination);
                if (target == destinations.end()) {
                    ++skipped;
                    continue;
                }
                HPDF_Destination destination = HPDF_Page_CreateDestination(drawn[target->second.page_index]);
                jump_keeping_zoom(destination, target->second);
                hide_border(HPDF_Page_CreateLinkAnnot(drawn[p], rectangle(*area), destination));
            } else if (!area->uri.empty()) {
                hide_border(HPDF_Page_CreateURILinkAnnot(drawn[p], rectangle(*area), area->uri.c_str()));
            }
            document.check("adding a link on page " + frames[p].label);
        }
    return skipped;
}

}  // namespace pamphlet::pdf
