# password-data.cmake — the password step's dictionaries, cut at build time from Debian packages.
# Included by the top-level CMakeLists.txt in both builds. Produces ${CMAKE_BINARY_DIR}/data/:
#   passwords.txt       common passwords, ranked (python3-zxcvbn)         -> refusals + estimator
#   dictionary-en.txt   English words and names, ranked sections (zxcvbn) -> estimator
#   dictionary-nl.txt   Dutch words, ranked by compound use (wdutch)      -> estimator
#   words-en.txt        passphrase words, English (wbritish x zxcvbn)     -> passphrase generator
#   words-nl.txt        passphrase words, Dutch (wdutch)                  -> passphrase generator
#   mirai-credentials.json  copy of devices/mirai/credentials.json        -> Mirai refusals
#   generated/builtin_words.cpp  the most common passphrase words, compiled into the core
# The three ranked lists are written in rank buckets ("#rank N", scripts/data_files.py).
# The wizard fetches the files lazily when the password step opens. They are never committed.

# --- Inputs -------------------------------------------------------------------------
# The Debian interpreter: the first python3 on PATH may not see Debian's modules.
set(CS_DEBIAN_PYTHON /usr/bin/python3 CACHE FILEPATH "Python that sees python3-zxcvbn")
set(CS_PASSWORD_DATA_DIR ${CMAKE_BINARY_DIR}/data)
set(CS_ZXCVBN_LISTS /usr/lib/python3/dist-packages/zxcvbn/frequency_lists.py)
set(CS_DUTCH_WORDS /usr/share/dict/dutch)
set(CS_ENGLISH_WORDS /usr/share/dict/british-english)
foreach(input ${CS_ZXCVBN_LISTS} ${CS_DUTCH_WORDS} ${CS_ENGLISH_WORDS})
  if(NOT EXISTS ${input})
    message(FATAL_ERROR "${input} is missing: install python3-zxcvbn, wdutch and wbritish (scripts/setup)")
  endif()
endforeach()

# --- Generation ---------------------------------------------------------------------
add_custom_command(
  OUTPUT ${CS_PASSWORD_DATA_DIR}/passwords.txt ${CS_PASSWORD_DATA_DIR}/dictionary-en.txt
  COMMAND ${CS_DEBIAN_PYTHON} ${CMAKE_SOURCE_DIR}/scripts/make-password-data.py --out-dir ${CS_PASSWORD_DATA_DIR}
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/make-password-data.py ${CMAKE_SOURCE_DIR}/scripts/data_files.py ${CS_ZXCVBN_LISTS}
  COMMENT "Cutting common-password and English dictionaries from python3-zxcvbn"
  VERBATIM)

# The built-in passphrase words (most common 512 a language) are compiled into the core, so
# the password step can always suggest a passphrase, even offline with the lists missing.
set(CS_BUILTIN_WORDS ${CMAKE_BINARY_DIR}/generated/builtin_words.cpp)
add_custom_command(
  OUTPUT ${CS_PASSWORD_DATA_DIR}/words-en.txt ${CS_PASSWORD_DATA_DIR}/words-nl.txt
         ${CS_PASSWORD_DATA_DIR}/dictionary-nl.txt ${CS_BUILTIN_WORDS}
  COMMAND ${CS_DEBIAN_PYTHON} ${CMAKE_SOURCE_DIR}/scripts/make-wordlists.py --out-dir ${CS_PASSWORD_DATA_DIR}
          --builtin-out ${CS_BUILTIN_WORDS}
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/make-wordlists.py ${CMAKE_SOURCE_DIR}/scripts/data_files.py ${CMAKE_SOURCE_DIR}/scripts/wordlist-blocklist.txt
          ${CS_ZXCVBN_LISTS} ${CS_DUTCH_WORDS} ${CS_ENGLISH_WORDS}
  COMMENT "Cutting passphrase word lists and the Dutch dictionary from wdutch and wbritish"
  VERBATIM)

add_custom_command(
  OUTPUT ${CS_PASSWORD_DATA_DIR}/mirai-credentials.json
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/devices/mirai/credentials.json
          ${CS_PASSWORD_DATA_DIR}/mirai-credentials.json
  DEPENDS ${CMAKE_SOURCE_DIR}/devices/mirai/credentials.json
  VERBATIM)

# Every file the password step loads (the site build copies exactly these).
set(CS_PASSWORD_DATA_FILES
  ${CS_PASSWORD_DATA_DIR}/passwords.txt ${CS_PASSWORD_DATA_DIR}/dictionary-en.txt
  ${CS_PASSWORD_DATA_DIR}/dictionary-nl.txt ${CS_PASSWORD_DATA_DIR}/words-en.txt
  ${CS_PASSWORD_DATA_DIR}/words-nl.txt ${CS_PASSWORD_DATA_DIR}/mirai-credentials.json)
add_custom_target(cs_password_data ALL DEPENDS ${CS_PASSWORD_DATA_FILES})

target_sources(cleanslate_core PRIVATE ${CS_BUILTIN_WORDS})
