// The IDs are strong types: a bucket_id can't stand where the account_id goes.
#include <webhooksio/webhooksio.hpp>
int main() {
    webhooksio::client api{"KEY"};
    api.get_bucket(webhooksio::bucket_id{"BU1"}, webhooksio::account_id{"AC1"});
}
