// The Buckets endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Adds a bucket to an account
struct create_bucket : endpoint<"createBucket", http_method::post, "/v1/accounts/:account_id/buckets", account_id> {
    static constexpr std::string_view name = "create_bucket"sv;
    static constexpr std::string_view summary = "Adds a bucket to an account"sv;
    static constexpr std::array<option_doc, 2> option_docs{{
        {"name"sv, "Name for the bucket."sv},
        {"key"sv, "The key for the bucket."sv},
    }};
    struct options {
        required<std::string> name;
        std::optional<std::string> key{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_bucket::options, (), (name, key))

// Updates a bucket.
struct update_bucket : endpoint<"updateBucket", http_method::put, "/v1/accounts/:account_id/buckets/:bucket_id", account_id, bucket_id> {
    static constexpr std::string_view name = "update_bucket"sv;
    static constexpr std::string_view summary = "Updates a bucket."sv;
    static constexpr std::array<option_doc, 2> option_docs{{
        {"name"sv, "Name for the bucket."sv},
        {"key"sv, "The key for the bucket."sv},
    }};
    struct options {
        required<std::string> name;
        std::optional<std::string> key{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_bucket::options, (), (name, key))

// Returns the details for a specfic bucket.
struct get_bucket : endpoint<"getBucket", http_method::get, "/v1/accounts/:account_id/buckets/:bucket_id", account_id, bucket_id> {
    static constexpr std::string_view name = "get_bucket"sv;
    static constexpr std::string_view summary = "Returns the details for a specfic bucket."sv;
    static constexpr std::array<option_doc, 2> option_docs{{
        {"expand"sv, "If the results should be expanded to include the inputs and destinations"sv},
        {"include_stats"sv, "Include the traffic summary."sv},
    }};
    struct options {
        std::optional<bool> expand{};
        std::optional<bool> include_stats{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_bucket::options, (), (expand, include_stats))

// Returns a collection of buckets for an account.
struct get_buckets : endpoint<"getBuckets", http_method::get, "/v1/accounts/:account_id/buckets", account_id> {
    static constexpr std::string_view name = "get_buckets"sv;
    static constexpr std::string_view summary = "Returns a collection of buckets for an account."sv;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"expand"sv, "If the results should be expanded to include the inputs and destinations"sv},
    }};
    struct options {
        std::optional<bool> expand{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_buckets::options, (), (expand))

// Deletes a bucket.
struct delete_bucket : endpoint<"deleteBucket", http_method::delete_, "/v1/accounts/:account_id/buckets/:bucket_id", account_id, bucket_id> {
    static constexpr std::string_view name = "delete_bucket"sv;
    static constexpr std::string_view summary = "Deletes a bucket."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
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
