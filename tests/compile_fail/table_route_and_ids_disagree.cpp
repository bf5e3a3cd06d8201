// An entry of the endpoint table whose ID types don't match its route's
// placeholders stops a header-only build (the table is checked where the
// library's definitions are compiled: detail/define_endpoint.hpp).
#include <webhooksio/webhooksio.hpp>

namespace webhooksio::api {
WEBHOOKSIO_ENDPOINT(buckets, get_bucket_swapped, docs("getBucketSwapped"), get,
    "/v1/accounts/:account_id/buckets/:bucket_id", (bucket_id, account_id), "IDs in the wrong order")
}  // namespace webhooksio::api

int main() {}
