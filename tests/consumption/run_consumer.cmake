# Configures, builds and runs one consumer project (its programs consumer and
# emulator_consumer) in a fresh directory, as a user would; any failing step
# fails the test.
#
#   cmake -DSOURCE=<project> -DBINARY=<scratch dir> -DVERSION=<expected>
#         -DOPTIONS=<-Dvar=value|-Dvar=value> -P run_consumer.cmake
file(REMOVE_RECURSE "${BINARY}")
string(REPLACE "|" ";" options "${OPTIONS}")

function(step)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE failed)
    if(failed)
        message(FATAL_ERROR "failed (${failed}): ${ARGN}")
    endif()
endfunction()

step("${CMAKE_COMMAND}" -S "${SOURCE}" -B "${BINARY}" ${options})
step("${CMAKE_COMMAND}" --build "${BINARY}")
step("${BINARY}/consumer" "${VERSION}")
step("${BINARY}/emulator_consumer")
