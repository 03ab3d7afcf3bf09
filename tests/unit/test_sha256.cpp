// SHA-256 and HMAC-SHA256: the published test vectors of FIPS 180-4 (via the NIST
// examples) and RFC 4231. If these pass, links minted by the server check out in the wizard.
#include <doctest/doctest.h>

#include <string>

#include "core/sha256.h"

using namespace cleanslate;

namespace {
std::string bytes_of(size_t count, char value) { return std::string(count, value); }
std::string hmac_hex(std::string_view key, std::string_view message) { return to_hex(hmac_sha256(key, message)); }
}  // namespace

TEST_SUITE("sha256") {
    TEST_CASE("FIPS 180-4 example messages") {
        CHECK(to_hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        CHECK(to_hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        CHECK(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        CHECK(to_hex(sha256("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")) ==
              "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    }

    TEST_CASE("one million times 'a'") {
        CHECK(to_hex(sha256(bytes_of(1000000, 'a'))) ==
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    TEST_CASE("feeding the data in pieces gives the same digest as one call") {
        const std::string message = bytes_of(1000, 'x') + "tail";
        for (size_t piece : {1u, 3u, 63u, 64u, 65u, 200u}) {
            CAPTURE(piece);
            Sha256 hasher;
            for (size_t at = 0; at < message.size(); at += piece)
                hasher.update(std::string_view(message).substr(at, piece));
            CHECK(hasher.finish() == sha256(message));
        }
    }

    TEST_CASE("messages around the padding boundary (55, 56, 64 bytes) hash differently") {
        CHECK(sha256(bytes_of(55, 'a')) != sha256(bytes_of(56, 'a')));
        CHECK(to_hex(sha256(bytes_of(64, 'a'))) ==
              "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    }
}

TEST_SUITE("hmac-sha256 (RFC 4231)") {
    TEST_CASE("test case 1: short key") {
        CHECK(hmac_hex(bytes_of(20, '\x0b'), "Hi There") ==
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }
    TEST_CASE("test case 2: key shorter than the output") {
        CHECK(hmac_hex("Jefe", "what do ya want for nothing?") ==
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
    TEST_CASE("test case 3: 50 bytes of data") {
        CHECK(hmac_hex(bytes_of(20, '\xaa'), bytes_of(50, '\xdd')) ==
              "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    }
    TEST_CASE("test case 4: 25-byte key") {
        std::string key;
        for (int i = 1; i <= 25; ++i) key.push_back(char(i));
        CHECK(hmac_hex(key, bytes_of(50, '\xcd')) ==
              "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    }
    TEST_CASE("test case 5: output truncated to 128 bits") {
        CHECK(hmac_hex(bytes_of(20, '\x0c'), "Test With Truncation").substr(0, 32) ==
              "a3b6167473100ee06e0c796c2955552b");
    }
    TEST_CASE("test case 6: key longer than a block is hashed first") {
        CHECK(hmac_hex(bytes_of(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First") ==
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }
    TEST_CASE("test case 7: long key and long data") {
        CHECK(hmac_hex(bytes_of(131, '\xaa'),
                       "This is a test using a larger than block-size key and a larger than block-size data. "
                       "The key needs to be hashed before being used by the HMAC algorithm.") ==
              "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }
}

TEST_SUITE("constant-time comparison") {
    TEST_CASE("equal only for identical bytes of the same length") {
        CHECK(equal_in_constant_time("abc", "abc"));
        CHECK_FALSE(equal_in_constant_time("abc", "abd"));
        CHECK_FALSE(equal_in_constant_time("abc", "abcd"));
        CHECK(equal_in_constant_time("", ""));
    }
}
