// feed_csv.cpp — CSV records, the feed's columns -> Evidence, and feed timestamps.
#include "feed_csv.h"

#include <cstdlib>
#include <initializer_list>
#include <sstream>

namespace cleanslate::desk {

// --- CSV records ---------------------------------------------------------------------------
bool CsvReader::fill() {
    constexpr size_t kBlock = 64 * 1024;
    before_ += block_.size();
    block_.resize(kBlock);
    in_.read(&block_[0], std::streamsize(kBlock));
    block_.resize(size_t(in_.gcount()));
    at_ = 0;
    return !block_.empty();
}

int CsvReader::peek() {
    if (at_ >= block_.size() && !fill()) return -1;
    return static_cast<unsigned char>(block_[at_]);
}

bool CsvReader::next(CsvRecord& record, std::string& error) {
    record.fields.clear();
    record.fields_beyond = 0;
    error.clear();
    if (!started_) {
        started_ = true;
        if (peek() == 0xEF && block_.compare(0, 3, "\xEF\xBB\xBF") == 0) at_ = 3;
    }
    std::string field;
    bool quoted = false, field_started = false;
    size_t quote_line = 0, record_line = line_;
    auto end_field = [&] {
        if (record.fields.size() < kMostFields) record.fields.push_back(std::move(field));
        else ++record.fields_beyond;
        field.clear();
    };
    auto add = [&](char c) {
        if (field.size() < kLongestField) field += c;
    };
    auto finish = [&] {
        end_field();
        record.line = record_line;
        return true;
    };
    while (peek() >= 0) {
        const char c = block_[at_++];
        if (quoted) {
            if (c == '"' && peek() == '"') { add('"'); ++at_; }
            else if (c == '"') quoted = false;
            else { if (c == '\n') ++line_; add(c); }
            continue;
        }
        if (c == '"') { quoted = true; quote_line = line_; field_started = true; }
        else if (c == ',') { end_field(); field_started = true; }
        else if (c == '\r' && peek() == '\n') {}
        else if (c == '\n') {
            ++line_;
            if (field_started || record.field_count() > 0) return finish();
            record_line = line_;  // a blank line
        }
        else { add(c); field_started = true; }
    }
    if (quoted) {
        error = "line " + std::to_string(quote_line) + ": a quoted field is never closed";
        return false;
    }
    if (field_started || record.field_count() > 0) return finish();
    return false;
}

bool parse_csv(std::string_view text, std::vector<CsvRecord>& records, std::string& error) {
    records.clear();
    std::istringstream in{std::string(text)};
    CsvReader reader(in);
    CsvRecord record;
    while (reader.next(record, error)) records.push_back(std::move(record));
    return error.empty();
}

// --- Feed columns -> evidence ----------------------------------------------------------------
namespace {

bool parse_port(const std::string& text, std::optional<int>& port) {
    if (text.empty()) return true;
    char* end = nullptr;
    long value = std::strtol(text.c_str(), &end, 10);
    if (!end || *end != '\0' || value < 1 || value > 65535) return false;
    port = static_cast<int>(value);
    return true;
}

}  // namespace

long FeedColumns::column_of(std::initializer_list<std::string_view> names) const {
    for (std::string_view name : names)
        for (size_t i = 0; i < header_.size(); ++i)
            if (header_[i] == name) return static_cast<long>(i);
    return -1;
}

FeedColumns::FeedColumns(const std::vector<std::string>& header) : header_(header), width_(header.size()) {
    // The first of several names present fills a field: our own names first, then the
    // names Shadowserver's scan reports use for the same thing.
    texts_ = {{column_of({"tag"}), &Evidence::tag},
              {column_of({"infection"}), &Evidence::infection},
              {column_of({"device_vendor"}), &Evidence::device_vendor},
              {column_of({"device_type"}), &Evidence::device_type},
              {column_of({"device_model"}), &Evidence::device_model},
              {column_of({"credential"}), &Evidence::credential}};
    for (const FingerprintField& field : kFingerprintFields) texts_.push_back({column_of({field.name}), field.member});
    texts_.push_back({column_of({"serverid"}), &Evidence::ssh_banner});             // Accessible SSH report
    texts_.push_back({column_of({"subject_common_name"}), &Evidence::tls_subject});  // SSL/TLS and FTP reports
    texts_.push_back({column_of({"mac_address", "device_mac"}), &Evidence::mac});
    port_column_ = column_of({"port", "dst_port"});
    // A report's one "banner" column is the greeting of the service it scanned.
    banner_column_ = column_of({"banner"});
    protocol_column_ = column_of({"application", "protocol"});
    user_column_ = column_of({"username"});
    password_column_ = column_of({"password"});
    ip_column_ = column_of({"src_ip", "ip"});
    time_column_ = column_of({"timestamp"});
}

bool FeedColumns::read_row(const CsvRecord& csv, FeedRow& row, std::string& error) const {
    const auto& record = csv.fields;
    if (csv.field_count() != width_) {
        error = std::to_string(csv.field_count()) + " fields, the header has " + std::to_string(width_);
        return false;
    }
    auto field = [&](long at) -> const std::string& { return record[static_cast<size_t>(at)]; };
    row = FeedRow{};
    row.line = csv.line;
    for (const auto& t : texts_)
        if (t.at >= 0 && (row.evidence.*(t.field)).empty()) row.evidence.*(t.field) = field(t.at);
    if (banner_column_ >= 0 && !field(banner_column_).empty()) {
        const std::string service = protocol_column_ >= 0 ? field(protocol_column_) : std::string();
        std::optional<int> port;
        if (port_column_ >= 0) parse_port(field(port_column_), port);
        std::string Evidence::*target = &Evidence::telnet_banner;
        if (service == "ftp" || port == 21) target = &Evidence::ftp_banner;
        else if (service == "ssh" || port == 22) target = &Evidence::ssh_banner;
        else if (service == "rtsp" || port == 554) target = &Evidence::rtsp_server;
        if ((row.evidence.*target).empty()) row.evidence.*target = field(banner_column_);
    }
    if (row.evidence.credential.empty() && user_column_ >= 0 && password_column_ >= 0 && !field(user_column_).empty())
        row.evidence.credential = field(user_column_) + "/" + field(password_column_);
    if (port_column_ >= 0 && !parse_port(field(port_column_), row.evidence.port)) {
        error = "port '" + std::string(cap_text(field(port_column_), 64)) + "' is not a port number";
        return false;
    }
    if (!row.evidence.credential.empty() && row.evidence.credential.find('/') == std::string::npos) {
        error = "credential must look like user/password";
        return false;
    }
    cap_evidence(row.evidence);  // a 50 MB cell costs what a real banner costs
    if (ip_column_ >= 0) row.src_ip = std::string(cap_text(field(ip_column_), 64));
    if (time_column_ >= 0) row.timestamp = std::string(cap_text(field(time_column_), 64));
    return true;
}

bool read_feed(std::string_view csv_text, std::vector<FeedRow>& rows, std::string& error) {
    rows.clear();
    std::vector<CsvRecord> records;
    if (!parse_csv(csv_text, records, error)) return false;
    if (records.empty()) { error = "the CSV file is empty (a header row is needed)"; return false; }
    const FeedColumns columns(records[0].fields);
    for (size_t r = 1; r < records.size(); ++r) {
        FeedRow row;
        if (!columns.read_row(records[r], row, error)) {
            error = "line " + std::to_string(records[r].line) + ": " + error;
            return false;
        }
        rows.push_back(std::move(row));
    }
    return true;
}

// --- Feed timestamps ----------------------------------------------------------------------------
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}

bool digits(std::string_view text, size_t at, size_t count, int& value) {
    if (at + count > text.size()) return false;
    value = 0;
    for (size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

}  // namespace

bool parse_feed_time(std::string_view text, int64_t& seconds) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    if (text.empty()) return false;
    if (text.find_first_not_of("0123456789") == std::string_view::npos) {
        if (text.size() > 11) return false;
        seconds = std::strtoll(std::string(text).c_str(), nullptr, 10);
        return true;
    }
    int year, month, day, hour, minute, second;
    if (text.size() < 19 || !digits(text, 0, 4, year) || text[4] != '-' || !digits(text, 5, 2, month) ||
        text[7] != '-' || !digits(text, 8, 2, day) || (text[10] != ' ' && text[10] != 'T') ||
        !digits(text, 11, 2, hour) || text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' ||
        !digits(text, 17, 2, second))
        return false;
    static constexpr int kDaysIn[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 || day > kDaysIn[month - 1] || (month == 2 && day == 29 && !leap) ||
        hour > 23 || minute > 59 || second > 60)
        return false;
    size_t at = 19;
    if (at < text.size() && text[at] == '.') {  // fractions of a second
        ++at;
        const size_t first = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
        if (at == first) return false;
    }
    int offset = 0;
    std::string_view zone = text.substr(at);
    if (zone == "Z" || zone == " UTC" || zone == " Z") zone = {};
    if (!zone.empty()) {
        int zone_hours, zone_minutes;
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !digits(zone, 1, 2, zone_hours) || zone[3] != ':' ||
            !digits(zone, 4, 2, zone_minutes) || zone_hours > 14 || zone_minutes > 59)
            return false;
        offset = (zone[0] == '-' ? -1 : 1) * (zone_hours * 3600 + zone_minutes * 60);
    }
    seconds = days_from_civil(year, unsigned(month), unsigned(day)) * 86400 + hour * 3600 + minute * 60 + second - offset;
    return true;
}

}  // namespace cleanslate::desk
