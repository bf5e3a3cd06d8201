// An optional flag takes a bool too: "false" would quietly have become `true`.
#include <webhooksio/webhooksio.hpp>
int main() {
    webhooksio::client api{"KEY"};
    api.get_bucket(webhooksio::account_id{"AC1"}, webhooksio::bucket_id{"BU1"}, {.expand = "false"});
}
