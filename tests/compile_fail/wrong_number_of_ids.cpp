// get_bucket takes an account_id and a bucket_id: one ID is not enough.
#include <webhooksio/webhooksio.hpp>
int main() {
    webhooksio::client api{"KEY"};
    api.get_bucket(webhooksio::account_id{"AC1"});
}
