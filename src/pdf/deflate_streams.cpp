#include "pdf/deflate_streams.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstring>

namespace pamphlet::pdf {

int pdf_stream_compression_level() {
    // Measured with libdeflate 1.14 on the seed and the corpus (8 PDFs; 4,848,163 bytes when qpdf
    // deflated them with zlib at level 6, before this file), text as literal strings
    // (content_stream.hpp). Total bytes against zlib's, and instructions to deflate 658 KB of War
    // and Peace's content streams:
    //   level 1: +0.3%, 16.6 M    level 2: -2.1%, 28.3 M    level 3: -2.9%, 29.9 M
    //   level 4: -3.1%, 31.2 M    level 5: -5.4%, 37.4 M    level 6: -5.7%, 43.5 M
    //   level 7: -5.8%, 56.0 M
    // Level 1: 40% less deflating than level 2 for files 2.4% larger (the seed essay 68.7 KB ->
    // 70.1 KB, a whole run of it 2% fewer instructions); speed is what this tool is for, and the
    // files stay within 0.3% of what zlib made.
    return 1;
}

int deflate_plain_streams(QPDF& pdf, StreamCompressor& compressor) {
    int compressed = 0;
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isStream()) continue;
        QPDFObjectHandle dictionary = object.getDict();
        if (dictionary.hasKey("/Filter") || dictionary.getKey("/Type").isNameAndEquals("/Metadata")) continue;
        const std::shared_ptr<Buffer> plain = object.getRawStreamData();
        const std::string_view packed =
            compressor.zlib({reinterpret_cast<const char*>(plain->getBuffer()), plain->getSize()});
        auto data = std::make_shared<Buffer>(packed.size());
        std::memcpy(data->getBuffer(), packed.data(), packed.size());
        object.replaceStreamData(data, QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
        object.setFilterOnWrite(false);  // written as given: no inflating and deflating again
        ++compressed;
    }
    return compressed;
}

}  // namespace pamphlet::pdf
