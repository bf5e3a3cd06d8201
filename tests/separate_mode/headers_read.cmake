# Test separate_mode_headers: a user's file compiled with
# WEBHOOKSIO_SEPARATE_COMPILATION reads none of the headers that would make
# it costly to compile (docs/performance.md): httplib.h (the transport keeps
# it behind a pointer), Asio and Beast, the library's definitions (impl/),
# Boost.Preprocessor (the endpoint table walks its lists without it),
# <ranges> and boost/core/type_name.hpp.
#
#   cmake -DCOMPILER=g++ -DINCLUDE=include -DSOURCE=user_file.cpp -P headers_read.cmake
execute_process(
    COMMAND ${COMPILER} -std=c++20 -DWEBHOOKSIO_SEPARATE_COMPILATION -I${INCLUDE} -H -fsyntax-only ${SOURCE}
    RESULT_VARIABLE status ERROR_VARIABLE read OUTPUT_QUIET)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${SOURCE} does not compile:\n${read}")
endif()

# -H writes one line per header read: dots for the depth, then its path.
foreach(unwanted "/httplib\\.h\n" "/boost/asio/[^\n]*" "/boost/beast/[^\n]*" "/webhooksio/impl/[^\n]*"
        "/boost/preprocessor/[^\n]*" "/ranges\n" "/boost/core/type_name\\.hpp")
    string(REGEX MATCH "[^\n]*${unwanted}" line "${read}\n")
    string(STRIP "${line}" line)
    if(line)
        message(SEND_ERROR "a user's file reads ${line}")
    endif()
endforeach()
