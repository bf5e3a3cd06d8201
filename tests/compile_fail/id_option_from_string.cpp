// An option whose value is an ID takes the ID type, not a string.
#include <webhooksio/webhooksio.hpp>
int main() {
    webhooksio::client api{"KEY"};
    api.create_input(webhooksio::account_id{"AC1"}, {.bucket_id = "BU1", .name = "orders"});
}
