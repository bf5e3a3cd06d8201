# Test separate_mode_methods: with WEBHOOKSIO_SEPARATE_COMPILATION the default
# client's named methods are compiled once, in the program's src.hpp file
# (explicit instantiations, client.hpp). A user's object file only calls them:
# it refers to get_bucket and defines none of them.
#
#   cmake -DCOMPILER=g++ -DNM=nm -DINCLUDE=include -DSOURCE=user_file.cpp -DOBJECT=user_file.o -P methods_compiled_once.cmake
execute_process(
    COMMAND ${COMPILER} -std=c++20 -O2 -DWEBHOOKSIO_SEPARATE_COMPILATION -I${INCLUDE} -c ${SOURCE} -o ${OBJECT}
    RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${SOURCE} does not compile:\n${errors}")
endif()

execute_process(COMMAND ${NM} -C --undefined-only ${OBJECT} OUTPUT_VARIABLE called RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT called MATCHES "get_bucket_method<[^\n]*::get_bucket\\(")
    message(FATAL_ERROR "${OBJECT} does not call the compiled get_bucket:\n${called}")
endif()

execute_process(COMMAND ${NM} -C --defined-only ${OBJECT} OUTPUT_VARIABLE defined RESULT_VARIABLE status)
string(REGEX MATCH "[^\n]*_method<[^\n]*" line "${defined}")
if(NOT status EQUAL 0 OR line)
    message(FATAL_ERROR "a user's file compiles a named method itself: ${line}")
endif()
