// import_command.h — cleanslate-desk import-feed FILE.csv: infection feed rows -> cases.
//
//   cleanslate-desk import-feed FILE.csv [--database var/cleanslate.db] [--db devices.json]
//                   [--lang nl|en] [--ticket-prefix CS-2026-] [--progress|--no-progress]
//
// Columns: everything the identification contract reads (feed_csv.h: timestamp, ip/src_ip,
// port, tag, infection, device_vendor/type/model, http_server, http_title, telnet_banner,
// credential, ...) plus the provider's own mapping: customer (or customer_id), required,
// naming the customer whose connection the row was seen on; and, optional, ticket (the
// provider's case number for a new case), email (where the e-mail goes) and language
// (nl or en; default --lang). The address (ip) is only read to be left out: cases and links
// never keep it, and a customer column holding an IP address is refused row by row.
//
// A customer without a case gets one, identified with the engine; a row for a customer whose
// case reported 'remediated' before the row's time marks the case reinfected; a row imported
// before changes nothing. Rows are read as a stream and committed in batches, so memory stays
// the same for any length of file; a progress bar runs on stderr when it is a terminal.
//
// Exit status: 0 every row imported; 3 imported, but some rows were rejected (each named on
// stderr by line and reason); 2 the file or an argument is unusable (one line on stderr);
// 1 the database could not be opened or written.
#pragma once

namespace cleanslate::desk {

int run_import_command(int argc, char** argv);

}  // namespace cleanslate::desk
