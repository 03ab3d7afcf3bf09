// The site as the wasm build leaves it (scripts/build-site.mjs): content-hashed names with
// brotli (.br) and gzip (.gz) siblings made at build time. The server sends the sibling the
// browser accepts, byte for byte, and caches hashed names for a year.
#include <brotli/encode.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "http/gzip.h"
#include "running_server.h"

using namespace cleanslate;
using namespace cleanslate::testing;

namespace {

// A hashed file as the site build names it, with its siblings.
constexpr const char* kHashedWasm = "wizard.3f2a9c1b7e.wasm";

std::string brotli_compress(const std::string& data) {
    std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
    size_t size = out.size();
    REQUIRE(BrotliEncoderCompress(BROTLI_MAX_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, data.size(),
                                  reinterpret_cast<const uint8_t*>(data.data()), &size,
                                  reinterpret_cast<uint8_t*>(out.data())));
    out.resize(size);
    return out;
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// The site build's output for one file: the file and both siblings.
struct PrecompressedFile {
    std::string bytes, brotli, gzip;
};

PrecompressedFile add_precompressed(const TemporarySite& site, const std::string& name) {
    PrecompressedFile file;
    file.bytes = std::string("\0asm\x01\0\0\0", 8);
    for (int i = 0; i < 2000; ++i) file.bytes += "module-" + std::to_string(i % 97) + ";";
    file.brotli = brotli_compress(file.bytes);
    file.gzip = *server::gzip_compress(file.bytes);
    // A modification time in the gzip header: the server's own gzip writes none, so a test can
    // tell the build's member from one made at start-up.
    file.gzip[4] = 1;
    write_file(site.root() / name, file.bytes);
    write_file(site.root() / (name + ".br"), file.brotli);
    write_file(site.root() / (name + ".gz"), file.gzip);
    return file;
}

}  // namespace

TEST_SUITE("server: pre-compressed site files") {
    TEST_CASE("a browser that accepts brotli gets the .br sibling, which unpacks to the file") {
        TemporarySite site;
        const PrecompressedFile file = add_precompressed(site, kHashedWasm);
        RunningServer server(site);
        const RawResponse response =
            raw_request(server.port(), "GET", std::string("/") + kHashedWasm, {"Accept-Encoding: gzip, deflate, br"});
        CHECK(response.status == 200);
        CHECK(response.header("content-encoding") == "br");
        CHECK(response.header("vary") == "Accept-Encoding");
        CHECK(response.header("content-type") == "application/wasm");
        CHECK(response.body == file.brotli);
        CHECK(server::brotli_decompress(response.body) == file.bytes);
        CHECK(response.body.size() < file.gzip.size());
    }

    TEST_CASE("a browser without brotli gets the build's .gz sibling as it is; without either, the file") {
        TemporarySite site;
        const PrecompressedFile file = add_precompressed(site, kHashedWasm);
        RunningServer server(site);
        const std::string path = std::string("/") + kHashedWasm;
        const RawResponse gzip = raw_request(server.port(), "GET", path, {"Accept-Encoding: gzip"});
        CHECK(gzip.header("content-encoding") == "gzip");
        CHECK(gzip.body == file.gzip);
        CHECK(gunzip(gzip.body) == file.bytes);
        for (const std::vector<std::string>& headers :
             {std::vector<std::string>{}, {"Accept-Encoding: identity"}, {"Accept-Encoding: br;q=0, gzip;q=0"}}) {
            const RawResponse plain = raw_request(server.port(), "GET", path, headers);
            CHECK(plain.header("content-encoding").empty());
            CHECK(plain.body == file.bytes);
        }
    }

    TEST_CASE("the client's preference decides between brotli and gzip; brotli wins a tie") {
        TemporarySite site;
        add_precompressed(site, kHashedWasm);
        RunningServer server(site);
        const std::string path = std::string("/") + kHashedWasm;
        const std::pair<const char*, const char*> expected[] = {
            {"Accept-Encoding: br;q=0.5, gzip", "gzip"},
            {"Accept-Encoding: gzip;q=0.5, br", "br"},
            {"Accept-Encoding: BR, GZIP", "br"},
            {"Accept-Encoding: *", "br"},
            {"Accept-Encoding: gzip, *;q=0", "gzip"},
            {"Accept-Encoding: deflate", ""},
        };
        for (const auto& [header, coding] : expected) {
            CAPTURE(header);
            CHECK(raw_request(server.port(), "GET", path, {header}).header("content-encoding") == coding);
        }
    }

    TEST_CASE("each representation has its own ETag, and any of them answers 304") {
        TemporarySite site;
        add_precompressed(site, kHashedWasm);
        RunningServer server(site);
        const std::string path = std::string("/") + kHashedWasm;
        const std::string brotli_tag = raw_request(server.port(), "GET", path, {"Accept-Encoding: br"}).header("etag");
        const std::string gzip_tag = raw_request(server.port(), "GET", path, {"Accept-Encoding: gzip"}).header("etag");
        const std::string plain_tag = raw_request(server.port(), "GET", path).header("etag");
        CHECK(brotli_tag != gzip_tag);
        CHECK(brotli_tag != plain_tag);
        for (const std::string& tag : {brotli_tag, gzip_tag, plain_tag})
            CHECK(raw_request(server.port(), "GET", path, {"Accept-Encoding: br", "If-None-Match: " + tag}).status == 304);
    }

    TEST_CASE("the siblings are representations, not files of their own") {
        TemporarySite site;
        add_precompressed(site, kHashedWasm);
        RunningServer server(site);
        CHECK(raw_request(server.port(), "GET", std::string("/") + kHashedWasm + ".br").status == 404);
        CHECK(raw_request(server.port(), "GET", std::string("/") + kHashedWasm + ".gz").status == 404);
    }

    TEST_CASE("a sibling that does not unpack to its file stops the start, naming the file") {
        TemporarySite site;
        add_precompressed(site, kHashedWasm);
        write_file(site.root() / (std::string(kHashedWasm) + ".br"), brotli_compress("an older build's wasm"));
        const CommandResult result = run_server_binary({"--site", site.root().string(), "--host", "127.0.0.1", "--port", "0",
                                                        "--database", site.database()});
        CHECK(result.exit_code != 0);
        CHECK(result.err.find(std::string(kHashedWasm) + ".br does not unpack to " + kHashedWasm) != std::string::npos);
    }
}

TEST_SUITE("server: cache headers for a hashed site") {
    TEST_CASE("hashed names are immutable for a year; the page and the service worker are always revalidated") {
        TemporarySite site;
        add_precompressed(site, kHashedWasm);
        write_file(site.root() / "sw.js", "self.addEventListener('fetch', () => {});\n");
        RunningServer server(site);
        const std::string path = std::string("/") + kHashedWasm;
        for (const char* coding : {"Accept-Encoding: br", "Accept-Encoding: gzip", "Accept-Encoding: identity"})
            CHECK(raw_request(server.port(), "GET", path, {coding}).header("cache-control") ==
                  "public, max-age=31536000, immutable");
        CHECK(raw_request(server.port(), "GET", "/").header("cache-control") == "no-cache");
        CHECK(raw_request(server.port(), "GET", "/sw.js").header("cache-control") == "no-cache");
        CHECK(raw_request(server.port(), "GET", "/sw.js").header("content-type") == "text/javascript; charset=utf-8");
        // An unhashed name may change under the same URL: a short cache, then revalidation.
        CHECK(raw_request(server.port(), "GET", "/wizard.wasm").header("cache-control") == "public, max-age=300");
    }

    TEST_CASE("the Content-Security-Policy lets the page start its service worker") {
        TemporarySite site;
        RunningServer server(site);
        const std::string csp = raw_request(server.port(), "GET", "/").header("content-security-policy");
        CHECK(csp.find("worker-src 'self'") != std::string::npos);
    }
}
