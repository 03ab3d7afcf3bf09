// feed_csv.h — reading an ISP infection feed (Shadowserver-style CSV) into evidence, one
// per row, for the desk command.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/evidence.h"

namespace cleanslate::desk {

// --- CSV records ---------------------------------------------------------------------------
// RFC 4180 records: comma-separated, fields optionally in double quotes with "" for a
// quote and line breaks allowed inside quotes; LF or CRLF line ends; a UTF-8 byte-order
// mark is skipped; blank lines are skipped.
struct CsvRecord {
    size_t line = 0;  // line the record starts on, 1-based
    std::vector<std::string> fields;
    size_t fields_beyond = 0;  // fields past CsvReader::kMostFields, counted but not kept
    size_t field_count() const { return fields.size() + fields_beyond; }
};

// Reads records one at a time from a stream, in fixed-size blocks, so a file of any length
// costs the memory of one record, and a record at most kLongestField bytes per field and
// kMostFields fields: the rest of a longer cell is skipped (every use cuts cells far shorter,
// evidence.h) and further fields are only counted, so an 8 MB cell or a quote left open costs
// no more than a real row. An unterminated quote at the end is an error.
class CsvReader {
public:
    static constexpr size_t kLongestField = 64 * 1024;
    static constexpr size_t kMostFields = 4096;
    explicit CsvReader(std::istream& in) : in_(in) {}
    // False at the end of the input, or on an error (then `error` names the line).
    bool next(CsvRecord& record, std::string& error);
    // Bytes consumed so far (for a progress bar).
    uint64_t bytes_read() const { return before_ + at_; }

private:
    bool fill();  // the next block; false at the end of the input
    int peek();   // the next byte (filling the block first), or -1 at the end
    std::istream& in_;
    std::string block_;
    size_t at_ = 0;
    uint64_t before_ = 0;  // bytes of the blocks before this one
    size_t line_ = 1;
    bool started_ = false;
};

// The whole text at once; returns false with `error` naming the line on an unterminated quote.
bool parse_csv(std::string_view text, std::vector<CsvRecord>& records, std::string& error);

// --- Feed columns -> evidence ------------------------------------------------------------------
struct FeedRow {
    size_t line = 0;       // line of the file the record starts on (1 = header)
    std::string src_ip;    // echoed so the desk can match results to customers
    std::string timestamp;
    Evidence evidence;
};

// Maps the header's columns to evidence fields: tag, infection, device_vendor, device_type,
// device_model, credential (or username + password), every fingerprint field by its name
// (http_server, http_title, telnet_banner, telnet_hostname, rtsp_server, ssh_banner,
// ftp_banner, tls_subject, upnp_server, mac), Shadowserver's names for some of them
// (serverid -> ssh_banner, subject_common_name -> tls_subject, mac_address/device_mac -> mac,
// and a report's "banner" -> the greeting of the service its application/protocol or port
// names: FTP, SSH, RTSP, else Telnet), and port (or, when there is no port column, dst_port:
// the port the bot was seen on). Other columns are ignored (column_of finds them). Every text
// is cut to its bound (evidence.h), so a huge cell costs no more than a real one.
class FeedColumns {
public:
    explicit FeedColumns(const std::vector<std::string>& header);
    size_t width() const { return width_; }
    // The index of the first of `names` in the header, or -1.
    long column_of(std::initializer_list<std::string_view> names) const;
    // One record -> a row. False with `error` saying why (without the line) when its field
    // count differs from the header's, the port is not a number in 1..65535 or a credential
    // has no '/'.
    bool read_row(const CsvRecord& record, FeedRow& row, std::string& error) const;

private:
    struct Text {
        long at;
        std::string Evidence::*field;
    };
    std::vector<std::string> header_;
    size_t width_ = 0;
    std::vector<Text> texts_;
    long port_column_, banner_column_, protocol_column_, user_column_, password_column_, ip_column_, time_column_;
};

// The whole file at once (the identify command): fails on a missing header or the first bad
// record, naming its line.
bool read_feed(std::string_view csv_text, std::vector<FeedRow>& rows, std::string& error);

// A feed's timestamp -> unix seconds: "2026-11-30 14:05:09" or ISO 8601 ("2026-11-30T14:05:09Z",
// with fractions and a "+01:00" offset), read as UTC when it names no zone; or plain unix
// seconds. False for anything else, or a date that does not exist.
bool parse_feed_time(std::string_view text, int64_t& seconds);

}  // namespace cleanslate::desk
