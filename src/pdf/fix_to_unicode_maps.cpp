#include <qpdf/QPDFObjectHandle.hh>

#include <set>

#include "pdf/qpdf_fixups.hpp"
#include "pdf/to_unicode_cmap.hpp"

namespace pamphlet::pdf {
namespace {

// CIDs with a glyph: libharu's CIDToGIDMap is a stream of big-endian glyph ids indexed by CID.
std::set<char32_t> mapped_cids(QPDFObjectHandle descendant) {
    std::set<char32_t> cids;
    QPDFObjectHandle map = descendant.getKey("/CIDToGIDMap");
    if (!map.isStream()) return cids;
    const auto data = map.getStreamData(qpdf_dl_generalized);
    const unsigned char* bytes = data->getBuffer();
    const std::size_t count = data->getSize() / 2;
    for (std::size_t cid = 0; cid < count; ++cid)
        if (bytes[2 * cid] != 0 || bytes[2 * cid + 1] != 0) cids.insert(static_cast<char32_t>(cid));
    return cids;
}

}  // namespace

int fix_to_unicode_maps(QPDF& pdf) {
    int fixed = 0;
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isDictionary() || !object.getKey("/Type").isNameAndEquals("/Font") ||
            !object.getKey("/Subtype").isNameAndEquals("/Type0"))
            continue;
        QPDFObjectHandle descendants = object.getKey("/DescendantFonts");
        if (!descendants.isArray() || descendants.getArrayNItems() < 1) continue;
        const std::set<char32_t> cids = mapped_cids(descendants.getArrayItem(0));
        object.replaceKey("/ToUnicode", pdf.newStream(identity_to_unicode_cmap(cids)));
        ++fixed;
    }
    return fixed;
}

}  // namespace pamphlet::pdf
