#include "pdf/impose_page_form.hpp"

namespace pamphlet::pdf {

QPDFObjectHandle page_as_form(QPDFPageObjectHelper& page) {
    QPDFObjectHandle contents = page.getObjectHandle().getKey("/Contents");
    QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
    QPDFObjectHandle unit = page.getAttribute("/UserUnit", false);
    const bool turned = !(rotate.isNull() || (rotate.isInteger() && rotate.getIntValue() == 0)) || !unit.isNull();
    // Several content streams (or a transformed page): qpdf's form joins and transforms them.
    if (!contents.isStream() || turned) return page.getFormXObjectForPage();

    QPDFObjectHandle bbox = page.getTrimBox(false).shallowCopy();
    if (!bbox.isRectangle()) bbox = QPDFObjectHandle::newFromRectangle(QPDFObjectHandle::Rectangle(0, 0, 612, 792));
    QPDFObjectHandle dictionary = contents.getDict();
    dictionary.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
    dictionary.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
    dictionary.replaceKey("/Resources", page.getAttribute("/Resources", false).shallowCopy());
    QPDFObjectHandle group = page.getAttribute("/Group", false);
    if (!group.isNull()) dictionary.replaceKey("/Group", group.shallowCopy());
    dictionary.replaceKey("/BBox", bbox);
    return contents;
}

}  // namespace pamphlet::pdf
