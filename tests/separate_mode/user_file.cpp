// A user's file of a program that compiles the library once
// (WEBHOOKSIO_SEPARATE_COMPILATION): test separate_mode_headers checks what
// it reads (headers_read.cmake) and separate_mode_methods that it compiles
// none of the named methods (methods_compiled_once.cmake).
#include <webhooksio/webhooksio.hpp>

boost::json::value first_bucket(webhooksio::client& api) {
    return api.get_bucket(webhooksio::account_id{"AC1"}, webhooksio::bucket_id{"BU1"}, {.expand = true});
}
