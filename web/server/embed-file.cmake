# embed-file.cmake — writes OUT, a C++ file defining `const char* FUNCTION()` that returns the
# text of FILE, so the server carries the JSON Schema it validates with. Run with cmake -P.
file(READ ${FILE} text)
if(text MATCHES "\\)cs_text\"")
  message(FATAL_ERROR "${FILE}: contains the embedding delimiter )cs_text\"")
endif()
file(WRITE ${OUT}.new "// Generated from ${FILE} by web/server/embed-file.cmake: edit that file.\nnamespace cleanslate::server {\nconst char* ${FUNCTION}() {\n    return R\"cs_text(${text})cs_text\";\n}\n}  // namespace cleanslate::server\n")
file(COPY_FILE ${OUT}.new ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.new)
