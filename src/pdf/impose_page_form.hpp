// A source page as a Form XObject for imposition, without touching its content's bytes.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace pamphlet::pdf {

// The page's Form XObject, as qpdf's getFormXObjectForPage makes it (resources and group by
// reference, trim box as /BBox, /Rotate and /UserUnit as /Matrix). When the page has a single
// content stream, that stream itself becomes the form: its compressed bytes are then written out
// as they are, where qpdf's form (a copy made through a data provider) is inflated and deflated
// again. The page must be removed from the document afterwards, as impose does.
QPDFObjectHandle page_as_form(QPDFPageObjectHelper& page);

}  // namespace pamphlet::pdf
