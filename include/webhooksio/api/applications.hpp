// The Applications endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Adds an application to an account
struct create_application : endpoint<"createApplication", http_method::post, "/v1/accounts/:account_id/applications", account_id> {
    static constexpr std::string_view name = "create_application"sv;
    static constexpr std::string_view summary = "Adds an application to an account"sv;
    static constexpr std::array<option_doc, 8> option_docs{{
        {"name"sv, "Name for the bucket."sv},
        {"categories"sv, "The categories the application belongs to."sv},
        {"overview"sv, "A short description of the application - 255 characters or less."sv},
        {"description"sv, "A full description of the application."sv},
        {"homepage_url"sv, "The url of the application homepage."sv},
        {"api_url"sv, "The url to the API documention for the application."sv},
        {"logo_url"sv, "The url to the logo."sv},
        {"active"sv, "If the application should be active (viewable) or not."sv},
    }};
    struct options {
        required<std::string> name;
        required<std::vector<std::string>> categories;
        required<std::string> overview;
        required<std::string> description;
        required<std::string> homepage_url;
        required<std::string> api_url;
        required<std::string> logo_url;
        required<bool> active;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_application::options, (), (name, categories, overview, description, homepage_url, api_url, logo_url, active))

// Updates an Application.
struct update_application : endpoint<"updateApplication", http_method::put, "/v1/accounts/:account_id/applications/:application_id", account_id, application_id> {
    static constexpr std::string_view name = "update_application"sv;
    static constexpr std::string_view summary = "Updates an Application."sv;
    static constexpr std::array<option_doc, 8> option_docs{{
        {"name"sv, "Name for the bucket."sv},
        {"categories"sv, "The categories the application belongs to."sv},
        {"overview"sv, "A short description of the application - 255 characters or less."sv},
        {"description"sv, "A full description of the application."sv},
        {"homepage_url"sv, "The url of the application homepage."sv},
        {"api_url"sv, "The url to the API documention for the application."sv},
        {"logo_url"sv, "The url to the logo."sv},
        {"active"sv, "If the application should be active (viewable) or not."sv},
    }};
    struct options {
        required<std::string> name;
        required<std::vector<std::string>> categories;
        required<std::string> overview;
        required<std::string> description;
        required<std::string> homepage_url;
        required<std::string> api_url;
        required<std::string> logo_url;
        required<bool> active;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_application::options, (), (name, categories, overview, description, homepage_url, api_url, logo_url, active))

// Returns the details for a specfic application.
struct get_application : endpoint<"getApplication", http_method::get, "/v1/accounts/:account_id/applications/:application_id", account_id, application_id> {
    static constexpr std::string_view name = "get_application"sv;
    static constexpr std::string_view summary = "Returns the details for a specfic application."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_application::options, (), ())

// Returns a collection of applications for an account.
struct get_applications : endpoint<"getApplications", http_method::get, "/v1/accounts/:account_id/applications", account_id> {
    static constexpr std::string_view name = "get_applications"sv;
    static constexpr std::string_view summary = "Returns a collection of applications for an account."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_applications::options, (), ())

// Deletes an application.
struct delete_application : endpoint<"deleteApplication", http_method::delete_, "/v1/accounts/:account_id/applications/:application_id", account_id, application_id> {
    static constexpr std::string_view name = "delete_application"sv;
    static constexpr std::string_view summary = "Deletes an application."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_application::options, (), ())

// Adds a version to an application.
struct create_application_version : endpoint<"createApplicationVersion", http_method::post, "/v1/accounts/:account_id/applications/:application_id/versions", account_id, application_id> {
    static constexpr std::string_view name = "create_application_version"sv;
    static constexpr std::string_view summary = "Adds a version to an application."sv;
    static constexpr std::array<option_doc, 5> option_docs{{
        {"key"sv, "The key/id for this version."sv},
        {"release_date"sv, "The date this version was released."sv},
        {"version_json"sv, "The complete JSON definition for the version."sv},
        {"examples_json"sv, "The complete JSON definition for the version examples/recipes"sv},
        {"active"sv, "If the version should be active (viewable) or not."sv},
    }};
    struct options {
        required<std::string> key;
        required<std::string> release_date;
        required<boost::json::value> version_json;
        required<boost::json::value> examples_json;
        required<bool> active;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_application_version::options, (), (key, release_date, version_json, examples_json, active))

// Updates an application version.
struct update_application_version : endpoint<"updateApplicationVersion", http_method::put, "/v1/accounts/:account_id/applications/:application_id/versions/:application_version_id", account_id, application_id, application_version_id> {
    static constexpr std::string_view name = "update_application_version"sv;
    static constexpr std::string_view summary = "Updates an application version."sv;
    static constexpr std::array<option_doc, 5> option_docs{{
        {"key"sv, "The key/id for this version."sv},
        {"release_date"sv, "The date this version was released."sv},
        {"version_json"sv, "The complete JSON definition for the version."sv},
        {"examples_json"sv, "The complete JSON definition for the version examples/recipies"sv},
        {"active"sv, "If the version should be active (viewable) or not."sv},
    }};
    struct options {
        required<std::string> key;
        required<std::string> release_date;
        required<boost::json::value> version_json;
        required<boost::json::value> examples_json;
        required<bool> active;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_application_version::options, (), (key, release_date, version_json, examples_json, active))

// Returns the details for a specfic application version.
struct get_application_version : endpoint<"getApplicationVersion", http_method::get, "/v1/accounts/:account_id/applications/:application_id/versions/:application_version_id", account_id, application_id, application_version_id> {
    static constexpr std::string_view name = "get_application_version"sv;
    static constexpr std::string_view summary = "Returns the details for a specfic application version."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_application_version::options, (), ())

// Returns a collection of versions for an application.
struct get_application_versions : endpoint<"getApplicationVersions", http_method::get, "/v1/accounts/:account_id/applications/:application_id/versions", account_id, application_id> {
    static constexpr std::string_view name = "get_application_versions"sv;
    static constexpr std::string_view summary = "Returns a collection of versions for an application."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_application_versions::options, (), ())

// Deletes a version for an application.
struct delete_application_version : endpoint<"deleteApplicationVersion", http_method::delete_, "/v1/accounts/:account_id/applications/:application_id/versions/:application_version_id", account_id, application_id, application_version_id> {
    static constexpr std::string_view name = "delete_application_version"sv;
    static constexpr std::string_view summary = "Deletes a version for an application."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_application_version::options, (), ())

}  // namespace webhooksio::api

// The Applications calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_APPLICATIONS(X) \
    X(create_application, 1) \
    X(update_application, 2) \
    X(get_application, 2) \
    X(get_applications, 1) \
    X(delete_application, 2) \
    X(create_application_version, 2) \
    X(update_application_version, 3) \
    X(get_application_version, 3) \
    X(get_application_versions, 2) \
    X(delete_application_version, 3)
