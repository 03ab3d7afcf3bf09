# The ISP-side server (cleanslate-server) and its HTTP-level tests (tests/server).
# cpp-httplib is Debian's compiled library: its pkg-config file carries the feature macros
# (OpenSSL, zlib, brotli) that must match how it was built.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CS_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(CS_BROTLI REQUIRED IMPORTED_TARGET libbrotlidec)   # checks the site's .br files
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)

# --- The server, as a library (so tests can link its parts) and the binary ----------------
file(GLOB CS_SERVER_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/server/*.cpp)
list(REMOVE_ITEM CS_SERVER_SOURCES ${CMAKE_SOURCE_DIR}/web/server/main.cpp)
add_library(cleanslate_server_lib STATIC ${CS_SERVER_SOURCES})
target_include_directories(cleanslate_server_lib PUBLIC ${CMAKE_SOURCE_DIR}/web/server)
target_link_libraries(cleanslate_server_lib PUBLIC cleanslate_core PkgConfig::CS_HTTPLIB PkgConfig::CS_BROTLI ZLIB::ZLIB SQLite::SQLite3 Threads::Threads)
target_compile_options(cleanslate_server_lib PRIVATE -Wall -Wextra)

add_executable(cleanslate-server ${CMAKE_SOURCE_DIR}/web/server/main.cpp)
target_link_libraries(cleanslate-server PRIVATE cleanslate_server_lib)

# --- HTTP tests against the real binary ---------------------------------------------------
file(GLOB CS_SERVER_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/server/*.cpp)
if(CS_SERVER_TEST_SOURCES)
  add_executable(cleanslate_server_tests ${CS_SERVER_TEST_SOURCES})
  pkg_check_modules(CS_BROTLI_ENCODER REQUIRED IMPORTED_TARGET libbrotlienc)   # tests make .br siblings
  target_link_libraries(cleanslate_server_tests PRIVATE cleanslate_server_lib PkgConfig::CS_BROTLI_ENCODER)
  target_compile_definitions(cleanslate_server_tests PRIVATE
    CS_SOURCE_DIR="${CMAKE_SOURCE_DIR}" CS_BINARY_DIR="${CMAKE_BINARY_DIR}"
    CS_SERVER_BINARY="$<TARGET_FILE:cleanslate-server>")
  add_dependencies(cleanslate_server_tests cleanslate-server)
  add_test(NAME server COMMAND cleanslate_server_tests WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endif()
