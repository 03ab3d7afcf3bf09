// The rules for "is this the same name?" that identification relies on.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/text_match.h"

using namespace cleanslate;

TEST_SUITE("text_match") {

TEST_CASE("normalisation ignores case, diacritics, punctuation and company forms") {
    CHECK(normalize_name("Dahua Technology") == "dahua");
    CHECK(normalize_name("Zhejiang Dahua Technology Co., Ltd.") == "dahua");
    CHECK(normalize_name("  HIKVISION  ") == "hikvision");
    CHECK(normalize_name("D-Link") == "d link");
    CHECK(normalize_name("Télé-Übersicht Åland") == "tele ubersicht aland");
    CHECK(normalize_name("Łódź Škoda") == "lodz skoda");
    CHECK(normalize_name("Dream's Box") == "dreams box");
    SUBCASE("a name made only of company words keeps them") {
        CHECK(normalize_name("Digital Technology") == "digital technology");
    }
}

TEST_CASE("compact form joins spacing and hyphen variants") {
    CHECK(compact_name("D-Link") == "dlink");
    CHECK(compact_name("d link") == "dlink");
    CHECK(compact_name("DS-2CD2042WD-I") == "ds2cd2042wdi");
}

TEST_CASE("bounded edit distance counts typos, including swapped letters") {
    CHECK(bounded_edit_distance("hikvision", "hikvision", 2) == 0);
    CHECK(bounded_edit_distance("hikvsion", "hikvision", 2) == 1);
    CHECK(bounded_edit_distance("dahau", "dahua", 2) == 1);   // transposition is one edit
    CHECK(bounded_edit_distance("xmeye", "xmaye", 2) == 1);
    CHECK(bounded_edit_distance("abc", "xyz", 1) == 2);       // capped at max + 1
    CHECK(bounded_edit_distance("", "abc", 5) == 3);
}

TEST_CASE("short words must match exactly, longer words may carry typos") {
    CHECK(allowed_typos(3) == 0);
    CHECK(allowed_typos(5) == 1);
    CHECK(allowed_typos(9) == 2);
    CHECK(token_similarity("axs", "axis") == doctest::Approx(0.75));  // one typo in a four-letter word
    CHECK(token_similarity("tp", "tv") == 0.0);
    CHECK(token_similarity("hikvsion", "hikvision") == doctest::Approx(1.0 - 1.0 / 9));
    CHECK(token_similarity("hikvis", "hikvision") > 0.7);              // half-typed
}

TEST_CASE("name similarity: the examples customers and feeds give") {
    CHECK(name_similarity("Hikvsion", "Hikvision") > 0.85);
    CHECK(name_similarity("dahua technology", "Dahua") == doctest::Approx(1.0));
    CHECK(name_similarity("gdmss plus", "gDMSS Plus") == doctest::Approx(1.0));
    CHECK(name_similarity("xmeye pro", "XMEye") == doctest::Approx(0.85));
    CHECK(name_similarity("dlink", "D-Link") == doctest::Approx(1.0));
    CHECK(name_similarity("samsung", "Hikvision") == 0.0);
}

TEST_CASE("the name index finds names by typo, spacing and prefix, best first") {
    NameIndex index;
    index.add("Hikvision", {0, 0});
    index.add("HIKVISION", {1, 0});  // same name: one entry, two payloads
    index.add("gDMSS Plus", {2, 0});
    index.add("DMSS", {3, 0});
    index.add("XMEye", {4, 0});
    index.add("D-Link", {5, 0});
    index.finish();
    REQUIRE(index.names().size() == 5);
    CHECK(index.names()[0].payloads.size() == 2);

    auto top = [&](std::string_view query) {
        auto hits = index.search(query, 0.6);
        return hits.empty() ? std::string("-") : index.names()[hits[0].name].display;
    };
    CHECK(top("Hikvsion") == "Hikvision");
    CHECK(top("hik vision") == "Hikvision");
    CHECK(top("gdmss plus") == "gDMSS Plus");
    CHECK(top("xmeye pro") == "XMEye");
    CHECK(top("XMEYE") == "XMEye");
    CHECK(top("dlink") == "D-Link");
    CHECK(top("d link") == "D-Link");
    CHECK(top("idmss") == "DMSS");
    CHECK(top("samsung") == "-");
    SUBCASE("in-text mode finds a brand inside label text") {
        auto hits = index.search("Model DS-7208 HIKVISION made in China", 0.85, NameIndex::Mode::kInText);
        REQUIRE_FALSE(hits.empty());
        CHECK(index.names()[hits[0].name].display == "Hikvision");
    }
}

TEST_CASE("skipping names that cannot reach the threshold changes no result") {
    // Thousands of names sharing "view" (as app names do), plus names that reach a query
    // only through two typos, a prefix, spacing or a one-word spelling: the cases a cheap
    // pre-filter could get wrong. A threshold of 0 scores every candidate in full, so the
    // hits at a real threshold must be exactly those of it at or above that threshold.
    NameIndex index;
    const char* syllables[] = {"ka", "lo", "vi", "sun", "tek", "mi", "ra", "zen", "cam", "vis", "an", "bo"};
    for (uint32_t i = 0; i < 3000; ++i) {
        std::string name = std::string(syllables[i % 12]) + syllables[(i / 12) % 12] + std::to_string(i % 700);
        index.add(name + " View", {i, 0});
        if (i % 3 == 0) index.add(name + " Cam", {i, 1});
    }
    const char* tricky[] = {"Camtek551 View", "Camtak5x1 View", "Camtek551view", "Cam Tek551 View",
                            "Camtek551 Viewer", "Camtek5510 Vie", "Camtek View Pro", "Camtek551", "Vi Ew",
                            "Hikvision", "Hikvsiion Connect", "HIK Vision", "Hik-Connect", "XMEye Pro"};
    for (uint32_t i = 0; i < sizeof tricky / sizeof *tricky; ++i) index.add(tricky[i], {10000 + i, 0});
    index.finish();

    const char* queries[] = {"Camtek551 View", "camtek551 veiw", "camtek 551 view", "camtek551view", "camtak551 view",
                             "kalo12 view", "view", "vie", "camtek551", "hikvision connect", "hik vision",
                             "hikvsion", "xmeye", "Camtek551 Model CT-100 made in China", "sunzen699 cam view"};
    for (const char* query : queries) {
        for (auto mode : {NameIndex::Mode::kName, NameIndex::Mode::kInText}) {
            const auto all = index.search(query, 0.0, mode);
            for (double threshold : {0.5, 0.6, 0.75, 0.85, 0.95}) {
                CAPTURE(query);
                CAPTURE(threshold);
                std::vector<NameHit> expected;
                for (const auto& hit : all)
                    if (hit.similarity >= threshold) expected.push_back(hit);
                const auto got = index.search(query, threshold, mode);
                REQUIRE(got.size() == expected.size());
                for (size_t i = 0; i < got.size(); ++i) {
                    CHECK(got[i].name == expected[i].name);
                    CHECK(got[i].similarity == expected[i].similarity);
                }
            }
        }
    }
}

TEST_CASE("the model index matches series prefixes, typos and half-typed models") {
    ModelIndex models;
    models.add("DS-2CD", 0);
    models.add("DS-7", 1);
    models.add("DIR-8", 2);
    models.add("Archer C7", 3);
    models.finish();
    auto best_family = [&](std::string_view typed) {
        auto hits = models.search(typed);
        return hits.empty() ? -1 : static_cast<int>(hits[0].family);
    };
    CHECK(best_family("DS-2CD2042WD-I") == 0);
    CHECK(best_family("ds 7208hqhi") == 1);
    CHECK(best_family("DIR-825") == 2);
    CHECK(best_family("archer c7 v2") == 3);
    CHECK(best_family("DS-2DC2042") == 0);  // two letters swapped
    CHECK(best_family("DS-2C") == 0);       // still typing
    CHECK(best_family("WRT54G") == -1);
    SUBCASE("a longer series is a more specific match") {
        models.add("DS", 9);
        models.finish();
        auto hits = models.search("DS-2CD2042");
        REQUIRE(hits.size() == 2);
        CHECK(hits[0].family == 0);
        CHECK(hits[0].similarity == doctest::Approx(0.925));  // five characters
        CHECK(hits.back().family == 9);
        CHECK(hits.back().similarity == doctest::Approx(0.7));  // two characters
    }
}

TEST_CASE("fingerprints match whole words, never as a piece of another server's name") {
    FingerprintIndex index;
    index.add("uc-httpd", PatternPlace::kWord, 7);
    index.add("App-webs/", PatternPlace::kWord, 8);
    index.add("GS", PatternPlace::kWord, 9);  // short patterns work too
    index.add("httpd", PatternPlace::kWord, 10);
    index.add("GoAhead", PatternPlace::kWord, 11);
    index.add("Boa", PatternPlace::kWord, 12);
    auto families = [&](std::string_view text) {
        std::vector<uint32_t> out;
        for (uint32_t id : index.search(text))
            for (uint32_t f : index.patterns()[id].families) out.push_back(f);
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(families("UC-HTTPD 1.0.0") == std::vector<uint32_t>{7});  // not "httpd" inside it
    CHECK(families("Server: App-webs/") == std::vector<uint32_t>{8});
    CHECK(families("gs-web") == std::vector<uint32_t>{9});
    CHECK(families("httpd/2.4.1") == std::vector<uint32_t>{10});
    CHECK(families("Linux httpd") == std::vector<uint32_t>{10});
    CHECK(families("GoAhead-Webs") == std::vector<uint32_t>{11});  // a variant joined after the name
    CHECK(families("Boa/0.94.14rc21") == std::vector<uint32_t>{12});
    SUBCASE("the substring traps: embedded servers whose names contain a pattern") {
        for (const char* other : {"lighttpd/1.4.35", "mini_httpd/1.19 19dec2003", "thttpd/2.25b 29dec2003", "micro_httpd",
                                  "Mbedthis-Appweb/2.4.2", "Boaz Web", "Hikvision-Webs", "RomPager/4.07 UPnP/1.0",
                                  "DNVRS-Webs", "uc-httpd-x"}) {
            CAPTURE(other);
            auto found = families(other);
            CHECK(std::find(found.begin(), found.end(), 10u) == found.end());  // "httpd"
            CHECK(std::find(found.begin(), found.end(), 12u) == found.end());  // "Boa"
        }
        CHECK(families("lighttpd").empty());
        CHECK(families("xgs").empty());
    }
}

TEST_CASE("fingerprint places: word start, text start and the whole value") {
    CHECK(pattern_matches("RTL", PatternPlace::kPrefix, "RTL8196C login:"));
    CHECK_FALSE(pattern_matches("RTL", PatternPlace::kWord, "RTL8196C login:"));
    CHECK_FALSE(pattern_matches("RTL", PatternPlace::kPrefix, "XRTL8196C"));
    CHECK(pattern_matches("DCS-", PatternPlace::kWord, "DCS-932L"));  // punctuation edges run into anything
    CHECK(pattern_matches("Linux, HTTP/1.1, DIR-", PatternPlace::kStart, "  Linux, HTTP/1.1, DIR-825 Ver 2.0"));
    CHECK_FALSE(pattern_matches("Linux, HTTP/1.1, DIR-", PatternPlace::kStart, "Foo Linux, HTTP/1.1, DIR-825"));
    CHECK(pattern_matches("httpd", PatternPlace::kWhole, "httpd"));
    CHECK(pattern_matches("httpd", PatternPlace::kWhole, "HTTPD/2.0 "));
    CHECK_FALSE(pattern_matches("httpd", PatternPlace::kWhole, "Apache httpd"));
    CHECK_FALSE(pattern_matches("httpd", PatternPlace::kWhole, "httpd server"));
    CHECK_FALSE(pattern_matches("", PatternPlace::kWord, "anything"));
}

TEST_CASE("a pattern listed twice for a family keeps the weaker weight") {
    FingerprintIndex index;
    index.add("Boa", PatternPlace::kWord, 1, 2);
    index.add("boa", PatternPlace::kWord, 1, 0);
    REQUIRE(index.patterns().size() == 1);
    CHECK(index.patterns()[0].weights == std::vector<uint8_t>{0});
}

}
