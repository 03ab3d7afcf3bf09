// static_site.h — the wizard's files, read once at start-up and then served from memory.
// Only files that were in the site directory at start-up can ever be served: a request path
// is a key into a table, never a path handed to the file system.
// The site build (scripts/build-site.mjs) leaves pre-compressed siblings next to each file:
// "wizard.3f2a9c1b7e.wasm.br" (brotli) and ".gz" (zopfli). They become that file's brotli and
// gzip representations, checked at start-up to unpack to the very bytes of the file. A file
// without a .gz sibling is gzip-compressed here; without a .br sibling it has no brotli.
#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cleanslate::server {

// --- One file, ready to send ----------------------------------------------------------
struct StaticAsset {
    std::string mime_type;
    std::string cache_control;
    std::string etag;                    // strong tag of the uncompressed bytes, quoted
    std::string etag_gzip;               // each representation has its own tag
    std::string etag_brotli;
    std::string identity;                // the file as it is
    std::optional<std::string> gzipped;  // only when gzip actually made it smaller
    std::optional<std::string> brotli;   // only from a .br sibling that is smaller
};

// --- Policies -----------------------------------------------------------------------
// index.html and other pages: "no-cache" (always revalidate, so a deploy shows at once).
// Names with a content hash (wizard.3f2a9c1b.js): a year, immutable.
// Everything else: five minutes, then revalidate with the ETag.
std::string cache_control_for(std::string_view relative_path);

// A URL path we are willing to look up: starts with '/', no "." or ".." segments, no
// backslash, no control characters, no empty segments ("//").
bool is_safe_url_path(std::string_view url_path);

// --- The whole site -------------------------------------------------------------------
struct SiteSummary {
    size_t files = 0;
    size_t bytes = 0;                 // uncompressed
    size_t bytes_as_sent = 0;         // with gzip where it helps
    size_t bytes_as_sent_brotli = 0;  // with brotli where the site has it, else as with gzip
};

class StaticSite {
public:
    // Reads every regular, non-hidden file under root. Returns nullopt with `error` set
    // when root is not a readable directory, holds no index.html, or has a .br/.gz sibling
    // that does not unpack to its file.
    static std::optional<StaticSite> load(const std::filesystem::path& root, std::string& error);

    // "/" and "/dir/" mean their index.html. nullptr for unknown or unsafe paths.
    std::shared_ptr<const StaticAsset> find(std::string_view url_path) const;

    const SiteSummary& summary() const { return summary_; }

private:
    std::unordered_map<std::string, std::shared_ptr<const StaticAsset>> assets_;  // key: "/css/app.css"
    SiteSummary summary_;
};

}  // namespace cleanslate::server
