// A required flag takes a bool: a string would quietly have become `true`.
#include <webhooksio/webhooksio.hpp>
int main() {
    webhooksio::client api{"KEY"};
    api.create_application_version(webhooksio::account_id{"AC1"}, webhooksio::application_id{"AP1"},
                                   {.key = "1.0", .release_date = "2026-01-01", .version_json = boost::json::object{},
                                    .examples_json = boost::json::object{}, .active = "yes"});
}
