// feed_csv.cpp — CSV records and the feed's columns -> Evidence.
#include "feed_csv.h"

#include <cstdlib>
#include <initializer_list>

namespace cleanslate::desk {

// --- CSV records ---------------------------------------------------------------------------
bool parse_csv(std::string_view text, std::vector<CsvRecord>& records, std::string& error) {
    records.clear();
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, field_started = false;
    size_t line = 1, quote_line = 0, record_line = 1;
    auto end_record = [&]() {
        if (field_started || !record.empty()) {
            record.push_back(std::move(field));
            records.push_back({record_line, std::move(record)});
        }
        record_line = line + 1;
        record.clear();
        field.clear();
        field_started = false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
            else if (c == '"') quoted = false;
            else { if (c == '\n') ++line; field += c; }
            continue;
        }
        if (c == '"') { quoted = true; quote_line = line; field_started = true; }
        else if (c == ',') { record.push_back(std::move(field)); field.clear(); field_started = true; }
        else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {}
        else if (c == '\n') { end_record(); ++line; }
        else { field += c; field_started = true; }
    }
    if (quoted) {
        error = "line " + std::to_string(quote_line) + ": a quoted field is never closed";
        return false;
    }
    end_record();
    return true;
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

bool read_feed(std::string_view csv_text, std::vector<FeedRow>& rows, std::string& error) {
    rows.clear();
    std::vector<CsvRecord> records;
    if (!parse_csv(csv_text, records, error)) return false;
    if (records.empty()) { error = "the CSV file is empty (a header row is needed)"; return false; }

    const auto& header = records[0].fields;
    auto column = [&](std::string_view name) -> long {
        for (size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return static_cast<long>(i);
        return -1;
    };
    const long port_column = column("port") >= 0 ? column("port") : column("dst_port");
    // The first of these columns present fills the field: our own names first, then the
    // names Shadowserver's scan reports use for the same thing.
    auto first_column = [&](std::initializer_list<std::string_view> names) -> long {
        for (std::string_view name : names)
            if (long at = column(name); at >= 0) return at;
        return -1;
    };
    struct Text { long at; std::string Evidence::*field; };
    std::vector<Text> texts = {
        {column("tag"), &Evidence::tag}, {column("infection"), &Evidence::infection},
        {column("device_vendor"), &Evidence::device_vendor}, {column("device_type"), &Evidence::device_type},
        {column("device_model"), &Evidence::device_model}, {column("credential"), &Evidence::credential}};
    for (const FingerprintField& field : kFingerprintFields) texts.push_back({column(field.name), field.member});
    texts.push_back({column("serverid"), &Evidence::ssh_banner});             // Accessible SSH report
    texts.push_back({column("subject_common_name"), &Evidence::tls_subject});  // SSL/TLS and FTP reports
    texts.push_back({first_column({"mac_address", "device_mac"}), &Evidence::mac});
    // A report's one "banner" column is the greeting of the service it scanned.
    const long banner_column = column("banner");
    const long protocol_column = first_column({"application", "protocol"});
    const long user_column = column("username"), password_column = column("password");
    const long ip_column = column("src_ip") >= 0 ? column("src_ip") : column("ip");
    const long time_column = column("timestamp");

    for (size_t r = 1; r < records.size(); ++r) {
        const auto& record = records[r].fields;
        const std::string where = "line " + std::to_string(records[r].line) + ": ";
        if (record.size() != header.size()) {
            error = where + std::to_string(record.size()) + " fields, the header has " + std::to_string(header.size());
            return false;
        }
        auto field = [&](long at) -> const std::string& { return record[static_cast<size_t>(at)]; };
        FeedRow row;
        row.line = records[r].line;
        for (const auto& t : texts)
            if (t.at >= 0 && (row.evidence.*(t.field)).empty()) row.evidence.*(t.field) = field(t.at);
        if (banner_column >= 0 && !field(banner_column).empty()) {
            const std::string service = protocol_column >= 0 ? field(protocol_column) : std::string();
            std::optional<int> port;
            if (port_column >= 0) parse_port(field(port_column), port);
            std::string Evidence::*target = &Evidence::telnet_banner;
            if (service == "ftp" || port == 21) target = &Evidence::ftp_banner;
            else if (service == "ssh" || port == 22) target = &Evidence::ssh_banner;
            else if (service == "rtsp" || port == 554) target = &Evidence::rtsp_server;
            if ((row.evidence.*target).empty()) row.evidence.*target = field(banner_column);
        }
        if (row.evidence.credential.empty() && user_column >= 0 && password_column >= 0 && !field(user_column).empty())
            row.evidence.credential = field(user_column) + "/" + field(password_column);
        if (port_column >= 0 && !parse_port(field(port_column), row.evidence.port)) {
            error = where + "port '" + field(port_column) + "' is not a port number";
            return false;
        }
        if (!row.evidence.credential.empty() && row.evidence.credential.find('/') == std::string::npos) {
            error = where + "credential must look like user/password";
            return false;
        }
        cap_evidence(row.evidence);  // a 50 MB cell costs what a real banner costs
        if (ip_column >= 0) row.src_ip = std::string(cap_text(field(ip_column), 64));
        if (time_column >= 0) row.timestamp = std::string(cap_text(field(time_column), 64));
        rows.push_back(std::move(row));
    }
    return true;
}

}  // namespace cleanslate::desk
