#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include "pdf/qpdf_fixups.hpp"

namespace pamphlet::pdf {
namespace {

struct OutlineNode {
    QPDFObjectHandle dictionary;
    std::vector<std::size_t> children;  // indices into the node list
    int level = 0;
};

// Links the `children` of `parent` into a doubly linked sibling list and counts open
// descendants (every entry is shown open, so /Count is the number of all descendants).
int link_children(std::vector<OutlineNode>& nodes, std::size_t parent) {
    int descendants = 0;
    auto& children = nodes[parent].children;
    for (std::size_t i = 0; i < children.size(); ++i) {
        QPDFObjectHandle child = nodes[children[i]].dictionary;
        child.replaceKey("/Parent", nodes[parent].dictionary);
        if (i > 0) child.replaceKey("/Prev", nodes[children[i - 1]].dictionary);
        if (i + 1 < children.size()) child.replaceKey("/Next", nodes[children[i + 1]].dictionary);
        descendants += 1 + link_children(nodes, children[i]);
    }
    if (!children.empty()) {
        nodes[parent].dictionary.replaceKey("/First", nodes[children.front()].dictionary);
        nodes[parent].dictionary.replaceKey("/Last", nodes[children.back()].dictionary);
        nodes[parent].dictionary.replaceKey("/Count", QPDFObjectHandle::newInteger(descendants));
    }
    return descendants;
}

}  // namespace

void write_outline(QPDF& pdf, const std::vector<layout::OutlineEntry>& outline,
                   const std::map<std::string, PlacedDestination>& destinations) {
    const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    std::vector<OutlineNode> nodes;
    nodes.push_back({pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines >>")), {}, 0});
    std::vector<std::size_t> open{0};  // the path from the root to the latest entry
    for (const layout::OutlineEntry& entry : outline) {
        const auto target = destinations.find(entry.destination);
        if (target == destinations.end() || target->second.page_index >= pages.size()) continue;
        QPDFObjectHandle destination = QPDFObjectHandle::newArray();
        destination.appendItem(pages[target->second.page_index].getObjectHandle());
        destination.appendItem(QPDFObjectHandle::newName("/XYZ"));
        destination.appendItem(QPDFObjectHandle::newReal(target->second.x_pt, 2));
        destination.appendItem(QPDFObjectHandle::newReal(target->second.y_pt, 2));
        destination.appendItem(QPDFObjectHandle::newInteger(0));  // keep the reader's zoom
        QPDFObjectHandle item = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(entry.title));
        item.replaceKey("/Dest", destination);
        // A level-3 heading after a level-1 one hangs under it: skipped levels do not nest deeper.
        while (open.size() > 1 && nodes[open.back()].level >= entry.level) open.pop_back();
        nodes.push_back({item, {}, entry.level});
        nodes[open.back()].children.push_back(nodes.size() - 1);
        open.push_back(nodes.size() - 1);
    }
    if (nodes.front().children.empty()) return;
    link_children(nodes, 0);
    QPDFObjectHandle root = pdf.getRoot();
    root.replaceKey("/Outlines", nodes.front().dictionary);
    root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
}

}  // namespace pamphlet::pdf
