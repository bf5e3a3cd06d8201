// A header-only user's file that makes calls on a client made elsewhere:
// test header_only_calls checks that it compiles none of the pipeline and
// none of the transport (calls_compile_no_pipeline.cmake), which the file
// that makes the client compiles (client.hpp, basic_client::state).
#include <webhooksio/webhooksio.hpp>

boost::json::value first_bucket(webhooksio::client& api) {
    return api.get_bucket(webhooksio::account_id{"AC1"}, webhooksio::bucket_id{"BU1"}, {.expand = true});
}

webhooksio::result<boost::json::value> new_bucket(webhooksio::client& api) {
    return api.call<webhooksio::api::create_bucket>({webhooksio::account_id{"AC1"}}, {.name = "orders"},
                                                    webhooksio::nothrow);
}
