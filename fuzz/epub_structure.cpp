#include <map>
#include <memory>
#include <string>
#include <vector>

#include <pugixml.hpp>
#include <zip.h>

#include "output_checks.hpp"

namespace pamphlet::fuzz {
namespace {

struct ZipArchiveCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// Every entry's bytes by name; reading them all makes libzip check each CRC.
std::string read_entries(zip_t* archive, std::vector<std::pair<std::string, std::string>>& entries) {
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t index = 0; index < count; ++index) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
            return "cannot stat entry " + std::to_string(index);
        if (index == 0 && stat.comp_method != ZIP_CM_STORE) return "mimetype is compressed";
        std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
        if (!file) return std::string("cannot open entry ") + stat.name;
        std::string content(static_cast<std::size_t>(stat.size), '\0');
        if (zip_fread(file.get(), content.data(), stat.size) != static_cast<zip_int64_t>(stat.size))
            return std::string("cannot read entry ") + stat.name;
        entries.emplace_back(stat.name, std::move(content));
    }
    return {};
}

bool is_xml_name(const std::string& name) {
    for (std::string_view ending : {".xml", ".xhtml", ".opf", ".ncx", ".svg"})
        if (name.size() >= ending.size() && name.compare(name.size() - ending.size(), ending.size(), ending) == 0)
            return true;
    return false;
}

}  // namespace

std::string epub_structure_problem(std::string_view epub_bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(epub_bytes.data(), epub_bytes.size(), 0, &error);
    if (source == nullptr) return "libzip cannot make a source";
    std::unique_ptr<zip_t, ZipArchiveCloser> archive(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!archive) {
        zip_source_free(source);
        std::string message = std::string("not a consistent zip: ") + zip_error_strerror(&error);
        zip_error_fini(&error);
        return message;
    }
    std::vector<std::pair<std::string, std::string>> entries;
    if (std::string problem = read_entries(archive.get(), entries); !problem.empty()) return problem;
    if (entries.empty() || entries.front().first != "mimetype") return "the first entry is not mimetype";
    if (entries.front().second != "application/epub+zip") return "mimetype does not say application/epub+zip";

    std::map<std::string, const std::string*> by_name;
    for (const auto& [name, content] : entries) {
        if (!by_name.emplace(name, &content).second) return "entry " + name + " appears twice";
        if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos)
            return "entry name " + name + " is not a safe relative path";
    }
    std::map<std::string, pugi::xml_document> xml;
    for (const auto& [name, content] : entries) {
        if (!is_xml_name(name)) continue;
        const pugi::xml_parse_result parsed = xml[name].load_buffer(content.data(), content.size());
        if (!parsed) return name + " is not well-formed XML: " + parsed.description();
    }
    if (!xml.count("META-INF/container.xml")) return "META-INF/container.xml is missing";
    const std::string package_path =
        xml["META-INF/container.xml"].select_node("//*[local-name()='rootfile']/@full-path").attribute().value();
    if (package_path.empty() || !xml.count(package_path)) return "the package document '" + package_path + "' is missing";
    const std::string folder = package_path.substr(0, package_path.rfind('/') + 1);
    for (const pugi::xpath_node& item : xml[package_path].select_nodes("//*[local-name()='item']/@href")) {
        std::string href = item.attribute().value();
        if (const auto fragment = href.find('#'); fragment != std::string::npos) href.resize(fragment);
        if (!by_name.count(folder + href)) return "manifest item " + href + " is not in the zip";
    }
    return {};
}

}  // namespace pamphlet::fuzz
