#include "cli/report_json.hpp"

#include <cstdio>

namespace pamphlet::cli {

std::string escape_json(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string report_to_json(const std::vector<DocumentSummary>& documents) {
    std::string out = "{\n  \"documents\": [";
    for (std::size_t d = 0; d < documents.size(); ++d) {
        const DocumentSummary& doc = documents[d];
        out += d ? ",\n    {" : "\n    {";
        out += "\n      \"input\": " + escape_json(doc.input);
        out += ",\n      \"title\": " + escape_json(doc.title);
        out += ",\n      \"language\": " + escape_json(doc.language);
        out += ",\n      \"notes\": " + std::to_string(doc.notes);
        for (const auto& [key, value] : doc.extra) out += ",\n      " + escape_json(key) + ": " + value;
        out += ",\n      \"outputs\": [";
        for (std::size_t i = 0; i < doc.outputs.size(); ++i) {
            const OutputSummary& output = doc.outputs[i];
            out += i ? ", " : "";
            out += "{\"path\": " + escape_json(output.path) + ", \"format\": " + escape_json(output.format) +
                   ", \"pages\": " + std::to_string(output.pages) + ", \"bytes\": " + std::to_string(output.bytes) + "}";
        }
        out += "],\n      \"warnings\": [";
        for (std::size_t i = 0; i < doc.report.warnings.size(); ++i) {
            const model::Warning& warning = doc.report.warnings[i];
            out += i ? ",\n        " : "\n        ";
            out += "{\"file\": " + escape_json(warning.file) + ", \"line\": " + std::to_string(warning.line) +
                   ", \"message\": " + escape_json(warning.message) + "}";
        }
        out += doc.report.warnings.empty() ? "]" : "\n      ]";
        out += ",\n      \"repairs\": [";
        for (std::size_t i = 0; i < doc.report.repairs.size(); ++i) {
            const model::Repair& repair = doc.report.repairs[i];
            out += i ? ",\n        " : "\n        ";
            out += "{\"pass\": " + escape_json(repair.pass) + ", \"line\": " + std::to_string(repair.line) +
                   ", \"before\": " + escape_json(repair.before) + ", \"after\": " + escape_json(repair.after) +
                   ", \"reason\": " + escape_json(repair.reason) + "}";
        }
        out += doc.report.repairs.empty() ? "]" : "\n      ]";
        out += "\n    }";
    }
    out += documents.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace pamphlet::cli
