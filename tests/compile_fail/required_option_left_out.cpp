// create_bucket requires `name`: leaving it out of the initializer must not compile.
#include <webhooksio/webhooksio.hpp>
int main() {
    webhooksio::client api{"KEY"};
    api.create_bucket(webhooksio::account_id{"AC1"}, {.key = "my-bucket"});
}
