// IDs are explicit: a bare string is not an account_id.
#include <webhooksio/webhooksio.hpp>
int main() {
    webhooksio::client api{"KEY"};
    api.get_account(std::string("AC1"));
}
