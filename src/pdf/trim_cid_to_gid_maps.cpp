#include <qpdf/Buffer.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstring>
#include <memory>

#include "pdf/qpdf_fixups.hpp"

namespace pamphlet::pdf {
namespace {

// libharu names an embedded subset "ABCDEF+Name"; the caller knows the font as "Name".
std::string untagged_name(const std::string& base_font) {
    std::string name = base_font.substr(base_font.empty() || base_font[0] != '/' ? 0 : 1);
    const std::size_t plus = name.find('+');
    if (plus == 6) name.erase(0, plus + 1);
    return name;
}

}  // namespace

int trim_cid_to_gid_maps(QPDF& pdf, const std::map<std::string, char32_t>& last_drawn) {
    int trimmed = 0;
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isDictionary() || !object.getKey("/Type").isNameAndEquals("/Font") ||
            !object.getKey("/Subtype").isNameAndEquals("/Type0"))
            continue;
        QPDFObjectHandle base_font = object.getKey("/BaseFont");
        if (!base_font.isName()) continue;
        const auto last = last_drawn.find(untagged_name(base_font.getName()));
        if (last == last_drawn.end()) continue;
        QPDFObjectHandle descendants = object.getKey("/DescendantFonts");
        if (!descendants.isArray() || descendants.getArrayNItems() < 1) continue;
        QPDFObjectHandle map = descendants.getArrayItem(0).getKey("/CIDToGIDMap");
        // Only a plain map (libharu's, before deflate_plain_streams) is cut; anything else stays.
        if (!map.isStream() || map.getDict().hasKey("/Filter")) continue;
        const std::shared_ptr<Buffer> data = map.getRawStreamData();
        const std::size_t keep = 2 * (static_cast<std::size_t>(last->second) + 1);
        if (data->getSize() <= keep) continue;
        auto cut = std::make_shared<Buffer>(keep);
        std::memcpy(cut->getBuffer(), data->getBuffer(), keep);
        map.replaceStreamData(cut, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        ++trimmed;
    }
    return trimmed;
}

}  // namespace pamphlet::pdf
