#include "readers/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <filesystem>
#include <vector>

namespace pamphlet::readers {
namespace {

bool is_fence(std::string_view line, bool closing) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "---" || (closing && line == "...");
}

// Splits off the next line (without its "\n").
std::string_view next_line(std::string_view& rest) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    return line;
}

class FrontMatterReader {
public:
    FrontMatterReader(const std::string& file_name, model::Report& report) : file_(file_name), report_(report) {}

    void read(const YAML::Node& root, FrontMatter& out) {
        if (root.IsNull()) return;
        if (!root.IsMap()) fail(root, "front matter must be a mapping of keys to values");
        for (const auto& entry : root) {
            const std::string key = entry.first.as<std::string>();
            const YAML::Node& value = entry.second;
            model::Metadata& meta = out.metadata;
            if (key == "title") meta.title = scalar(value, key);
            else if (key == "subtitle") meta.subtitle = scalar(value, key);
            else if (key == "author" || key == "authors") add_contributors(value, key, "aut", meta);
            else if (key == "translator" || key == "translators") add_contributors(value, key, "trl", meta);
            else if (key == "lang" || key == "language") {
                meta.language = scalar(value, key);
                out.has_language = true;
                if (!looks_like_language_tag(meta.language))
                    warn(value, "'" + meta.language + "' does not look like a BCP 47 language tag");
            } else if (key == "date") {
                meta.date = scalar(value, key);
                if (!is_date(meta.date)) warn(value, "date '" + meta.date + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
            } else if (key == "description" || key == "abstract") meta.description = scalar(value, key);
            else if (key == "rights" || key == "license") meta.rights = scalar(value, key);
            else if (key == "source") meta.source = scalar(value, key);
            else if (key == "identifier") meta.identifier = scalar(value, key);
            else if (key == "cover" || key == "cover-image") {
                meta.cover_image = scalar(value, key);
                meta.cover_named_at = {file_, line_of(value)};
            } else if (key == "style") {
                meta.style = scalar(value, key);
                meta.style_named_at = {file_, line_of(value)};
            }
            else warn(entry.first, "unknown front matter key '" + key + "' is ignored");
        }
    }

private:
    [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
        throw model::InputError(file_, line_of(node), 0, message);
    }
    void warn(const YAML::Node& node, std::string message) { report_.warn(file_, line_of(node), std::move(message)); }

    // yaml-cpp counts lines from 0 inside the YAML text, which starts after the "---" line.
    static int line_of(const YAML::Node& node) { return node.Mark().line < 0 ? 0 : node.Mark().line + 2; }

    std::string scalar(const YAML::Node& value, const std::string& key) const {
        if (value.IsNull()) return {};
        if (!value.IsScalar()) fail(value, "front matter key '" + key + "' must be a single value");
        return value.as<std::string>();
    }

    void add_contributors(const YAML::Node& value, const std::string& key, const char* role, model::Metadata& meta) {
        auto add_one = [&](const YAML::Node& person) {
            std::string name;
            std::string person_role = role;
            if (person.IsMap()) {
                name = scalar(person["name"], key + ".name");
                if (person["role"]) person_role = scalar(person["role"], key + ".role");
            } else {
                name = scalar(person, key);
            }
            if (name.empty()) warn(person, "empty name in '" + key + "' is ignored");
            else meta.contributors.push_back({std::move(name), std::move(person_role)});
        };
        if (value.IsSequence()) {
            for (const auto& person : value) add_one(person);
        } else {
            add_one(value);
        }
    }

    static bool is_date(std::string_view date) {
        auto digits = [&](std::size_t from, std::size_t count) {
            if (date.size() < from + count) return false;
            for (std::size_t i = from; i < from + count; ++i)
                if (!std::isdigit(static_cast<unsigned char>(date[i]))) return false;
            return true;
        };
        if (date.size() == 4) return digits(0, 4);
        if (date.size() == 7) return digits(0, 4) && date[4] == '-' && digits(5, 2);
        if (date.size() == 10) return digits(0, 4) && date[4] == '-' && digits(5, 2) && date[7] == '-' && digits(8, 2);
        return false;
    }

    const std::string& file_;
    model::Report& report_;
};

bool all_of_class(std::string_view text, int (*predicate)(int)) {
    for (char c : text)
        if (!predicate(static_cast<unsigned char>(c))) return false;
    return true;
}

}  // namespace

FrontMatter read_front_matter(std::string_view utf8_text, const std::string& file_name, model::Report& report) {
    FrontMatter out;
    std::string_view rest = utf8_text;
    if (!is_fence(next_line(rest), false)) return out;
    std::string yaml;
    int lines = 1;
    bool closed = false;
    while (!rest.empty()) {
        const std::string_view line = next_line(rest);
        ++lines;
        if (is_fence(line, true)) {
            closed = true;
            break;
        }
        yaml.append(line);
        yaml += '\n';
    }
    // A "---" first line without a closing fence is a thematic break, not front matter.
    if (!closed) return out;
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::Exception& error) {
        throw model::InputError(file_name, error.mark.line < 0 ? 1 : error.mark.line + 2,
                                error.mark.column < 0 ? 0 : error.mark.column + 1,
                                "invalid YAML front matter: " + error.msg);
    }
    try {
        FrontMatterReader(file_name, report).read(root, out);
    } catch (const YAML::Exception& error) {
        throw model::InputError(file_name, error.mark.line < 0 ? 1 : error.mark.line + 2, 0,
                                "invalid front matter value: " + error.msg);
    }
    out.line_count = lines;
    return out;
}

bool looks_like_language_tag(std::string_view tag) {
    const std::size_t dash = tag.find('-');
    const std::string_view primary = tag.substr(0, dash);
    if (primary.size() < 2 || primary.size() > 3 || !all_of_class(primary, std::isalpha)) return false;
    if (dash == std::string_view::npos) return true;
    const std::string_view subtag = tag.substr(dash + 1);
    return subtag.size() >= 2 && subtag.size() <= 8 && all_of_class(subtag, std::isalnum);
}

std::string language_from_file_name(std::string_view file_name) {
    // The stem without the format extension, then its own last extension: "a.de.md" -> ".de".
    const std::filesystem::path stem = std::filesystem::path(file_name).stem();
    const std::string candidate = stem.extension().string();
    if (candidate.size() < 2) return {};
    const std::string tag = candidate.substr(1);
    // Stricter than looks_like_language_tag: only a two-letter lower-case primary tag, so that
    // words such as "old" or "Vol" in "notes.old.md" are not mistaken for languages.
    const bool two_lower_letters = tag.size() >= 2 && std::islower(static_cast<unsigned char>(tag[0])) &&
                                   std::islower(static_cast<unsigned char>(tag[1])) &&
                                   (tag.size() == 2 || tag[2] == '-');
    return two_lower_letters && looks_like_language_tag(tag) ? tag : std::string{};
}

}  // namespace pamphlet::readers
