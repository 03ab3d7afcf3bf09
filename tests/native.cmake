# Native test targets: one doctest binary for the portable core (tests/unit/*.cpp).
file(GLOB CS_UNIT_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/*.cpp)
add_executable(cleanslate_unit_tests ${CS_UNIT_TEST_SOURCES})
target_link_libraries(cleanslate_unit_tests PRIVATE cleanslate_core)
target_compile_definitions(cleanslate_unit_tests PRIVATE
  CS_SOURCE_DIR="${CMAKE_SOURCE_DIR}" CS_BINARY_DIR="${CMAKE_BINARY_DIR}")
add_test(NAME unit COMMAND cleanslate_unit_tests WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
# The unit tests read the packed device database and the password lists the build makes.
add_dependencies(cleanslate_unit_tests cs_devices_data cs_password_data)

# A malformed manufacturer file fails the data build, naming the file, the field and the problem.
add_test(NAME devices_schema COMMAND ${CMAKE_SOURCE_DIR}/tests/data/check-devices-test.sh)
# Jargon, metaphors and known mistranslations in a text fail the locale check, naming the key.
add_test(NAME locales_plain_language COMMAND ${CMAKE_SOURCE_DIR}/tests/data/check-locales-test.sh)

# The report's JSON Schema, the contract with the collector: examples valid, bad reports refused.
add_test(NAME report_schema COMMAND node --test ${CMAKE_SOURCE_DIR}/tests/schema/)
