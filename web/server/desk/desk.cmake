# desk.cmake — the abuse desk's command line, cleanslate-desk (native build only).
# Included from the top-level CMakeLists.txt after devices/devices.cmake.
file(GLOB CS_DESK_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/server/desk/*.cpp)
# notify writes e-mails from the locales' email.* texts: the binary carries the files.
set(CS_DESK_LOCALE_SOURCES "")
foreach(lang en nl)
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/generated/desk_locale_${lang}.cpp
    COMMAND ${CMAKE_COMMAND} -DFILE=${CMAKE_SOURCE_DIR}/locales/${lang}.json
            -DOUT=${CMAKE_BINARY_DIR}/generated/desk_locale_${lang}.cpp -DFUNCTION=desk_locale_${lang}
            -P ${CMAKE_SOURCE_DIR}/web/server/embed-file.cmake
    DEPENDS ${CMAKE_SOURCE_DIR}/locales/${lang}.json ${CMAKE_SOURCE_DIR}/web/server/embed-file.cmake
    COMMENT "Embedding locales/${lang}.json for the desk's e-mails")
  list(APPEND CS_DESK_LOCALE_SOURCES ${CMAKE_BINARY_DIR}/generated/desk_locale_${lang}.cpp)
endforeach()
add_executable(cleanslate-desk ${CS_DESK_SOURCES} ${CS_DESK_LOCALE_SOURCES})
target_link_libraries(cleanslate-desk PRIVATE cleanslate_core cleanslate_store cleanslate_auth cleanslate_server_lib)
target_compile_options(cleanslate-desk PRIVATE -fno-exceptions -Wall -Wextra -Wpedantic)
target_compile_definitions(cleanslate-desk PRIVATE CS_DEFAULT_DB="${CMAKE_BINARY_DIR}/data/devices.json")
if(TARGET cs_devices_data)
  add_dependencies(cleanslate-desk cs_devices_data)
endif()

# The command's contract for bad input: one line on stderr, exit status 2, no crash.
if(BUILD_TESTING)
  add_test(NAME desk_bad_input
           COMMAND ${CMAKE_SOURCE_DIR}/web/server/desk/test-bad-input.sh $<TARGET_FILE:cleanslate-desk>
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endif()
