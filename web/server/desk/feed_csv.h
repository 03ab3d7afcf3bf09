// feed_csv.h — reading an ISP infection feed (Shadowserver-style CSV) into evidence, one
// per row, for the desk command.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/evidence.h"

namespace cleanslate::desk {

// RFC 4180 records: comma-separated, fields optionally in double quotes with "" for a
// quote and line breaks allowed inside quotes; LF or CRLF line ends; a UTF-8 byte-order
// mark is skipped; blank lines are skipped. Returns false with `error` naming the line on
// an unterminated quote.
struct CsvRecord {
    size_t line = 0;  // line the record starts on, 1-based
    std::vector<std::string> fields;
};
bool parse_csv(std::string_view text, std::vector<CsvRecord>& records, std::string& error);

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
// the port the bot was seen on). Other columns are ignored. Every text is cut to its bound
// (evidence.h), so a huge cell costs no more than a real one. Fails on a missing header, a record whose field count differs from
// the header's, or a port that is not a number in 1..65535.
bool read_feed(std::string_view csv_text, std::vector<FeedRow>& rows, std::string& error);

}  // namespace cleanslate::desk
