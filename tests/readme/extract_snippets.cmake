# Writes every ```cpp block of one Markdown file (README.md, or a page of
# docs/) into one C++ file, so that the readme_snippets target compiles them
# as written (the Markdown is the source; nothing is copied by hand). Blocks
# marked ```text, ```sh or anything else are not C++ and are left alone. Run
# at build time:
#
#   cmake -DREADME=<file.md> -DOUTPUT=<file.cpp> [-DEXTRA_HEADERS=<a;b>] -P extract_snippets.cmake
#
# A block is, by default, the body of a function whose parameters are the names
# the README's snippets take as given (see `assumed` below), under
# `using namespace webhooksio;`. A marker on the line right before its fence
# changes that:
#   <!-- snippet: top-level -->       the block declares things at namespace scope
#                                     (a struct with its members, a function, main)
#   <!-- snippet: skip (reason) -->   the block is not compiled; say why
# Its `#include` lines go to the top of the file. `#line` points every error
# at the README's own line.

if(NOT README OR NOT OUTPUT)
    message(FATAL_ERROR "usage: cmake -DREADME=<README.md> -DOUTPUT=<file.cpp> -P extract_snippets.cmake")
endif()

# The names snippets use without declaring them: a client, its options, a key,
# an emulator, and where a secret comes from.
set(assumed
    "[[maybe_unused]] webhooksio::client& api, [[maybe_unused]] webhooksio::client_options& options, \
[[maybe_unused]] const std::string& key, [[maybe_unused]] webhooksio::emulator& local")

# Line by line, without making the text a CMake list: C++ is full of the
# `;`, `\` and brackets that a list would take for its own syntax.
file(READ "${README}" rest)
string(APPEND rest "\n")

set(includes "")
set(snippets "")
set(count 0)
set(number 0)
set(in_block FALSE)
set(marker "")
set(previous "")
while(NOT rest STREQUAL "")
    string(FIND "${rest}" "\n" end)
    string(SUBSTRING "${rest}" 0 ${end} line)
    math(EXPR end "${end} + 1")
    string(SUBSTRING "${rest}" ${end} -1 rest)
    math(EXPR number "${number} + 1")
    if(NOT in_block)
        if(line MATCHES "^```cpp[ \t]*$")
            set(in_block TRUE)
            set(body "")
            set(marker "")
            if(previous MATCHES "^<!-- snippet: ([a-z-]+)")
                set(marker "${CMAKE_MATCH_1}")
                if(NOT marker MATCHES "^(top-level|skip)$")
                    message(FATAL_ERROR "${README}:${number}: unknown snippet marker \"${marker}\"")
                endif()
            endif()
            math(EXPR first "${number} + 1")
        endif()
        set(previous "${line}")
        continue()
    endif()
    if(NOT line MATCHES "^```[ \t]*$")
        if(line MATCHES "^[ \t]*#[ \t]*include[ \t]")
            list(APPEND includes "${line}")
            set(line "")   # keeps the line numbers
        endif()
        string(APPEND body "${line}\n")
        continue()
    endif()
    # The end of a block.
    set(in_block FALSE)
    set(previous "${line}")
    math(EXPR count "${count} + 1")
    set(where "#line ${first} \"${README}\"\n")
    if(marker STREQUAL "skip")
        continue()
    elseif(marker STREQUAL "top-level")
        string(APPEND snippets "namespace snippet_line_${first} {\n${where}${body}}\n\n")
    else()
        # The inner block lets a snippet declare a name it otherwise assumes.
        string(APPEND snippets "void snippet_line_${first}(${assumed})\n{ {\n${where}${body}} }\n\n")
    endif()
endwhile()
if(in_block)
    message(FATAL_ERROR "${README}:${first}: a ```cpp block without its closing ```")
endif()
# The snippets' own includes first, then every public header they may assume.
foreach(header webhooksio/webhooksio.hpp webhooksio/testing/recording_transport.hpp webhooksio/emulator.hpp
        ${EXTRA_HEADERS})
    list(APPEND includes "#include <${header}>")
endforeach()
list(REMOVE_DUPLICATES includes)
list(JOIN includes "\n" includes)

set(source "// Generated from ${README} by tests/readme/extract_snippets.cmake: do not edit.
// ${count} snippets.
${includes}
#include <cassert>
#include <chrono>
#include <future>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

using namespace webhooksio;

// Where a snippet takes a secret from.
std::string load_secret(std::string_view name);

namespace readme_snippets {

${snippets}} // namespace readme_snippets
")

# Rewritten only when it changes, so that an edit elsewhere in README.md
# rebuilds nothing.
set(old "")
if(EXISTS "${OUTPUT}")
    file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL source)
    file(WRITE "${OUTPUT}" "${source}")
endif()
