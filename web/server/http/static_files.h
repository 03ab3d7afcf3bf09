// static_files.h — answering GET/HEAD for the site's files (StaticSite) over HTTP:
// gzip when the client takes it, ETag and 304, cache policy, and byte ranges.
//
// Ranges (RFC 9110 §14): one range of the file as it is ("bytes=0-499", "bytes=500-",
// "bytes=-500") is answered 206 with Content-Range, always from the uncompressed bytes (a
// range of a gzip stream is useless to a client that asked for the file). A range that lies
// wholly outside the file is 416 with "Content-Range: bytes */<size>". Several ranges, or a
// syntax we do not read, are answered with the whole file (200), as the RFC allows. If-Range
// with a tag other than the file's current one also gets the whole file.
#pragma once
#include "http/http_message.h"
#include "http/static_site.h"

namespace cleanslate::server {

void serve_static_file(const StaticSite& site, const Request& request, Response& response);

}  // namespace cleanslate::server
