// A misspelt option in a designated initializer: `kee` for `key`.
#include <webhooksio/webhooksio.hpp>
int main() {
    webhooksio::client api{"KEY"};
    api.create_bucket(webhooksio::account_id{"AC1"}, {.name = "orders", .kee = "my-bucket"});
}
