#include <qpdf/QPDFObjectHandle.hh>

#include <ctime>

#include "pdf/qpdf_fixups.hpp"

namespace pamphlet::pdf {
namespace {

std::string join_names(const model::Metadata& metadata, std::string_view role) {
    std::string names;
    for (const model::Contributor& contributor : metadata.contributors) {
        if (contributor.role != role) continue;
        if (!names.empty()) names += ", ";
        names += contributor.name;
    }
    return names;
}

}  // namespace

std::string pdf_date(std::int64_t seconds_since_epoch) {
    const std::time_t time = static_cast<std::time_t>(seconds_since_epoch);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "D:%Y%m%d%H%M%SZ", &utc);
    return buffer;
}

void write_document_info(QPDF& pdf, const model::Metadata& metadata, const std::vector<std::string>& page_labels,
                         const PdfOptions& options) {
    // A fresh dictionary: libharu's own (its Producer line) is replaced, not merged.
    QPDFObjectHandle info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    auto set_text = [&info](const char* key, const std::string& value) {
        if (!value.empty()) info.replaceKey(key, QPDFObjectHandle::newUnicodeString(value));
    };
    set_text("/Title", metadata.title);
    set_text("/Author", join_names(metadata, "aut"));
    set_text("/Subject", !metadata.subtitle.empty() ? metadata.subtitle : metadata.description);
    set_text("/Creator", "pamphlet");
    set_text("/Producer", "pamphlet " PAMPHLET_VERSION " (libharu, qpdf)");
    if (options.source_date_epoch) {
        const std::string date = pdf_date(*options.source_date_epoch);
        set_text("/CreationDate", date);
        set_text("/ModDate", date);
    }
    pdf.getTrailer().replaceKey("/Info", info);

    QPDFObjectHandle root = pdf.getRoot();
    if (!metadata.language.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(metadata.language));
    QPDFObjectHandle preferences = QPDFObjectHandle::newDictionary();
    preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", preferences);

    // Page labels: viewers show the printed folio ("iii", "12") instead of the physical number;
    // unnumbered pages get an empty label. Each page is its own range, so any labels work.
    QPDFObjectHandle numbers = QPDFObjectHandle::newArray();
    for (std::size_t i = 0; i < page_labels.size(); ++i) {
        if (i > 0 && page_labels[i] == page_labels[i - 1] && page_labels[i].empty()) continue;
        numbers.appendItem(QPDFObjectHandle::newInteger(static_cast<long long>(i)));
        QPDFObjectHandle label = QPDFObjectHandle::newDictionary();
        label.replaceKey("/P", QPDFObjectHandle::newUnicodeString(page_labels[i]));
        numbers.appendItem(label);
    }
    if (!page_labels.empty()) {
        QPDFObjectHandle tree = QPDFObjectHandle::newDictionary();
        tree.replaceKey("/Nums", numbers);
        root.replaceKey("/PageLabels", tree);
    }
}

}  // namespace pamphlet::pdf
