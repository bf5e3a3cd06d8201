// Benchmark 8: what verifying a signed delivery costs beyond its HMAC.
// verify_webhook() on a 1 KiB delivery (parse the timestamp, check it
// against the clock, HMAC-SHA256 over "id.timestamp.body", base64, compare
// against each signature of the header) against OpenSSL computing the
// HMAC-SHA256 of the same bytes alone, already joined into one buffer: with
// its one-shot HMAC(), and with EVP_MAC and the algorithm fetched once (the
// least any verifier must do per delivery with a key it was handed).
//
//   bench_signature              CPU time per call of each, side by side in one run
//   bench_signature --repeat N   runs each N times, untimed: for
//       valgrind --tool=callgrind --toggle-collect=<function> (tools/bench.sh)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <webhooksio/signature.hpp>

#include "bench_report.hpp"

namespace wh = webhooksio;

namespace {

struct delivery {
    wh::webhook_secret secret{"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"};
    std::string id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    std::string timestamp;
    std::string body;
    std::string signature;
    std::string signed_bytes;  // "id.timestamp.body", for the anchors

    delivery() {
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        timestamp = std::to_string(now.time_since_epoch().count());
        body = R"({"event":"order.created","data":{"items":[)";
        while (body.size() < 1024 - 40) body += R"({"sku":"A-1","qty":2},)";
        body += R"({"sku":"Z-9","qty":1}]}})";
        body.resize(1024, ' ');
        signature = wh::sign_webhook(secret, id, now, body);
        signed_bytes = id + '.' + timestamp + '.' + body;
    }
};

const delivery& sample() {
    static const delivery d;
    return d;
}

[[gnu::noinline]] void library_verify() {
    const delivery& d = sample();
    const boost::system::error_code ec = wh::verify_webhook(d.secret, d.id, d.timestamp, d.signature, d.body);
    if (ec) std::abort();
}

[[gnu::noinline]] void openssl_hmac_one_shot() {
    const delivery& d = sample();
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    const std::string_view key = d.secret.bytes();
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(d.signed_bytes.data()), d.signed_bytes.size(), mac, &size))
        std::abort();
    bench::keep(mac);
}

[[gnu::noinline]] void openssl_evp_mac() {
    static EVP_MAC* const hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    const delivery& d = sample();
    EVP_MAC_CTX* context = EVP_MAC_CTX_new(hmac);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
    unsigned char mac[EVP_MAX_MD_SIZE];
    std::size_t size = 0;
    const std::string_view key = d.secret.bytes();
    if (EVP_MAC_init(context, reinterpret_cast<const unsigned char*>(key.data()), key.size(), params) != 1 ||
        EVP_MAC_update(context, reinterpret_cast<const unsigned char*>(d.signed_bytes.data()), d.signed_bytes.size()) != 1 ||
        EVP_MAC_final(context, mac, &size, sizeof mac) != 1)
        std::abort();
    EVP_MAC_CTX_free(context);
    bench::keep(mac);
}

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

// CPU microseconds per call of `f`, over `calls` calls.
template <class F>
double cpu_microseconds(F f, int calls) {
    const double start = cpu_seconds();
    for (int i = 0; i < calls; ++i) f();
    return (cpu_seconds() - start) * 1e6 / calls;
}

}  // namespace

int main(int argc, char** argv) {
    sample();  // the delivery is built outside every measurement
    if (argc == 3 && std::strcmp(argv[1], "--repeat") == 0) {
        const int n = std::atoi(argv[2]);
        for (int i = 0; i < n; ++i) library_verify();
        for (int i = 0; i < n; ++i) openssl_hmac_one_shot();
        for (int i = 0; i < n; ++i) openssl_evp_mac();
        return 0;
    }
    // Interleaved rounds, the median of each: a busy spell touches all three alike.
    constexpr int rounds = 15, calls = 4000;
    std::vector<double> ours, one_shot, evp_mac;
    for (int round = 0; round < rounds; ++round) {
        ours.push_back(cpu_microseconds(library_verify, calls));
        one_shot.push_back(cpu_microseconds(openssl_hmac_one_shot, calls));
        evp_mac.push_back(cpu_microseconds(openssl_evp_mac, calls));
    }
    const double a = bench::median(ours), b = bench::median(one_shot), c = bench::median(evp_mac);
    bench::row("8. verify_webhook, 1 KiB delivery, CPU us per call (median of 15 rounds)", bench::fixed(a, 2),
               "OpenSSL `HMAC()` of the same bytes: " + bench::fixed(b, 2), bench::fixed(a / b, 3), "<= 1.2");
    bench::row("8. the same against `EVP_MAC` with HMAC fetched once", bench::fixed(a, 2),
               "`EVP_MAC_init/update/final`: " + bench::fixed(c, 2), bench::fixed(a / c, 3), "-");
    return 0;
}
