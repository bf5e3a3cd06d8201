// A user's program, as small as can be: the consumption tests build it with
// find_package (header-only and with WEBHOOKSIO_SEPARATE_COMPILATION), with
// add_subdirectory, with pkg-config and with only the single header, then run
// it with the version they expect.
#ifdef WEBHOOKSIO_CONSUMER_SINGLE_HEADER
#include <webhooksio.hpp>
#else
#include <webhooksio/testing/recording_transport.hpp>
#include <webhooksio/webhooksio.hpp>
#endif

#include <iostream>
#include <string_view>

// The package must bring cpp-httplib's flags with it (see CMakeLists.txt).
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#error "cpp-httplib's flags did not reach this program"
#endif

// Compiled separately, this file only declares the shared code.
#if defined(WEBHOOKSIO_SEPARATE_COMPILATION) && WEBHOOKSIO_DEFINITIONS
#error "WEBHOOKSIO_SEPARATE_COMPILATION did not take the shared code out of this file"
#endif

int main(int argc, char** argv) {
    using namespace webhooksio;
    testing::recording_transport wire;
    wire.respond({.status = 200, .headers = {}, .body = "{}"});
    basic_client<testing::recording_transport> api{"KEY", {}, wire};
    api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {.expand = true});
    const bool sent_right = wire.requests().at(0).target == "/v1/accounts/AC1/buckets/BU1?expand=true";

    // The default client links cpp-httplib and OpenSSL; an empty ID keeps
    // this call off the network (it is refused before sending).
    client real{"KEY"};
    auto refused = real.with(nothrow).get_bucket(account_id{""}, bucket_id{"BU1"});
    const bool refused_right = !refused && refused.error() == errc::usage;
    const bool expected_version = argc > 1 && std::string_view(argv[1]) == version;

    std::cout << "webhooksio " << version << ": request " << (sent_right ? "right" : "WRONG") << ", refusal "
              << (refused_right ? "right" : "WRONG") << ", version " << (expected_version ? "as expected" : "NOT as expected")
              << '\n';
    return sent_right && refused_right && expected_version ? 0 : 1;
}
