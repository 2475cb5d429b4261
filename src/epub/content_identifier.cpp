#include "epub/content_identifier.hpp"

#include <nettle/sha1.h>

#include <cstdio>

#include "model/text.hpp"
#include "model/walk.hpp"

namespace pamphlet::epub {
namespace {

// Days from 1970-01-01 to the given civil date (proleptic Gregorian), after H. Hinnant's
// well-known days_from_civil formula.
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(year - era * 400);
    const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

}  // namespace

std::string format_utc(std::int64_t seconds) {
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) rest += 86400, --days;
    // civil_from_days, the inverse of days_from_civil.
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto day_of_era = static_cast<unsigned>(days - era * 146097);
    const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned month_index = (5 * day_of_year + 2) / 153;
    const unsigned day = day_of_year - (153 * month_index + 2) / 5 + 1;
    const unsigned month = month_index < 10 ? month_index + 3 : month_index - 9;
    const std::int64_t year = static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(year), month,
                  day, static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
    return buffer;
}

namespace {

bool all_digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return !text.empty();
}

}  // namespace

std::array<std::uint8_t, 20> sha1(std::string_view bytes) {
    sha1_ctx context;
    sha1_init(&context);
    sha1_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
    std::array<std::uint8_t, 20> digest{};
    sha1_digest(&context, digest.size(), digest.data());
    return digest;
}

std::string name_based_uuid(std::string_view name) {
    // pamphlet's own namespace: any fixed 16 bytes serve, as long as they never change (a
    // change would give every rebuilt book a new identifier).
    static constexpr std::uint8_t namespace_bytes[16] = {0x8c, 0x3e, 0x5b, 0x21, 0x7a, 0x4d, 0x4f, 0x1e,
                                                         0x9b, 0x62, 0x0d, 0x55, 0xa1, 0x37, 0xe4, 0x90};
    sha1_ctx context;
    sha1_init(&context);
    sha1_update(&context, sizeof namespace_bytes, namespace_bytes);
    sha1_update(&context, name.size(), reinterpret_cast<const std::uint8_t*>(name.data()));
    std::array<std::uint8_t, SHA1_DIGEST_SIZE> digest{};
    sha1_digest(&context, digest.size(), digest.data());
    digest[6] = static_cast<std::uint8_t>((digest[6] & 0x0F) | 0x50);  // version 5
    digest[8] = static_cast<std::uint8_t>((digest[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static constexpr char hex[] = "0123456789abcdef";
    std::string uuid;
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) uuid += '-';
        uuid += hex[digest[i] >> 4];
        uuid += hex[digest[i] & 0x0F];
    }
    return uuid;
}

std::string content_identifier(const model::Document& document) {
    // Fields are separated by a byte that cannot occur in UTF-8 text, so that moving text from
    // one field to the next changes the identifier.
    constexpr char separator = '\xFF';
    const model::Metadata& metadata = document.metadata;
    std::string name = metadata.title + separator + metadata.subtitle + separator + metadata.language;
    for (const model::Contributor& contributor : document.metadata.contributors)
        name += separator + contributor.role + ':' + contributor.name;
    model::for_each_leaf_block(document, [&name](const model::Block& leaf, std::size_t) {
        name += separator;
        name += model::visible_text(leaf);
    });
    return "urn:uuid:" + name_based_uuid(name);
}

bool is_w3c_date(std::string_view date) {
    if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
    if (!all_digits(date.substr(0, 4))) return false;
    for (std::size_t dash = 4; dash < date.size(); dash += 3) {
        if (date[dash] != '-' || !all_digits(date.substr(dash + 1, 2))) return false;
    }
    const int month = date.size() >= 7 ? std::stoi(std::string(date.substr(5, 2))) : 1;
    const int day = date.size() == 10 ? std::stoi(std::string(date.substr(8, 2))) : 1;
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::int64_t modification_time(const model::Document& document, std::optional<std::int64_t> source_date_epoch) {
    if (source_date_epoch) return *source_date_epoch;
    const std::string& date = document.metadata.date;
    if (is_w3c_date(date)) {
        const auto year = std::stoll(date.substr(0, 4));
        const auto month = date.size() >= 7 ? static_cast<unsigned>(std::stoi(date.substr(5, 2))) : 1U;
        const auto day = date.size() == 10 ? static_cast<unsigned>(std::stoi(date.substr(8, 2))) : 1U;
        return days_from_civil(year, month, day) * 86400;
    }
    return 946684800;  // 2000-01-01T00:00:00Z
}

}  // namespace pamphlet::epub
