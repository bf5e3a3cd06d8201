// An endpoint whose ID types don't match its route's placeholders is rejected
// where it is declared.
#include <webhooksio/webhooksio.hpp>
namespace my_api {
struct get_bucket_wrong : webhooksio::endpoint<"getBucket", true, webhooksio::http_method::get,
                                               "/v1/accounts/:account_id/buckets/:bucket_id", webhooksio::bucket_id,
                                               webhooksio::account_id> {};
}
int main() { my_api::get_bucket_wrong e; (void)e; }
