#include "layout/style.hpp"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "model/text.hpp"
#include "toml/toml.hpp"

namespace pamphlet::layout {

StyleError::StyleError(std::string file, int line, std::string message)
    : std::runtime_error(file + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " +
                         message),
      file_(std::move(file)),
      line_(line) {}

std::filesystem::path styles_directory() {
    if (const char* from_environment = std::getenv("PAMPHLET_STYLES_DIR");
        from_environment != nullptr && *from_environment != '\0')
        return from_environment;
    return PAMPHLET_STYLES_DIR;
}

std::pair<double, double> parse_paper_size(std::string_view text) {
    static const std::map<std::string, std::pair<double, double>, std::less<>> named = {
        {"a3", {297, 420}},    {"a4", {210, 297}},     {"a5", {148, 210}},
        {"a6", {105, 148}},    {"a7", {74, 105}},      {"letter", {215.9, 279.4}},
        {"legal", {215.9, 355.6}}, {"tabloid", {279.4, 431.8}},
        {"half-letter", {139.7, 215.9}}, {"quarter-letter", {107.95, 139.7}},
        {"6x9", {152.4, 228.6}}};
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto found = named.find(lower); found != named.end())
        return {found->second.first * points_per_mm, found->second.second * points_per_mm};

    // "WxH" followed by a unit: mm, cm, in or pt.
    double factor = 0;
    std::string_view rest = lower;
    for (auto [unit, scale] : {std::pair{"mm", points_per_mm}, std::pair{"cm", 10 * points_per_mm},
                               std::pair{"in", 72.0}, std::pair{"pt", 1.0}}) {
        if (rest.size() > 2 && rest.substr(rest.size() - 2) == unit) {
            factor = scale;
            rest.remove_suffix(2);
            break;
        }
    }
    const auto x = rest.find('x');
    if (factor == 0 || x == std::string_view::npos)
        throw std::invalid_argument("unknown paper size '" + std::string(text) +
                                    "' (use a4, a5, a6, letter, half-letter, 6x9, legal, tabloid, "
                                    "a3 or WxH with mm, cm, in or pt)");
    auto number = [&](std::string_view digits) {
        double value = 0;
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (error != std::errc() || end != digits.data() + digits.size() || !(value > 0 && value <= 5000))
            throw std::invalid_argument("bad paper size '" + std::string(text) + "'");
        return value * factor;
    };
    return {number(rest.substr(0, x)), number(rest.substr(x + 1))};
}

namespace {

// Reads one table of the style file, refusing keys it does not know so that a typo is an error
// naming the key and its line rather than a silently ignored setting.
class TableReader {
public:
    TableReader(const toml::table& table, std::string origin, std::string prefix)
        : table_(table), origin_(std::move(origin)), prefix_(std::move(prefix)) {}

    ~TableReader() = default;

    [[noreturn]] void fail(const toml::node& node, const std::string& message) const {
        throw StyleError(origin_, static_cast<int>(node.source().begin.line), message);
    }

    void number(std::string_view key, double& target, double minimum, double maximum) {
        if (const toml::node* node = take(key)) {
            std::optional<double> value = node->value<double>();
            if (!value) fail(*node, qualified(key) + " must be a number");
            // Written so that NaN (TOML allows `nan`) fails the range test too.
            if (!(*value >= minimum && *value <= maximum))
                fail(*node, qualified(key) + " must be between " + format(minimum) + " and " +
                                format(maximum));
            target = *value;
        }
    }

    void millimetres(std::string_view key, double& target_pt) {
        double mm = target_pt / points_per_mm;
        number(key, mm, 0, 1000);
        target_pt = mm * points_per_mm;
    }

    void boolean(std::string_view key, bool& target) {
        if (const toml::node* node = take(key)) {
            if (!node->is_boolean()) fail(*node, qualified(key) + " must be true or false");
            target = *node->value<bool>();
        }
    }

    void string(std::string_view key, std::string& target) {
        if (const toml::node* node = take(key)) {
            if (!node->is_string()) fail(*node, qualified(key) + " must be a string");
            target = *node->value<std::string>();
        }
    }

    template <typename Enum>
    void choice(std::string_view key, Enum& target,
                std::initializer_list<std::pair<std::string_view, Enum>> options) {
        if (const toml::node* node = take(key)) {
            std::string allowed;
            if (auto text = node->value<std::string>())
                for (auto [name, value] : options)
                    if (*text == name) {
                        target = value;
                        return;
                    }
            for (auto [name, value] : options) allowed += (allowed.empty() ? "" : ", ") + std::string(name);
            fail(*node, qualified(key) + " must be one of: " + allowed);
        }
    }

    void string_list(std::string_view key, std::vector<std::string>& target) {
        if (const toml::node* node = take(key)) {
            const toml::array* array = node->as_array();
            if (array == nullptr) fail(*node, qualified(key) + " must be a list of strings");
            target.clear();
            for (const toml::node& element : *array) {
                if (!element.is_string()) fail(element, qualified(key) + " must be a list of strings");
                target.push_back(*element.value<std::string>());
            }
        }
    }

    const toml::table* subtable(std::string_view key) {
        if (const toml::node* node = take(key)) {
            if (!node->is_table()) fail(*node, qualified(key) + " must be a table");
            return node->as_table();
        }
        return nullptr;
    }

    // Every key not read by now is unknown.
    void finish() const {
        for (const auto& [key, node] : table_)
            if (!seen_.contains(std::string(key.str())))
                throw StyleError(origin_, static_cast<int>(key.source().begin.line),
                                 "unknown key '" + qualified(key.str()) + "'");
    }

    std::string qualified(std::string_view key) const {
        return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
    }
    const std::string& origin() const { return origin_; }

private:
    const toml::node* take(std::string_view key) {
        seen_.insert(std::string(key));
        return table_.get(key);
    }
    static std::string format(double value) {
        std::ostringstream out;
        out << value;
        return out.str();
    }

    const toml::table& table_;
    std::string origin_;
    std::string prefix_;
    std::set<std::string> seen_;
};


void read_heading(const toml::table& table, const std::string& origin, int level, HeadingLook& look) {
    TableReader reader(table, origin, "headings.h" + std::to_string(level));
    reader.number("size", look.size, 0.5, 4);
    reader.choice("weight", look.weight, {{"normal", FontWeight::normal}, {"bold", FontWeight::bold}});
    reader.choice("style", look.slant, {{"normal", FontSlant::normal}, {"italic", FontSlant::italic}});
    reader.boolean("small_caps", look.small_caps);
    reader.choice("align", look.alignment,
                  {{"left", model::Alignment::left}, {"center", model::Alignment::center},
                   {"right", model::Alignment::right}, {"justify", model::Alignment::justified}});
    reader.number("space_before_lines", look.space_before_lines, 0, 20);
    reader.number("space_after_lines", look.space_after_lines, 0, 20);
    reader.boolean("new_page", look.new_page);
    reader.finish();
}

Style default_style() {
    Style style;
    style.headings[0] = {1.35, FontWeight::normal, FontSlant::normal, true, model::Alignment::center, 3, 1.5, false};
    style.headings[1] = {1.1, FontWeight::normal, FontSlant::italic, false, model::Alignment::left, 1.5, 0.5, false};
    style.headings[2] = {1.0, FontWeight::bold, FontSlant::normal, false, model::Alignment::left, 1, 0.5, false};
    style.headings[3] = {1.0, FontWeight::normal, FontSlant::italic, false, model::Alignment::left, 1, 0, false};
    return style;
}

Style parse_style_with_bases(std::string_view text, std::string_view origin, int depth);

}  // namespace

bool names_style_file(std::string_view name_or_path) {
    return name_or_path.find('/') != std::string_view::npos || name_or_path.ends_with(".toml");
}

namespace {

Style load_named_or_file(std::string_view name_or_path, int depth) {
    if (depth > 8) throw StyleError(std::string(name_or_path), 0, "style bases nest too deeply");
    std::filesystem::path path;
    const bool is_path = names_style_file(name_or_path);
    if (is_path) {
        path = std::filesystem::path(name_or_path);
    } else {
        for (char c : name_or_path)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
                throw StyleError(std::string(name_or_path), 0, "a style name may hold only letters, digits, '-' and '_'");
        path = styles_directory() / (std::string(name_or_path) + ".toml");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::string message = "cannot read style file";
        if (!is_path) message = "no style named '" + std::string(name_or_path) + "' in " + styles_directory().string();
        throw StyleError(path.string(), 0, message);
    }
    std::ostringstream content;
    content << in.rdbuf();
    Style style = parse_style_with_bases(content.str(), path.string(), depth);
    style.files.insert(style.files.begin(), path.string());
    return style;
}

Style parse_style_with_bases(std::string_view text, std::string_view origin, int depth) {
    if (const auto control = model::first_control_character_outside_toml(text))
        throw StyleError(std::string(origin), control->line, model::control_character_message(*control));
    toml::table root;
    try {
        root = toml::parse(text, origin);
    } catch (const toml::parse_error& error) {
        throw StyleError(std::string(origin), static_cast<int>(error.source().begin.line),
                         std::string(error.description()));
    }
    const std::string file(origin);

    Style style = default_style();
    if (const toml::node* base = root.get("base")) {
        if (!base->is_string())
            throw StyleError(file, static_cast<int>(base->source().begin.line), "base must be a style name");
        const std::string base_name = *base->value<std::string>();
        const int base_line = static_cast<int>(base->source().begin.line);
        try {
            if (!names_style_file(base_name))
                style = load_named_or_file(base_name, depth + 1);
            else
                style = load_named_or_file((std::filesystem::path(file).parent_path() / base_name).string(), depth + 1);
        } catch (const StyleError& error) {
            // The user gave this file, perhaps without knowing the base's path: lead with the
            // `base =` line here, then say where in the base the mistake is.
            throw StyleError(file, base_line, "in base style '" + base_name + "' (" + error.what() + ")");
        }
    }

    TableReader top(root, file, "");
    std::string ignored_base;
    top.string("base", ignored_base);
    top.string("name", style.name);
    top.string("description", style.description);

    if (const toml::table* page = top.subtable("page")) {
        TableReader reader(*page, file, "page");
        if (const toml::node* size = page->get("size")) {
            std::string name;
            reader.string("size", name);
            try {
                std::tie(style.page.width_pt, style.page.height_pt) = parse_paper_size(name);
            } catch (const std::invalid_argument& error) {
                reader.fail(*size, std::string("page.size: ") + error.what());
            }
            style.page.size_name = name;
        }
        reader.millimetres("margin_top_mm", style.page.margin_top_pt);
        reader.millimetres("margin_bottom_mm", style.page.margin_bottom_pt);
        reader.millimetres("margin_inner_mm", style.page.margin_inner_pt);
        reader.millimetres("margin_outer_mm", style.page.margin_outer_pt);
        reader.finish();
        const double text_width = style.page.width_pt - style.page.margin_inner_pt - style.page.margin_outer_pt;
        const double text_height = style.page.height_pt - style.page.margin_top_pt - style.page.margin_bottom_pt;
        if (text_width < 72 || text_height < 72) {
            // Point at the margin that was set, so the user sees which line to change.
            int line = static_cast<int>(page->source().begin.line);
            for (const char* key : {"margin_inner_mm", "margin_outer_mm", "margin_top_mm", "margin_bottom_mm", "size"})
                if (const toml::node* node = page->get(key)) {
                    line = static_cast<int>(node->source().begin.line);
                    break;
                }
            throw StyleError(file, line, "page: the margins leave less than 1 inch for the text");
        }
    }
    if (const toml::table* font = top.subtable("font")) {
        TableReader reader(*font, file, "font");
        reader.string("family", style.font.family);
        reader.number("size_pt", style.font.size_pt, 4, 72);
        reader.number("leading", style.font.leading, 0.8, 3);
        reader.string("monospace_family", style.font.monospace_family);
        reader.string_list("fallback", style.font.fallback_families);
        reader.finish();
    }
    if (const toml::table* paragraph = top.subtable("paragraph")) {
        TableReader reader(*paragraph, file, "paragraph");
        reader.number("indent_em", style.paragraph.indent_em, 0, 10);
        reader.number("space_between_em", style.paragraph.space_between_em, 0, 5);
        reader.boolean("justify", style.paragraph.justify);
        reader.boolean("hyphenate", style.paragraph.hyphenate);
        reader.finish();
    }
    if (const toml::table* headings = top.subtable("headings")) {
        TableReader reader(*headings, file, "headings");
        for (int level = 1; level <= 4; ++level)
            if (const toml::table* look = reader.subtable("h" + std::to_string(level)))
                read_heading(*look, file, level, style.headings[static_cast<std::size_t>(level - 1)]);
        reader.finish();
    }
    if (const toml::table* notes = top.subtable("notes")) {
        TableReader reader(*notes, file, "notes");
        reader.number("size", style.notes.size, 0.5, 1.2);
        reader.choice("numbering", style.notes.numbering,
                      {{"document", NoteNumbering::per_document}, {"section", NoteNumbering::per_section}});
        reader.number("rule_length_em", style.notes.rule_length_em, 0, 40);
        reader.finish();
    }
    if (const toml::table* pages = top.subtable("pages")) {
        TableReader reader(*pages, file, "pages");
        reader.boolean("title_page", style.furniture.title_page);
        reader.boolean("table_of_contents", style.furniture.table_of_contents);
        reader.boolean("running_heads", style.furniture.running_heads);
        reader.boolean("page_numbers", style.furniture.page_numbers);
        reader.finish();
    }
    if (const toml::table* print = top.subtable("print")) {
        TableReader reader(*print, file, "print");
        reader.string("impose", style.print.impose);
        reader.string("sheet", style.print.sheet);
        reader.finish();
    }
    top.finish();
    return style;
}

}  // namespace

Style load_style(std::string_view name_or_path) { return load_named_or_file(name_or_path, 0); }

Style parse_style(std::string_view toml_text, std::string_view origin) {
    return parse_style_with_bases(toml_text, origin, 0);
}

}  // namespace pamphlet::layout
