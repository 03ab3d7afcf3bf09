# devices.cmake — packs devices/*.json into ${CMAKE_BINARY_DIR}/data/devices.json, the one
# file the wizard fetches and the engine, the desk command and the tests load.
# scripts/check-devices.mjs validates every file against devices/schema.json first and exits 1
# with "file: field: problem" lines when any is wrong, which fails the build here.
# Included from the top-level CMakeLists.txt in both the native and the wasm build.
find_program(CS_NODE node REQUIRED)

file(GLOB CS_DEVICE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/devices/*.json ${CMAKE_SOURCE_DIR}/devices/fingerprints/*.json)
set(CS_DEVICES_PACKED ${CMAKE_BINARY_DIR}/data/devices.json)

add_custom_command(
  OUTPUT ${CS_DEVICES_PACKED}
  COMMAND ${CS_NODE} ${CMAKE_SOURCE_DIR}/scripts/check-devices.mjs --out ${CS_DEVICES_PACKED}
  DEPENDS ${CS_DEVICE_FILES} ${CMAKE_SOURCE_DIR}/scripts/check-devices.mjs ${CMAKE_SOURCE_DIR}/scripts/fingerprint-data.mjs
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  COMMENT "Validating devices/*.json and packing data/devices.json"
  VERBATIM)

# Part of ALL: tests and tools read the packed file at run time, so it must exist after any build.
add_custom_target(cs_devices_data ALL DEPENDS ${CS_DEVICES_PACKED})
