// gzip.cpp — thin wrappers over zlib (deflate with the gzip header: windowBits 15 + 16) and
// the brotli decoder.
#include "http/gzip.h"

#include <brotli/decode.h>
#include <zlib.h>

namespace cleanslate::server {

std::optional<std::string> gzip_compress(std::string_view data) {
    z_stream stream{};
    constexpr int kGzipWindowBits = 15 + 16;  // +16 asks zlib for a gzip header and trailer
    constexpr int kMemoryLevel = 9;
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, kGzipWindowBits, kMemoryLevel,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        return std::nullopt;

    std::string compressed(deflateBound(&stream, uLong(data.size())) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
    stream.avail_out = uInt(compressed.size());
    const int result = deflate(&stream, Z_FINISH);
    const size_t produced = stream.total_out;
    deflateEnd(&stream);
    if (result != Z_STREAM_END) return std::nullopt;
    compressed.resize(produced);
    return compressed;
}

std::optional<std::string> gzip_decompress(std::string_view member) {
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(member.data()));
    stream.avail_in = uInt(member.size());
    std::string out;
    char buffer[64 * 1024];
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    const bool whole = result == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    if (!whole) return std::nullopt;
    return out;
}

std::optional<std::string> brotli_decompress(std::string_view stream) {
    BrotliDecoderState* decoder = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    if (!decoder) return std::nullopt;
    const uint8_t* next_in = reinterpret_cast<const uint8_t*>(stream.data());
    size_t available_in = stream.size();
    std::string out;
    uint8_t buffer[64 * 1024];
    BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        uint8_t* next_out = buffer;
        size_t available_out = sizeof buffer;
        result = BrotliDecoderDecompressStream(decoder, &available_in, &next_in, &available_out, &next_out, nullptr);
        out.append(reinterpret_cast<const char*>(buffer), sizeof buffer - available_out);
    }
    BrotliDecoderDestroyInstance(decoder);
    if (result != BROTLI_DECODER_RESULT_SUCCESS || available_in != 0) return std::nullopt;
    return out;
}

}  // namespace cleanslate::server
