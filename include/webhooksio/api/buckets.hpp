// The Buckets endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Adds a bucket to an account
struct create_bucket : endpoint<"createBucket", http_method::post, "/v1/accounts/:account_id/buckets", account_id> {
    static constexpr std::string_view name = "create_bucket";
    static constexpr std::string_view summary = "Adds a bucket to an account";
    struct options {
        required<std::string> name;  ///< Name for the bucket.
        std::optional<std::string> key;  ///< The key for the bucket.
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_bucket::options, (), (name, key))

// Updates a bucket.
struct update_bucket : endpoint<"updateBucket", http_method::put, "/v1/accounts/:account_id/buckets/:bucket_id", account_id, bucket_id> {
    static constexpr std::string_view name = "update_bucket";
    static constexpr std::string_view summary = "Updates a bucket.";
    struct options {
        required<std::string> name;  ///< Name for the bucket.
        std::optional<std::string> key;  ///< The key for the bucket.
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_bucket::options, (), (name, key))

// Returns the details for a specfic bucket.
struct get_bucket : endpoint<"getBucket", http_method::get, "/v1/accounts/:account_id/buckets/:bucket_id", account_id, bucket_id> {
    static constexpr std::string_view name = "get_bucket";
    static constexpr std::string_view summary = "Returns the details for a specfic bucket.";
    struct options {
        std::optional<bool> expand;  ///< If the results should be expanded to include the inputs and destinations
        std::optional<bool> include_stats;  ///< Include the traffic summary.
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_bucket::options, (), (expand, include_stats))

// Returns a collection of buckets for an account.
struct get_buckets : endpoint<"getBuckets", http_method::get, "/v1/accounts/:account_id/buckets", account_id> {
    static constexpr std::string_view name = "get_buckets";
    static constexpr std::string_view summary = "Returns a collection of buckets for an account.";
    struct options {
        std::optional<bool> expand;  ///< If the results should be expanded to include the inputs and destinations
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_buckets::options, (), (expand))

// Deletes a bucket.
struct delete_bucket : endpoint<"deleteBucket", http_method::delete_, "/v1/accounts/:account_id/buckets/:bucket_id", account_id, bucket_id> {
    static constexpr std::string_view name = "delete_bucket";
    static constexpr std::string_view summary = "Deletes a bucket.";
    struct options {
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_bucket::options, (), ())

}  // namespace webhooksio::api

// The Buckets calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_BUCKETS(X) \
    X(create_bucket, 1) \
    X(update_bucket, 2) \
    X(get_bucket, 2) \
    X(get_buckets, 1) \
    X(delete_bucket, 2)
