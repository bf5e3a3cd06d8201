// The Reporting endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(reporting, get_overview_report, seed("getOverviewReport"), get, "/v1/accounts/:account_id/stats/overview", (account_id),
    "Returns a general overview.",
    (required, std::string, start_date, "The start date for the data.")
    (required, std::string, end_date, "The end date for the data.")
    (required, std::string, precision, "The end date for the data.")
    (optional, webhooksio::application_id, application_id, "The application id the data should be filtered with.")
    (optional, webhooksio::bucket_id, bucket_id, "The end date for the data.")
    (optional, webhooksio::destination_id, destination_id, "The end date for the data.")
    (optional, webhooksio::input_id, input_id, "The end date for the data.")
    (optional, bool, include_sub_accounts, "If sub account data should be included."))

WEBHOOKSIO_ENDPOINT(reporting, get_summary_report, seed("getSummaryReport"), get, "/v1/accounts/:account_id/stats/summary", (account_id),
    "Returns a general summary report.",
    (optional, std::string, start_date, "The start date for the data.")
    (optional, std::string, end_date, "The end date for the data.")
    (optional, webhooksio::bucket_id, bucket_id, "The end date for the data.")
    (optional, webhooksio::destination_id, destination_id, "The end date for the data.")
    (optional, webhooksio::input_id, input_id, "The end date for the data."))

WEBHOOKSIO_ENDPOINT(reporting, get_request_log, seed("getRequestLog"), get, "/v1/accounts/:account_id/log", (account_id),
    "Returns a log of all messages.",
    (optional, std::string, start_date, "The start date for the data. This can be an exact UTC date or a texted based time period. Valid text time periods can be found at: http://sugarjs.com/date_formats#text_formats")
    (optional, std::string, end_date, "The end date for the data. This can be an exact UTC date or a texted based time period. Valid text time periods can be found at: http://sugarjs.com/date_formats#text_formats")
    (optional, webhooksio::input_id, input_id, "")
    (optional, webhooksio::bucket_id, bucket_id, "")
    (optional, int, http_status, ""))

// The area's endpoints, in the order above: WEBHOOKSIO_API_REPORTING(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_REPORTING(X) \
    X(get_overview_report)          \
    X(get_summary_report)           \
    X(get_request_log)

namespace areas {
using reporting = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_REPORTING);
}  // namespace areas

}  // namespace webhooksio::api
