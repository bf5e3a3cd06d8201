// The Reporting endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Returns a general overview.
struct get_overview_report : endpoint<"getOverviewReport", http_method::get, "/v1/accounts/:account_id/stats/overview", account_id> {
    static constexpr std::string_view name = "get_overview_report"sv;
    static constexpr std::string_view summary = "Returns a general overview."sv;
    static constexpr std::array<option_doc, 8> option_docs{{
        {"start_date"sv, "The start date for the data."sv},
        {"end_date"sv, "The end date for the data."sv},
        {"precision"sv, "The end date for the data."sv},
        {"application_id"sv, "The application id the data should be filtered with."sv},
        {"bucket_id"sv, "The end date for the data."sv},
        {"destination_id"sv, "The end date for the data."sv},
        {"input_id"sv, "The end date for the data."sv},
        {"include_sub_accounts"sv, "If sub account data should be included."sv},
    }};
    struct options {
        required<std::string> start_date;
        required<std::string> end_date;
        required<std::string> precision;
        std::optional<std::string> application_id{};
        std::optional<std::string> bucket_id{};
        std::optional<std::string> destination_id{};
        std::optional<std::string> input_id{};
        std::optional<bool> include_sub_accounts{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_overview_report::options, (), (start_date, end_date, precision, application_id, bucket_id, destination_id, input_id, include_sub_accounts))

// Returns a general summary report.
struct get_summary_report : endpoint<"getSummaryReport", http_method::get, "/v1/accounts/:account_id/stats/summary", account_id> {
    static constexpr std::string_view name = "get_summary_report"sv;
    static constexpr std::string_view summary = "Returns a general summary report."sv;
    static constexpr std::array<option_doc, 5> option_docs{{
        {"start_date"sv, "The start date for the data."sv},
        {"end_date"sv, "The end date for the data."sv},
        {"bucket_id"sv, "The end date for the data."sv},
        {"destination_id"sv, "The end date for the data."sv},
        {"input_id"sv, "The end date for the data."sv},
    }};
    struct options {
        std::optional<std::string> start_date{};
        std::optional<std::string> end_date{};
        std::optional<std::string> bucket_id{};
        std::optional<std::string> destination_id{};
        std::optional<std::string> input_id{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_summary_report::options, (), (start_date, end_date, bucket_id, destination_id, input_id))

// Returns a log of all messages.
struct get_request_log : endpoint<"getRequestLog", http_method::get, "/v1/accounts/:account_id/log", account_id> {
    static constexpr std::string_view name = "get_request_log"sv;
    static constexpr std::string_view summary = "Returns a log of all messages."sv;
    static constexpr std::array<option_doc, 5> option_docs{{
        {"start_date"sv, "The start date for the data. This can be an exact UTC date or a texted based time period. Valid text time periods can be found at: http://sugarjs.com/date_formats#text_formats"sv},
        {"end_date"sv, "The end date for the data. This can be an exact UTC date or a texted based time period. Valid text time periods can be found at: http://sugarjs.com/date_formats#text_formats"sv},
        {"input_id"sv, ""sv},
        {"bucket_id"sv, ""sv},
        {"http_status"sv, ""sv},
    }};
    struct options {
        std::optional<std::string> start_date{};
        std::optional<std::string> end_date{};
        std::optional<std::string> input_id{};
        std::optional<std::string> bucket_id{};
        std::optional<int> http_status{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_request_log::options, (), (start_date, end_date, input_id, bucket_id, http_status))

}  // namespace webhooksio::api

// The Reporting calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_REPORTING(X) \
    X(get_overview_report, 1) \
    X(get_summary_report, 1) \
    X(get_request_log, 1)
