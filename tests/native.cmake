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

# The report's JSON Schema, the contract with the collector: examples valid, bad reports refused,
# and the reports the unit tests assemble in core (written to report-examples/) valid too.
add_test(NAME report_schema COMMAND node --test ${CMAKE_SOURCE_DIR}/tests/schema/)
set_tests_properties(report_schema PROPERTIES ENVIRONMENT "REPORT_EXAMPLES=${CMAKE_BINARY_DIR}/report-examples"
  FIXTURES_REQUIRED report_examples)
set_tests_properties(unit PROPERTIES FIXTURES_SETUP report_examples)

# libFuzzer targets (tests/fuzz, clang-14): built at test time in build/<preset>/fuzz, then each
# runs 20 s over its seed corpus. CS_FUZZ_SECONDS=0 at configure time leaves them out.
set(CS_FUZZ_SECONDS 20 CACHE STRING "seconds each libFuzzer target runs in ctest (0: none)")
if(CS_FUZZ_SECONDS GREATER 0)
  find_program(CS_CLANGXX clang++-14)
  set(CS_FUZZ_BUILD ${CMAKE_BINARY_DIR}/fuzz)
  add_test(NAME fuzz_build
           COMMAND sh -c "test -n '${CS_CLANGXX}' || { echo 'clang++-14 is missing: run scripts/setup'; exit 1; }; \
${CMAKE_COMMAND} -S ${CMAKE_SOURCE_DIR}/tests/fuzz -B ${CS_FUZZ_BUILD} -G Ninja -DCMAKE_CXX_COMPILER=${CS_CLANGXX} >/dev/null && \
${CMAKE_COMMAND} --build ${CS_FUZZ_BUILD} -j2")
  set_tests_properties(fuzz_build PROPERTIES FIXTURES_SETUP fuzzers)
  foreach(target report link_token evidence request_head schema_pattern)
    add_test(NAME fuzz_${target} COMMAND ${CMAKE_SOURCE_DIR}/tests/fuzz/run-fuzzer.sh ${CS_FUZZ_BUILD} ${target} ${CS_FUZZ_SECONDS})
    set_tests_properties(fuzz_${target} PROPERTIES FIXTURES_REQUIRED fuzzers TIMEOUT 300)
  endforeach()
endif()
