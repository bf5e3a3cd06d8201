// get_bucket's call must not take create_bucket's options.
#include <webhooksio/webhooksio.hpp>
int main() {
    webhooksio::client api{"KEY"};
    api.call<webhooksio::api::get_bucket>({webhooksio::account_id{"AC1"}, webhooksio::bucket_id{"BU1"}},
                                          webhooksio::api::create_bucket::options{.name = "x"});
}
