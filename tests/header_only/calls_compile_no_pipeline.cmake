# Test header_only_calls: a header-only file that only makes calls compiles
# neither the shared pipeline (detail::client_core) nor the transport; it
# reaches them through pointers the client set where it was made.
#
#   cmake -DBUILD_DIR=build -DTARGET=header_only_calling_file -DOBJECT=<its .o> -DNM=nm -P calls_compile_no_pipeline.cmake
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
    RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${TARGET} does not build:\n${output}")
endif()

execute_process(COMMAND ${NM} -C --defined-only ${OBJECT} OUTPUT_VARIABLE defined RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT defined MATCHES "first_bucket")
    message(FATAL_ERROR "nm can't read ${OBJECT}:\n${defined}")
endif()
foreach(unwanted "webhooksio::detail::client_core::" "webhooksio::httplib_transport::" "webhooksio::detail::httplib_")
    string(FIND "${defined}" "${unwanted}" at)
    if(NOT at EQUAL -1)
        string(SUBSTRING "${defined}" ${at} 200 line)
        message(SEND_ERROR "a file that only makes calls compiles ${line}")
    endif()
endforeach()
