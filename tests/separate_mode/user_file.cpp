// A user's file of a program that compiles the library once
// (WEBHOOKSIO_SEPARATE_COMPILATION): test separate_mode_headers checks what
// it reads (headers_read.cmake) and separate_mode_methods that it compiles
// none of the named methods (methods_compiled_once.cmake); both compile it,
// so its static_assert is checked too.
#include <webhooksio/webhooksio.hpp>

boost::json::value first_bucket(webhooksio::client& api) {
    return api.get_bucket(webhooksio::account_id{"AC1"}, webhooksio::bucket_id{"BU1"}, {.expand = true});
}

// call<E> builds its request here, from the table's own list of members, and
// a typed answer converts in the src.hpp file: the Boost.Describe lists of the
// library's structs are left out of such a file (config.hpp).
webhooksio::model::bucket new_bucket(webhooksio::client& api) {
    return boost::json::value_to<webhooksio::model::bucket>(
        api.call<webhooksio::api::create_bucket>({webhooksio::account_id{"AC1"}}, {.name = "orders"}));
}
static_assert(!boost::describe::has_describe_members<webhooksio::api::create_bucket::options>::value &&
                  !boost::describe::has_describe_members<webhooksio::model::bucket>::value,
              "WEBHOOKSIO_SEPARATE_COMPILATION leaves the Describe lists out of a user's file");
