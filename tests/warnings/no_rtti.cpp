// A user's file built with -fno-rtti (test user_code_compiles_without_rtti):
// the library, header-only, needs no RTTI; value_to's messages then do
// without the type's name.
#include <webhooksio/webhooksio.hpp>

webhooksio::model::bucket bucket_of(webhooksio::client& api) {
    return boost::json::value_to<webhooksio::model::bucket>(
        api.get_bucket(webhooksio::account_id{"AC1"}, webhooksio::bucket_id{"BU1"}));
}
