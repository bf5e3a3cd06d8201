// The Applications endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(applications, create_application, seed("createApplication"), post, "/v1/accounts/:account_id/applications", (account_id),
    "Adds an application to an account",
    (required, std::string, name, "Name for the bucket.")
    (required, std::vector<std::string>, categories, "The categories the application belongs to.")
    (required, std::string, overview, "A short description of the application - 255 characters or less.")
    (required, std::string, description, "A full description of the application.")
    (required, std::string, homepage_url, "The url of the application homepage.")
    (required, std::string, api_url, "The url to the API documention for the application.")
    (required, std::string, logo_url, "The url to the logo.")
    (required, bool, active, "If the application should be active (viewable) or not."))

WEBHOOKSIO_ENDPOINT(applications, update_application, seed("updateApplication"), put, "/v1/accounts/:account_id/applications/:application_id", (account_id, application_id),
    "Updates an Application.",
    (required, std::string, name, "Name for the bucket.")
    (required, std::vector<std::string>, categories, "The categories the application belongs to.")
    (required, std::string, overview, "A short description of the application - 255 characters or less.")
    (required, std::string, description, "A full description of the application.")
    (required, std::string, homepage_url, "The url of the application homepage.")
    (required, std::string, api_url, "The url to the API documention for the application.")
    (required, std::string, logo_url, "The url to the logo.")
    (required, bool, active, "If the application should be active (viewable) or not."))

WEBHOOKSIO_ENDPOINT(applications, get_application, seed("getApplication"), get, "/v1/accounts/:account_id/applications/:application_id", (account_id, application_id),
    "Returns the details for a specfic application.")

WEBHOOKSIO_ENDPOINT(applications, get_applications, seed("getApplications"), get, "/v1/accounts/:account_id/applications", (account_id),
    "Returns a collection of applications for an account.")

WEBHOOKSIO_ENDPOINT(applications, delete_application, seed("deleteApplication"), delete_, "/v1/accounts/:account_id/applications/:application_id", (account_id, application_id),
    "Deletes an application.")

WEBHOOKSIO_ENDPOINT(applications, create_application_version, seed("createApplicationVersion"), post, "/v1/accounts/:account_id/applications/:application_id/versions", (account_id, application_id),
    "Adds a version to an application.",
    (required, std::string, key, "The key/id for this version.")
    (required, std::string, release_date, "The date this version was released.")
    (required, boost::json::value, version_json, "The complete JSON definition for the version.")
    (required, boost::json::value, examples_json, "The complete JSON definition for the version examples/recipes")
    (required, bool, active, "If the version should be active (viewable) or not."))

WEBHOOKSIO_ENDPOINT(applications, update_application_version, seed("updateApplicationVersion"), put, "/v1/accounts/:account_id/applications/:application_id/versions/:application_version_id", (account_id, application_id, application_version_id),
    "Updates an application version.",
    (required, std::string, key, "The key/id for this version.")
    (required, std::string, release_date, "The date this version was released.")
    (required, boost::json::value, version_json, "The complete JSON definition for the version.")
    (required, boost::json::value, examples_json, "The complete JSON definition for the version examples/recipies")
    (required, bool, active, "If the version should be active (viewable) or not."))

WEBHOOKSIO_ENDPOINT(applications, get_application_version, seed("getApplicationVersion"), get, "/v1/accounts/:account_id/applications/:application_id/versions/:application_version_id", (account_id, application_id, application_version_id),
    "Returns the details for a specfic application version.")

WEBHOOKSIO_ENDPOINT(applications, get_application_versions, seed("getApplicationVersions"), get, "/v1/accounts/:account_id/applications/:application_id/versions", (account_id, application_id),
    "Returns a collection of versions for an application.")

WEBHOOKSIO_ENDPOINT(applications, delete_application_version, seed("deleteApplicationVersion"), delete_, "/v1/accounts/:account_id/applications/:application_id/versions/:application_version_id", (account_id, application_id, application_version_id),
    "Deletes a version for an application.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_APPLICATIONS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_APPLICATIONS(X) \
    X(create_application)              \
    X(update_application)              \
    X(get_application)                 \
    X(get_applications)                \
    X(delete_application)              \
    X(create_application_version)      \
    X(update_application_version)      \
    X(get_application_version)         \
    X(get_application_versions)        \
    X(delete_application_version)

namespace areas {
using applications = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_APPLICATIONS);
}  // namespace areas

}  // namespace webhooksio::api
