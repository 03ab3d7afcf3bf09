# The provider's side (native build only): cleanslate-server, its libraries and its tests.
#   store/  one storage interface, SQLite behind it, migrations as .sql files (embedded)
#   auth/   agent passwords (Argon2id, libsodium), random tokens and codes
#   http/   the transport: event loop, routing, static files, sessions, limits
#   api/    one file per resource
find_package(PkgConfig REQUIRED)
pkg_check_modules(CS_SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(CS_BROTLI REQUIRED IMPORTED_TARGET libbrotlidec)   # checks the site's .br files
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
pkg_check_modules(CS_LIBPQ REQUIRED IMPORTED_TARGET libpq)       # PostgreSQL, for several servers
set(CS_SERVER_DIR ${CMAKE_SOURCE_DIR}/web/server)
set(CS_GENERATED ${CMAKE_BINARY_DIR}/generated)

# --- Storage ----------------------------------------------------------------------------------
# One migration list per dialect (store/migrations/<dialect>/), embedded as <dialect>_migrations().
set(CS_MIGRATION_SOURCES "")
foreach(dialect sqlite postgres)
  file(GLOB migrations CONFIGURE_DEPENDS ${CS_SERVER_DIR}/store/migrations/${dialect}/*.sql)
  add_custom_command(
    OUTPUT ${CS_GENERATED}/${dialect}_migrations.cpp
    COMMAND ${CMAKE_COMMAND} -DDIR=${CS_SERVER_DIR}/store/migrations/${dialect} -DOUT=${CS_GENERATED}/${dialect}_migrations.cpp
            -DFUNCTION=${dialect}_migrations -P ${CS_SERVER_DIR}/store/embed-migrations.cmake
    DEPENDS ${migrations} ${CS_SERVER_DIR}/store/embed-migrations.cmake
    COMMENT "Embedding ${dialect} migrations")
  list(APPEND CS_MIGRATION_SOURCES ${CS_GENERATED}/${dialect}_migrations.cpp)
endforeach()
file(GLOB CS_STORE_SOURCES CONFIGURE_DEPENDS ${CS_SERVER_DIR}/store/*.cpp)
add_library(cleanslate_store STATIC ${CS_STORE_SOURCES} ${CS_MIGRATION_SOURCES})
target_include_directories(cleanslate_store PUBLIC ${CS_SERVER_DIR})
target_link_libraries(cleanslate_store PUBLIC cleanslate_core SQLite::SQLite3 PkgConfig::CS_LIBPQ Threads::Threads)
target_compile_options(cleanslate_store PRIVATE -Wall -Wextra)

# --- Helpdesk credentials ------------------------------------------------------------------------
file(GLOB CS_AUTH_SOURCES CONFIGURE_DEPENDS ${CS_SERVER_DIR}/auth/*.cpp)
add_library(cleanslate_auth STATIC ${CS_AUTH_SOURCES})
target_include_directories(cleanslate_auth PUBLIC ${CS_SERVER_DIR})
target_link_libraries(cleanslate_auth PUBLIC cleanslate_core PkgConfig::CS_SODIUM Threads::Threads)
target_compile_options(cleanslate_auth PRIVATE -Wall -Wextra)

# --- The server, as a library (tests and fuzzers link its parts) and the binary -------------------
add_custom_command(
  OUTPUT ${CS_GENERATED}/report_schema_text.cpp
  COMMAND ${CMAKE_COMMAND} -DFILE=${CMAKE_SOURCE_DIR}/web/schemas/report.schema.json
          -DOUT=${CS_GENERATED}/report_schema_text.cpp -DFUNCTION=report_schema_text -P ${CS_SERVER_DIR}/embed-file.cmake
  DEPENDS ${CMAKE_SOURCE_DIR}/web/schemas/report.schema.json ${CS_SERVER_DIR}/embed-file.cmake
  COMMENT "Embedding the report schema")
# The helpdesk's texts, for the pages the server renders itself (the funnel: api/funnel_api.cpp).
set(CS_HELPDESK_LOCALE_SOURCES "")
foreach(lang en nl)
  add_custom_command(
    OUTPUT ${CS_GENERATED}/helpdesk_locale_${lang}.cpp
    COMMAND ${CMAKE_COMMAND} -DFILE=${CMAKE_SOURCE_DIR}/locales/helpdesk/${lang}.json
            -DOUT=${CS_GENERATED}/helpdesk_locale_${lang}.cpp -DFUNCTION=helpdesk_locale_${lang} -P ${CS_SERVER_DIR}/embed-file.cmake
    DEPENDS ${CMAKE_SOURCE_DIR}/locales/helpdesk/${lang}.json ${CS_SERVER_DIR}/embed-file.cmake
    COMMENT "Embedding locales/helpdesk/${lang}.json")
  list(APPEND CS_HELPDESK_LOCALE_SOURCES ${CS_GENERATED}/helpdesk_locale_${lang}.cpp)
endforeach()
file(GLOB CS_SERVER_SOURCES CONFIGURE_DEPENDS
  ${CS_SERVER_DIR}/*.cpp ${CS_SERVER_DIR}/http/*.cpp ${CS_SERVER_DIR}/api/*.cpp)
list(REMOVE_ITEM CS_SERVER_SOURCES ${CS_SERVER_DIR}/main.cpp)
add_library(cleanslate_server_lib STATIC ${CS_SERVER_SOURCES} ${CS_GENERATED}/report_schema_text.cpp ${CS_HELPDESK_LOCALE_SOURCES})
target_include_directories(cleanslate_server_lib PUBLIC ${CS_SERVER_DIR})
target_link_libraries(cleanslate_server_lib PUBLIC cleanslate_core cleanslate_store cleanslate_auth PkgConfig::CS_BROTLI ZLIB::ZLIB Threads::Threads)
target_compile_options(cleanslate_server_lib PRIVATE -Wall -Wextra)

add_executable(cleanslate-server ${CS_SERVER_DIR}/main.cpp)
target_link_libraries(cleanslate-server PRIVATE cleanslate_server_lib)

# --- The helpdesk's pages: web/helpdesk/ and their texts (locales/helpdesk/) -------------------------
file(GLOB CS_HELPDESK_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/helpdesk/*)
file(GLOB CS_HELPDESK_LOCALES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/locales/helpdesk/*.json)
set(CS_HELPDESK_SITE ${CMAKE_BINARY_DIR}/helpdesk-site)
add_custom_command(
  OUTPUT ${CS_HELPDESK_SITE}/.stamp
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${CS_HELPDESK_SITE}
  COMMAND node ${CMAKE_SOURCE_DIR}/scripts/check-locales.mjs --dir locales/helpdesk --out ${CS_HELPDESK_SITE}/locales
  COMMAND ${CMAKE_COMMAND} -E copy ${CS_HELPDESK_FILES} ${CS_HELPDESK_SITE}/
  COMMAND ${CMAKE_COMMAND} -E touch ${CS_HELPDESK_SITE}/.stamp
  DEPENDS ${CS_HELPDESK_FILES} ${CS_HELPDESK_LOCALES} ${CMAKE_SOURCE_DIR}/scripts/check-locales.mjs
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  COMMENT "Assembling the helpdesk's pages")
add_custom_target(cs_helpdesk_site ALL DEPENDS ${CS_HELPDESK_SITE}/.stamp)

# --- HTTP tests against the real binary -------------------------------------------------------------
# cpp-httplib (Debian's) only as an independent client in the tests.
pkg_check_modules(CS_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
file(GLOB CS_SERVER_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/server/*.cpp)
pkg_check_modules(CS_BROTLI_ENCODER REQUIRED IMPORTED_TARGET libbrotlienc)   # tests make .br siblings
add_executable(cleanslate_server_tests ${CS_SERVER_TEST_SOURCES})
target_link_libraries(cleanslate_server_tests PRIVATE cleanslate_server_lib PkgConfig::CS_HTTPLIB PkgConfig::CS_BROTLI_ENCODER)
target_compile_definitions(cleanslate_server_tests PRIVATE
  CS_SOURCE_DIR="${CMAKE_SOURCE_DIR}" CS_BINARY_DIR="${CMAKE_BINARY_DIR}"
  CS_SERVER_BINARY="$<TARGET_FILE:cleanslate-server>" CS_DESK_BINARY="$<TARGET_FILE:cleanslate-desk>"
  CS_HELPDESK_SITE="${CS_HELPDESK_SITE}")
add_dependencies(cleanslate_server_tests cleanslate-server cleanslate-desk cs_helpdesk_site)
add_test(NAME server COMMAND cleanslate_server_tests WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
# The same suite against PostgreSQL: a throw-away cluster, a fresh database per test site.
add_test(NAME server_postgres
         COMMAND ${CMAKE_SOURCE_DIR}/tests/server/with-postgres $<TARGET_FILE:cleanslate_server_tests>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
