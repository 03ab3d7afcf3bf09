# The browser wizard: portable core + Dear ImGui screens + thin Emscripten platform layer,
# assembled with the web shell, fonts, locales and data into ${CMAKE_BINARY_DIR}/stage, then
# made into the site (${CMAKE_BINARY_DIR}/site) by scripts/build-site.mjs: content-hashed
# names, the service worker's precache list, .br and .gz siblings.
set(CS_IMGUI_DIR ${CMAKE_SOURCE_DIR}/third_party/imgui-1.90.1)
if(NOT EXISTS ${CS_IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui 1.90.1 is missing in third_party/: run scripts/setup")
endif()

# --- Dear ImGui (Debian source package, never committed) ----------------------
# imgui_draw.cpp is built from a copy in the build folder that leaves out ImGui's own default
# font (ProggyClean, 12 KB of data that hardly compresses): 1.90.1 has no switch for it, and
# the wizard always loads Noto Sans before the atlas is built, so AddFontDefault() never runs.
# Should it ever run, it stops at an assertion instead of drawing nothing.
set(CS_IMGUI_DRAW ${CMAKE_BINARY_DIR}/imgui/imgui_draw.cpp)
file(READ ${CS_IMGUI_DIR}/imgui_draw.cpp CS_IMGUI_DRAW_TEXT)
set(CS_DEFAULT_FONT_DATA "    return proggy_clean_ttf_compressed_data_base85;")
string(FIND "${CS_IMGUI_DRAW_TEXT}" "${CS_DEFAULT_FONT_DATA}" CS_AT)
if(CS_AT EQUAL -1)
  message(FATAL_ERROR "${CS_IMGUI_DIR}/imgui_draw.cpp: the line '${CS_DEFAULT_FONT_DATA}' is not there; "
                      "update wasm/wizard.cmake for this ImGui version")
endif()
string(REPLACE "${CS_DEFAULT_FONT_DATA}"
  "    IM_ASSERT(0 && \"CleanSlate builds ImGui without its default font: add a font first\");\n    return \"\";"
  CS_IMGUI_DRAW_TEXT "${CS_IMGUI_DRAW_TEXT}")
file(WRITE ${CS_IMGUI_DRAW}.new "${CS_IMGUI_DRAW_TEXT}")
configure_file(${CS_IMGUI_DRAW}.new ${CS_IMGUI_DRAW} COPYONLY)   # rewritten only when it changes
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CS_IMGUI_DIR}/imgui_draw.cpp)
add_library(imgui STATIC
  ${CS_IMGUI_DIR}/imgui.cpp ${CS_IMGUI_DRAW} ${CS_IMGUI_DIR}/imgui_tables.cpp
  ${CS_IMGUI_DIR}/imgui_widgets.cpp ${CS_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui PUBLIC ${CS_IMGUI_DIR} ${CS_IMGUI_DIR}/backends)
# No demo window, no file I/O: smaller wasm, no hidden state on disk.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS
  IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS
  IMGUI_IMPL_OPENGL_ES2)
target_compile_options(imgui PRIVATE -fno-exceptions)

# --- The wizard executable -----------------------------------------------------
file(GLOB CS_APP_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/wasm/app/*.cpp ${CMAKE_SOURCE_DIR}/wasm/app/screens/*.cpp
  ${CMAKE_SOURCE_DIR}/wasm/platform/*.cpp)
add_executable(wizard ${CMAKE_SOURCE_DIR}/wasm/main.cpp ${CS_APP_SOURCES})
set_target_properties(wizard PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/stage)
target_link_libraries(wizard PRIVATE cleanslate_core imgui)
target_compile_options(wizard PRIVATE -fno-exceptions -Wall -Wextra)
target_link_options(wizard PRIVATE
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=1 -sMAX_WEBGL_VERSION=2 -sENVIRONMENT=web
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sTOTAL_STACK=262144
  -sFILESYSTEM=0 -sMODULARIZE=1 -sEXPORT_NAME=createWizard
  # Smaller download: emmalloc instead of dlmalloc (the wizard allocates little, mostly at
  # start-up), and no setjmp/longjmp support (nothing uses it). The GL extension settings stay
  # as they are: WebGL1 phones need the extensions Emscripten enables by itself.
  -sMALLOC=emmalloc -sSUPPORT_LONGJMP=0
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
  --closure=0)

# --- Stage: shell, styles, bridge, fonts, locales, data, under the names the code uses ---------
set(CS_STAGE ${CMAKE_BINARY_DIR}/stage)
file(GLOB CS_STATIC_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/static/*)
file(GLOB CS_LOCALE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/locales/*.json ${CMAKE_SOURCE_DIR}/locales/themes/*.json)
set(CS_FONT_REGULAR /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf)
set(CS_FONT_BOLD /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf)
add_custom_command(
  OUTPUT ${CS_STAGE}/.static-stamp
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CS_STAGE}/locales ${CS_STAGE}/fonts ${CS_STAGE}/data
  COMMAND ${CMAKE_COMMAND} -E copy ${CS_STATIC_FILES} ${CS_STAGE}/
  COMMAND node ${CMAKE_SOURCE_DIR}/scripts/check-locales.mjs --out ${CS_STAGE}/locales
  COMMAND node ${CMAKE_SOURCE_DIR}/scripts/check-themes.mjs --out ${CS_STAGE}/locales/themes
  COMMAND ${CMAKE_COMMAND} -E touch ${CS_STAGE}/.static-stamp
  DEPENDS ${CS_STATIC_FILES} ${CS_LOCALE_FILES} ${CMAKE_SOURCE_DIR}/scripts/check-locales.mjs
          ${CMAKE_SOURCE_DIR}/scripts/check-themes.mjs
          ${CMAKE_SOURCE_DIR}/locales/lint/plain-language.json ${CMAKE_SOURCE_DIR}/locales/split/first-screen.json
  COMMENT "Assembling the web shell and checking locales")
# Noto Sans cut down to the glyphs the locales need (Latin-1 and typographic punctuation; a
# language that needs more adds its range here and in main.cpp's kTextGlyphs).
set(CS_GLYPHS "U+0020-007E,U+00A0-00FF,U+2013-2014,U+2018-201E,U+2022,U+2026,U+2039-203A,U+2192,U+20AC")
foreach(weight Regular Bold)
  add_custom_command(
    OUTPUT ${CS_STAGE}/fonts/NotoSans-${weight}.ttf
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CS_STAGE}/fonts
    COMMAND /usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/noto/NotoSans-${weight}.ttf
            --unicodes=${CS_GLYPHS} --layout-features= --no-hinting --desubroutinize
            --output-file=${CS_STAGE}/fonts/NotoSans-${weight}.ttf
    DEPENDS /usr/share/fonts/truetype/noto/NotoSans-${weight}.ttf
    COMMENT "Cutting Noto Sans ${weight} to the glyphs the locales need")
  list(APPEND CS_FONT_OUTPUTS ${CS_STAGE}/fonts/NotoSans-${weight}.ttf)
endforeach()
# The packed device database and the password/word lists, fetched after the first screen.
# Exactly these files: anything else in data/ would be precached for every customer.
add_custom_command(
  OUTPUT ${CS_STAGE}/.data-stamp
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${CS_STAGE}/data
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CS_STAGE}/data
  COMMAND ${CMAKE_COMMAND} -E copy ${CS_DEVICES_PACKED} ${CS_PASSWORD_DATA_FILES} ${CS_STAGE}/data/
  COMMAND ${CMAKE_COMMAND} -E touch ${CS_STAGE}/.data-stamp
  DEPENDS cs_devices_data cs_password_data ${CS_DEVICES_PACKED} ${CS_PASSWORD_DATA_FILES}
  COMMENT "Copying the data files into the stage")
add_custom_target(stage ALL DEPENDS ${CS_STAGE}/.static-stamp ${CS_STAGE}/.data-stamp ${CS_FONT_OUTPUTS})
add_dependencies(wizard stage)

# --- The site: hashed names, precache list, pre-compressed siblings ------------------------------
# Depends on the wizard target (re-run after every link) and on everything staged.
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/site/index.html ${CMAKE_BINARY_DIR}/site/sw.js
  COMMAND node ${CMAKE_SOURCE_DIR}/scripts/build-site.mjs --stage ${CS_STAGE} --out ${CMAKE_BINARY_DIR}/site
  DEPENDS wizard ${CMAKE_SOURCE_DIR}/scripts/build-site.mjs ${CS_STAGE}/.static-stamp ${CS_STAGE}/.data-stamp ${CS_FONT_OUTPUTS}
  COMMENT "Building the site: hashed names, service worker precache list, brotli and gzip"
  VERBATIM)
add_custom_target(site ALL DEPENDS ${CMAKE_BINARY_DIR}/site/index.html ${CMAKE_BINARY_DIR}/site/sw.js)
