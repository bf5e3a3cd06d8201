// The Buckets endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(buckets, create_bucket, seed("createBucket"), post, "/v1/accounts/:account_id/buckets", (account_id),
    "Adds a bucket to an account",
    (required, std::string, name, "Name for the bucket.")
    (optional, std::string, key, "The key for the bucket."))

WEBHOOKSIO_ENDPOINT(buckets, update_bucket, seed("updateBucket"), put, "/v1/accounts/:account_id/buckets/:bucket_id", (account_id, bucket_id),
    "Updates a bucket.",
    (required, std::string, name, "Name for the bucket.")
    (optional, std::string, key, "The key for the bucket."))

WEBHOOKSIO_ENDPOINT(buckets, get_bucket, seed("getBucket"), get, "/v1/accounts/:account_id/buckets/:bucket_id", (account_id, bucket_id),
    "Returns the details for a specfic bucket.",
    (optional, bool, expand, "If the results should be expanded to include the inputs and destinations")
    (optional, bool, include_stats, "Include the traffic summary."))

WEBHOOKSIO_ENDPOINT(buckets, get_buckets, seed("getBuckets"), get, "/v1/accounts/:account_id/buckets", (account_id),
    "Returns a collection of buckets for an account.",
    (optional, bool, expand, "If the results should be expanded to include the inputs and destinations"))

WEBHOOKSIO_ENDPOINT(buckets, delete_bucket, seed("deleteBucket"), delete_, "/v1/accounts/:account_id/buckets/:bucket_id", (account_id, bucket_id),
    "Deletes a bucket.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_BUCKETS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_BUCKETS(X) \
    X(create_bucket)              \
    X(update_bucket)              \
    X(get_bucket)                 \
    X(get_buckets)                \
    X(delete_bucket)

namespace areas {
using buckets = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_BUCKETS);
}  // namespace areas

}  // namespace webhooksio::api
