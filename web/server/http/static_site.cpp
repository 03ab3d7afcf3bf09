// static_site.cpp — loading the site directory and looking files up by URL path.
#include "http/static_site.h"

#include <cctype>
#include <system_error>

#include "core/sha256.h"
#include "file_text.h"
#include "http/gzip.h"
#include "http/mime_types.h"

namespace cleanslate::server {

namespace fs = std::filesystem;

namespace {

constexpr uintmax_t kLargestServedFile = 64u << 20;  // a wasm build is a few MB; anything huge is a mistake

std::string file_name_of(std::string_view path) {
    const size_t slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// A run of at least 8 hex digits, with a digit in it, between '.' or '-' separators
// of the file name: the mark of a build that names files by content.
bool has_content_hash(std::string_view file_name) {
    size_t start = 0;
    while (start <= file_name.size()) {
        size_t end = file_name.find_first_of(".-", start);
        if (end == std::string_view::npos) end = file_name.size();
        const std::string_view part = file_name.substr(start, end - start);
        bool all_hex = part.size() >= 8, has_digit = false;
        for (char c : part) {
            all_hex = all_hex && std::isxdigit(static_cast<unsigned char>(c));
            has_digit = has_digit || std::isdigit(static_cast<unsigned char>(c));
        }
        if (all_hex && has_digit && end != file_name.size()) return true;  // not the extension
        start = end + 1;
    }
    return false;
}

bool is_hidden(const fs::path& relative) {
    for (const fs::path& part : relative)
        if (!part.empty() && part.native().front() == '.') return true;
    return false;
}

std::shared_ptr<StaticAsset> make_asset(const std::string& relative_path, std::string bytes) {
    auto asset = std::make_shared<StaticAsset>();
    asset->mime_type = mime_type_for(relative_path);
    asset->cache_control = cache_control_for(relative_path);
    const std::string hash = to_hex(sha256(bytes)).substr(0, 20);
    asset->etag = "\"" + hash + "\"";
    asset->etag_gzip = "\"" + hash + "-gz\"";
    asset->etag_brotli = "\"" + hash + "-br\"";
    asset->identity = std::move(bytes);
    return asset;
}

// --- Pre-compressed siblings ----------------------------------------------------------
// "/a.wasm.br" -> "/a.wasm" when the site holds "/a.wasm"; "" when key is no sibling.
std::string sibling_base(const std::string& key, const std::string& suffix,
                         const std::unordered_map<std::string, std::string>& files) {
    if (key.size() <= suffix.size() || key.compare(key.size() - suffix.size(), suffix.size(), suffix) != 0) return "";
    std::string base = key.substr(0, key.size() - suffix.size());
    return files.count(base) ? base : "";
}

// A sibling is used only when it unpacks to the file's very bytes and is smaller; one that
// does not unpack to them is a broken build, refused at start-up rather than sent.
bool attach_sibling(StaticAsset& asset, const std::string& key, const std::string& packed, bool is_brotli,
                    std::string& error) {
    const auto unpacked = is_brotli ? brotli_decompress(packed) : gzip_decompress(packed);
    if (!unpacked || *unpacked != asset.identity) {
        error = key + (is_brotli ? ".br" : ".gz") + " does not unpack to " + key.substr(1);
        return false;
    }
    if (packed.size() < asset.identity.size()) (is_brotli ? asset.brotli : asset.gzipped) = packed;
    return true;
}

}  // namespace

// --- Policies -----------------------------------------------------------------------
std::string cache_control_for(std::string_view relative_path) {
    const std::string name = file_name_of(relative_path);
    const bool is_page = mime_type_for(name).rfind("text/html", 0) == 0;
    // A service worker script must be fetched fresh, or an old one keeps control of the page.
    const bool is_service_worker = name == "sw.js" || name == "service-worker.js";
    if (is_page || is_service_worker) return "no-cache";
    if (has_content_hash(name)) return "public, max-age=31536000, immutable";
    return "public, max-age=300";
}

bool is_safe_url_path(std::string_view url_path) {
    if (url_path.empty() || url_path.front() != '/') return false;
    for (char c : url_path)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') return false;
    size_t start = 1;
    while (start <= url_path.size()) {
        size_t end = url_path.find('/', start);
        if (end == std::string_view::npos) end = url_path.size();
        const std::string_view segment = url_path.substr(start, end - start);
        const bool is_last = end == url_path.size();
        if (segment == "." || segment == "..") return false;
        if (segment.empty() && !is_last) return false;  // "//" — only a trailing slash may be empty
        start = end + 1;
    }
    return true;
}

// --- The whole site -------------------------------------------------------------------
std::optional<StaticSite> StaticSite::load(const fs::path& root, std::string& error) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        error = "site directory not found: " + root.string();
        return std::nullopt;
    }
    // First every file's bytes, then the files with their siblings attached.
    std::unordered_map<std::string, std::string> files;  // key: "/css/app.css"
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::path relative = it->path().lexically_relative(root);
        if (is_hidden(relative)) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        if (it->file_size(ec) > kLargestServedFile) {
            error = "file too large to serve: " + it->path().string();
            return std::nullopt;
        }
        auto bytes = read_whole_file(it->path());
        if (!bytes) {
            error = "cannot read " + it->path().string();
            return std::nullopt;
        }
        files.emplace("/" + relative.generic_string(), std::move(*bytes));
    }
    if (ec) {
        error = "cannot list " + root.string() + ": " + ec.message();
        return std::nullopt;
    }

    std::unordered_map<std::string, std::shared_ptr<StaticAsset>> assets;
    for (auto& [key, bytes] : files) {
        if (!sibling_base(key, ".br", files).empty() || !sibling_base(key, ".gz", files).empty()) continue;
        assets.emplace(key, make_asset(key, std::move(bytes)));   // siblings keep their bytes
    }
    for (const auto& [key, bytes] : files) {
        for (const std::string suffix : {".br", ".gz"}) {
            const std::string base = sibling_base(key, suffix, files);
            if (!base.empty() && !attach_sibling(*assets.at(base), base, bytes, suffix == ".br", error)) return std::nullopt;
        }
    }

    StaticSite site;
    for (auto& [key, asset] : assets) {
        if (!asset->gzipped && is_compressible(asset->mime_type) && !asset->identity.empty()) {
            auto gzipped = gzip_compress(asset->identity);
            if (gzipped && gzipped->size() < asset->identity.size()) asset->gzipped = std::move(*gzipped);
        }
        const size_t as_gzip = asset->gzipped ? asset->gzipped->size() : asset->identity.size();
        site.summary_.files += 1;
        site.summary_.bytes += asset->identity.size();
        site.summary_.bytes_as_sent += as_gzip;
        site.summary_.bytes_as_sent_brotli += asset->brotli ? asset->brotli->size() : as_gzip;
        site.assets_.emplace(key, std::move(asset));
    }
    if (!site.assets_.count("/index.html")) {
        error = "no index.html in " + root.string();
        return std::nullopt;
    }
    return site;
}

std::shared_ptr<const StaticAsset> StaticSite::find(std::string_view url_path) const {
    if (!is_safe_url_path(url_path)) return nullptr;
    std::string key(url_path);
    if (key.back() == '/') key += "index.html";
    auto found = assets_.find(key);
    return found == assets_.end() ? nullptr : found->second;
}

}  // namespace cleanslate::server
