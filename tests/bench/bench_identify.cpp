// bench_identify.cpp — how long identify() takes as the database grows.
// Builds databases of about 100, 1 000 and 10 000 families (the real packed database,
// trimmed or topped up with synthetic makers that look like real ones), runs a fixed mix of
// realistic evidence against each, and prints p50/p99/max per query. Deterministic (fixed
// seed), so native and wasm runs see the same work. Run it through tests/bench/run.
//   bench_identify --db data/devices.json [--queries N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/device_db.h"
#include "core/identify.h"

using namespace cleanslate;

namespace {

// --- Synthetic makers ----------------------------------------------------------------------
// Names from syllables so they tokenise, typo-match and collide like real brand names do.
std::string word(std::mt19937& rng, int syllables) {
    static const char* parts[] = {"ka", "lo", "vi", "sun", "tek", "mi", "ra", "zen", "do", "xin", "hua", "mar",
                                  "tor", "ne", "lex", "pro", "cam", "vis", "an", "bo", "li", "ta", "qu", "so"};
    std::string w;
    for (int i = 0; i < syllables; ++i) w += parts[rng() % (sizeof parts / sizeof *parts)];
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
}

Json synthetic_maker(std::mt19937& rng, int index) {
    static const char* categories[] = {"camera", "recorder", "router", "access-point", "tv-box", "media-receiver",
                                       "printer", "nas", "voip", "smart-home"};
    std::string name = word(rng, 2 + static_cast<int>(rng() % 2)) + std::to_string(index);
    Json families = Json::array();
    int count = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < count; ++f) {
        std::string series = name.substr(0, 2) + "-" + std::to_string(100 + rng() % 900);
        Json action = {{"type", "unplug_power"}};
        families.push_back({
            {"id", "synth-" + std::to_string(index) + "-" + std::to_string(f)},
            {"name", name + " " + word(rng, 2)},
            {"category", categories[rng() % 10]},
            {"brands", {name, word(rng, 2)}},
            {"models", {series, series + "X"}},
            {"apps", {name + " View", word(rng, 2) + " Cam"}},
            {"fingerprints", {{"ports", {80, 1024 + static_cast<int>(rng() % 60000)}},
                              {"http_server", {name + "-httpd"}},
                              {"http_title", {name + " Web"}}}},
            {"default_logins", {{{"user", "admin"}, {"password", word(rng, 3)}}}},
            {"reset", {{{"method", "button"}, {"actions", {action}}, {"source", {{"trust", "generic"}}}}}},
            {"password", {{"method", "web"}, {"actions", {action}}, {"source", {{"trust", "generic"}}}}},
            {"securable", {{"level", "yes"}}},
        });
    }
    return {{"id", "synth-" + std::to_string(index)}, {"name", name + " Technology Co., Ltd."},
            {"aliases", {name}}, {"families", families}};
}

// The real makers, trimmed or topped up to about `families` families.
Json database_of_size(const Json& real, size_t families, std::mt19937& rng) {
    Json makers = Json::array();
    size_t total = 0;
    for (const Json& m : real["makers"]) {
        if (total >= families) break;
        makers.push_back(m);
        total += m["families"].size();
    }
    for (int i = 0; total < families; ++i) {
        Json m = synthetic_maker(rng, i);
        total += m["families"].size();
        makers.push_back(std::move(m));
    }
    return {{"makers", makers}};
}

// --- Queries -------------------------------------------------------------------------------
// A mix like the wizard and the desk see: answers with typos, feed fields, weak evidence.
std::string typo(std::string text, std::mt19937& rng) {
    if (text.size() > 4) std::swap(text[1 + rng() % (text.size() - 3)], text[text.size() - 2]);
    return text;
}

// The kinds of query below, by i % 8: the per-kind lines show which kind sets the p99.
constexpr const char* kQueryKinds[8] = {"weak", "category+app", "brand+category", "model",
                                        "feed", "http", "label", "login+category"};

std::vector<Evidence> queries(const DeviceDb& db, size_t count, std::mt19937& rng) {
    std::vector<Evidence> out;
    const auto& families = db.families();
    for (size_t i = 0; i < count; ++i) {
        const Family& f = families[rng() % families.size()];
        Evidence e;
        switch (i % 8) {
            case 0: e.port = 23; e.tag = "mirai"; break;  // weak
            case 1: e.answers.category = f.category; if (!f.apps.empty()) e.answers.app = f.apps[0]; break;
            case 2: e.answers.brand = typo(db.maker_of(f).name, rng); e.answers.category = f.category; break;
            case 3: if (!f.models.empty()) e.answers.model = f.models[0] + "123"; break;
            case 4: e.device_vendor = db.maker_of(f).name; e.device_type = "DVR";
                    if (!f.models.empty()) e.device_model = f.models.back(); break;
            case 5: if (!f.fingerprints.http_server.empty()) e.http_server = f.fingerprints.http_server[0] + "/1.0";
                    e.port = 80; break;
            case 6: e.answers.label = db.maker_of(f).name + " Model " + (f.models.empty() ? "X" : f.models[0]) +
                                      " 12V DC Made in China"; break;
            default: if (!f.default_logins.empty()) e.credential = f.default_logins[0].user + "/" + f.default_logins[0].password;
                     e.answers.category = f.category; break;
        }
        out.push_back(std::move(e));
    }
    return out;
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    size_t at = std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())));
    return values[at];
}

}  // namespace

int main(int argc, char** argv) {
    std::string db_path = "build/native/data/devices.json";
    size_t query_count = 4000;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string arg = argv[i];
        if (arg == "--db") db_path = argv[i + 1];
        else if (arg == "--queries") query_count = static_cast<size_t>(std::stoul(argv[i + 1]));
    }
    std::ifstream file(db_path);
    std::stringstream text;
    text << file.rdbuf();
    Json real = parse_json(text.str());
    if (!real.is_object()) {
        std::fprintf(stderr, "bench: cannot read the packed database %s\n", db_path.c_str());
        return 2;
    }

    std::printf("%-9s %-8s %-9s %-10s %-10s %-10s %-10s %-12s\n", "families", "groups", "load ms", "p50 us",
                "p99 us", "max us", "next p99", "confident %");
    for (size_t size : {100u, 1000u, 10000u}) {
        std::mt19937 rng(12345);
        std::string packed = database_of_size(real, size, rng).dump();
        DeviceDb db;
        std::string error;
        auto load_start = std::chrono::steady_clock::now();
        if (!load_device_db(packed, db, error)) {
            std::fprintf(stderr, "bench: %s\n", error.c_str());
            return 2;
        }
        double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start).count();
        std::vector<Evidence> evidence = queries(db, query_count, rng);

        for (size_t i = 0; i < 200; ++i) identify(db, evidence[i % evidence.size()]);  // warm caches
        std::vector<double> micros;
        std::vector<std::vector<double>> kind_micros(8), kind_next_micros(8);
        size_t confident = 0;
        for (size_t i = 0; i < evidence.size(); ++i) {
            auto start = std::chrono::steady_clock::now();
            Identification id = identify(db, evidence[i]);
            micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
            kind_micros[i % 8].push_back(micros.back());
            confident += id.confident;
        }
        for (size_t i = 0; i < evidence.size(); ++i) {
            auto start = std::chrono::steady_clock::now();
            next_question(db, evidence[i]);
            kind_next_micros[i % 8].push_back(
                std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
        }
        // "next p99" stays on the weak queries, as before; the per-kind lines cover the rest.
        std::printf("%-9zu %-8zu %-9.1f %-10.1f %-10.1f %-10.1f %-10.1f %-12.1f\n", db.families().size(),
                    db.index().group_size.size(), load_ms, percentile(micros, 0.5), percentile(micros, 0.99),
                    percentile(micros, 1.0), percentile(kind_next_micros[0], 0.99),
                    100.0 * static_cast<double>(confident) / static_cast<double>(evidence.size()));
        if (size == 10000u)
            for (int kind = 0; kind < 8; ++kind)
                std::printf("  %-16s identify p50 %-8.1f p99 %-8.1f next_question p50 %-8.1f p99 %.1f\n",
                            kQueryKinds[kind], percentile(kind_micros[kind], 0.5), percentile(kind_micros[kind], 0.99),
                            percentile(kind_next_micros[kind], 0.5), percentile(kind_next_micros[kind], 0.99));
    }
    return 0;
}
