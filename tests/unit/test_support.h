// test_support.h — the files the unit tests read, loaded one way: source files from the
// project, data the build produced (packed database, password lists), each loaded once.
#pragma once
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <string>

#include "core/device_db.h"
#include "core/i18n.h"
#include "core/password_dictionaries.h"

namespace cleanslate::test {

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A file in the project, e.g. "locales/nl.json".
inline std::string source_file(const std::string& relative) {
    std::string text = read_text(std::string(CS_SOURCE_DIR) + "/" + relative);
    REQUIRE_MESSAGE(!text.empty(), "missing " << relative);
    return text;
}

// A file the build makes under data/, e.g. "devices.json" or "passwords.txt".
inline std::string built_data(const std::string& name) {
    std::string text = read_text(std::string(CS_BINARY_DIR) + "/data/" + name);
    REQUIRE_MESSAGE(!text.empty(), "missing data/" << name << ": build the cs_devices_data and cs_password_data targets");
    return text;
}

// The real manufacturer database as the wizard receives it.
inline const DeviceDb& packed_database() {
    static const DeviceDb db = [] {
        DeviceDb loaded;
        std::string error;
        REQUIRE_MESSAGE(load_device_db(built_data("devices.json"), loaded, error), error);
        return loaded;
    }();
    return db;
}

// The password step's lists, as the wizard loads them (parsing 100 000 words once).
inline const PasswordDictionaries& password_dictionaries() {
    static const PasswordDictionaries loaded = [] {
        PasswordDictionaries d;
        d.add_ranked_text("passwords", built_data("passwords.txt"));
        d.add_ranked_text("english", built_data("dictionary-en.txt"));
        d.add_ranked_text("dutch", built_data("dictionary-nl.txt"));
        REQUIRE(d.add_mirai_credentials(source_file("devices/mirai/credentials.json")));
        return d;
    }();
    return loaded;
}

inline Catalog locale_catalog(const std::string& code) {
    Catalog catalog;
    REQUIRE_MESSAGE(catalog.load(source_file("locales/" + code + ".json")), code);
    return catalog;
}

}  // namespace cleanslate::test
