// The same entry stops a separately compiled program's build in its one
// src.hpp file, though its other files don't check the table.
#define WEBHOOKSIO_SEPARATE_COMPILATION
#include <webhooksio/src.hpp>

namespace webhooksio::api {
WEBHOOKSIO_ENDPOINT(buckets, get_bucket_swapped, docs("getBucketSwapped"), get,
    "/v1/accounts/:account_id/buckets/:bucket_id", (bucket_id, account_id), "IDs in the wrong order")
}  // namespace webhooksio::api

int main() {}
