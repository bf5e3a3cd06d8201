cmake_policy(SET CMP0007 NEW)
# Builds one compile-fail target and judges what the compiler said:
#   EXPECT      a regular expression the diagnostics must match;
#   EARLY       (optional) one that must match a diagnostic line, not an
#               echoed source line, among the first 12 lines;
#   MAX_LINES   (optional) at most this many lines of diagnostics.
# The diagnostics are the compiler's own lines: what the build tool prints
# around them (progress, "make: ***") is left out of the count.
# Usage: cmake -DBUILD_DIR=... -DTARGET=... -DEXPECT=... [-DEARLY=...] [-DMAX_LINES=...] -P expect_diagnostics.cmake
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
if(status EQUAL 0)
    message(FATAL_ERROR "${TARGET} compiled, and must not")
endif()

# The compiler's lines: from the one after "Building CXX object" to the
# build tool's first complaint.
string(REPLACE ";" "\\;" all "${all}")
string(REPLACE "\n" ";" lines "${all}")
set(diagnostics "")
set(inside FALSE)
foreach(line IN LISTS lines)
    if(line MATCHES "Building CXX object")
        set(inside TRUE)
    elseif(line MATCHES "^g?make(\\[[0-9]+\\])?: |^ninja: |^FAILED: ")
        set(inside FALSE)
    elseif(inside)
        list(APPEND diagnostics "${line}")
    endif()
endforeach()
list(LENGTH diagnostics count)
list(JOIN diagnostics "\n" text)

if(NOT text MATCHES "${EXPECT}")
    message(FATAL_ERROR "the diagnostics of ${TARGET} don't say \"${EXPECT}\":\n${text}")
endif()
if(DEFINED MAX_LINES AND count GREATER MAX_LINES)
    message(FATAL_ERROR "${TARGET}: ${count} lines of diagnostics, more than ${MAX_LINES}:\n${text}")
endif()
if(DEFINED EARLY)
    set(found FALSE)
    set(n 0)
    foreach(line IN LISTS diagnostics)
        math(EXPR n "${n} + 1")
        if(n GREATER 12)
            break()
        endif()
        # g++ echoes source as "  12 | code" and carets as "     |   ^"; clang
        # echoes it bare. A diagnostic line names its place or instantiation.
        if(NOT line MATCHES "^ *[0-9]* \\|" AND line MATCHES "(error|note): |In instantiation of|required from"
           AND line MATCHES "${EARLY}")
            set(found TRUE)
            break()
        endif()
    endforeach()
    if(NOT found)
        message(FATAL_ERROR "${TARGET}: \"${EARLY}\" is not in the first 12 lines of diagnostics:\n${text}")
    endif()
endif()
message(STATUS "${TARGET}: ${count} lines of diagnostics, as expected")
