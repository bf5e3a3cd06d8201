// Signed webhooks (signature.hpp): the Standard Webhooks reference
// libraries' own values, and every way a delivery can fail to verify.
#define BOOST_TEST_MODULE signature
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <boost/beast/http/fields.hpp>
#include <httplib.h>
#include <webhooksio/webhooksio.hpp>

#include "support/expect_throw.hpp"

namespace wh = webhooksio;
using namespace std::chrono_literals;
using test_support::expect_throw;

namespace {

// The reference libraries' test values (libraries/python/tests/test_webhooks.py).
constexpr std::string_view reference_secret = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr std::string_view reference_id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
constexpr std::string_view reference_body = R"({"test": 2432232314})";
constexpr std::chrono::sys_seconds reference_time{1614265330s};
constexpr std::string_view reference_signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
// Wide enough to take the reference's time (2021) as current.
constexpr std::chrono::seconds since_reference = std::chrono::years(100);

std::chrono::sys_seconds now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::string unix_seconds(std::chrono::sys_seconds t) { return std::to_string(t.time_since_epoch().count()); }

const wh::webhook_secret& secret() {
    static const wh::webhook_secret s{reference_secret};
    return s;
}

// Verifies a delivery signed with the reference secret at `signed_at`.
boost::system::error_code verify_signed_at(std::chrono::sys_seconds signed_at) {
    const std::string signature = wh::sign_webhook(secret(), reference_id, signed_at, reference_body);
    return wh::verify_webhook(secret(), reference_id, unix_seconds(signed_at), signature, reference_body);
}

}  // namespace

BOOST_AUTO_TEST_CASE(signing_gives_the_reference_libraries_signature) {
    BOOST_TEST(wh::sign_webhook(secret(), reference_id, reference_time, reference_body) == reference_signature);
    const wh::webhook_secret prefixed{"whsec_" + std::string(reference_secret)};
    BOOST_TEST(wh::sign_webhook(prefixed, reference_id, reference_time, reference_body) == reference_signature);
    BOOST_TEST(prefixed.text() == "whsec_" + std::string(reference_secret));
}

BOOST_AUTO_TEST_CASE(the_reference_signature_verifies_and_its_altered_form_does_not) {
    const std::string timestamp = unix_seconds(reference_time);
    BOOST_TEST(!wh::verify_webhook(secret(), reference_id, timestamp, reference_signature, reference_body,
                                   since_reference));
    // The reference tests' invalid signature: the last base64 digit changed.
    const auto altered = wh::verify_webhook(secret(), reference_id, timestamp,
                                            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=", reference_body,
                                            since_reference);
    BOOST_TEST(altered == wh::errc::no_matching_signature);
    // Within five minutes only, by default: the reference's time is long past.
    BOOST_TEST(wh::verify_webhook(secret(), reference_id, timestamp, reference_signature, reference_body) ==
               wh::errc::webhook_timestamp_out_of_tolerance);
}

// Python's hmac over the reference id and time: a body of UTF-8 text signs
// its bytes, and an empty body signs "id.timestamp.".
BOOST_AUTO_TEST_CASE(utf8_and_empty_bodies_sign_their_bytes) {
    const std::string utf8 = "{\"name\":\"Zo\xc3\xab\",\"city\":\"Z\xc3\xbcrich \xf0\x9f\x9a\x80\"}";
    BOOST_TEST(wh::sign_webhook(secret(), reference_id, reference_time, utf8) ==
               "v1,pEHj/i/mHfTvat9TTd4u0jZf9ZPJwcIw0+GrJAeQecM=");
    BOOST_TEST(wh::sign_webhook(secret(), reference_id, reference_time, "") ==
               "v1,v48jdbgvh29KJz2Qc+ghw8G6vG3nAKnujWBg8oM/62A=");
    for (std::string_view body : {std::string_view(utf8), std::string_view()}) {
        const std::string signature = wh::sign_webhook(secret(), reference_id, now(), body);
        BOOST_TEST(!wh::verify_webhook(secret(), reference_id, unix_seconds(now()), signature, body));
    }
}

BOOST_AUTO_TEST_CASE(secrets_are_read_padded_or_not_with_or_without_prefix) {
    // The reference tests' secrets that need one and two padding characters.
    for (std::string_view unpadded : {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBr"}) {
        const std::string padded = std::string(unpadded) + std::string((4 - unpadded.size() % 4) % 4, '=');
        const wh::webhook_secret a{unpadded}, b{padded}, c{"whsec_" + std::string(unpadded)};
        BOOST_TEST(a.bytes().size() == unpadded.size() * 3 / 4);
        BOOST_TEST(a.bytes() == b.bytes());
        BOOST_TEST(a.bytes() == c.bytes());
        BOOST_TEST(wh::webhook_secret{a.text()}.bytes() == a.bytes());
    }
    BOOST_TEST(wh::webhook_secret{reference_secret}.bytes().size() == 24u);
}

BOOST_AUTO_TEST_CASE(a_delivery_signed_now_verifies_and_one_off_by_more_than_the_tolerance_does_not) {
    BOOST_TEST(!verify_signed_at(now()));
    BOOST_TEST(!verify_signed_at(now() - 4min));
    BOOST_TEST(!verify_signed_at(now() + 4min));
    BOOST_TEST(verify_signed_at(now() - 5min - 2s) == wh::errc::webhook_timestamp_out_of_tolerance);
    BOOST_TEST(verify_signed_at(now() + 5min + 2s) == wh::errc::webhook_timestamp_out_of_tolerance);
    // A tolerance of the caller's.
    const std::chrono::sys_seconds hour_ago = now() - 1h;
    const std::string signature = wh::sign_webhook(secret(), reference_id, hour_ago, reference_body);
    BOOST_TEST(!wh::verify_webhook(secret(), reference_id, unix_seconds(hour_ago), signature, reference_body, 2h));
    BOOST_TEST(wh::verify_webhook(secret(), reference_id, unix_seconds(hour_ago), signature, reference_body, 30min) ==
               wh::errc::webhook_timestamp_out_of_tolerance);
}

BOOST_AUTO_TEST_CASE(a_tampered_body_another_secret_or_another_id_does_not_verify) {
    const std::string timestamp = unix_seconds(now());
    const std::string signature = wh::sign_webhook(secret(), reference_id, now(), reference_body);
    BOOST_TEST(wh::verify_webhook(secret(), reference_id, timestamp, signature, R"({"test": 2432232315})") ==
               wh::errc::no_matching_signature);
    BOOST_TEST(wh::verify_webhook(wh::webhook_secret::generate(), reference_id, timestamp, signature,
                                  reference_body) == wh::errc::no_matching_signature);
    BOOST_TEST(wh::verify_webhook(secret(), "msg_another", timestamp, signature, reference_body) ==
               wh::errc::no_matching_signature);
    // The signature covers the timestamp too: a replay with a fresh one fails.
    BOOST_TEST(wh::verify_webhook(secret(), reference_id, unix_seconds(now() - 10s), signature, reference_body) ==
               wh::errc::no_matching_signature);
}

BOOST_AUTO_TEST_CASE(any_v1_signature_of_the_list_may_match_and_other_versions_are_ignored) {
    const std::string timestamp = unix_seconds(now());
    const std::string right = wh::sign_webhook(secret(), reference_id, now(), reference_body);
    const std::string old = wh::sign_webhook(wh::webhook_secret::generate(), reference_id, now(), reference_body);
    // A rotation: the old secret's signature first, the receiver's second.
    BOOST_TEST(!wh::verify_webhook(secret(), reference_id, timestamp, old + " " + right, reference_body));
    BOOST_TEST(wh::verify_webhook(secret(), reference_id, timestamp, old, reference_body) ==
               wh::errc::no_matching_signature);
    // The reference tests' list: bad v1, a v2, the valid one, bad v1 again.
    const std::string list = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= " +
                             right + " v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
    BOOST_TEST(!wh::verify_webhook(secret(), reference_id, timestamp, list, reference_body));
    // The right digest under another version is not a v1 signature.
    BOOST_TEST(wh::verify_webhook(secret(), reference_id, timestamp, "v2," + right.substr(3), reference_body) ==
               wh::errc::no_matching_signature);
}

BOOST_AUTO_TEST_CASE(a_timestamp_that_is_not_unix_seconds_is_malformed) {
    const std::string signature = wh::sign_webhook(secret(), reference_id, now(), reference_body);
    for (std::string_view timestamp : {"hello", "-5", "+1614265330", "1614265330.5", "1e9", " 1614265330",
                                       "99999999999999999999999"})
        BOOST_TEST(wh::verify_webhook(secret(), reference_id, timestamp, signature, reference_body) ==
                       wh::errc::malformed_webhook_timestamp,
                   timestamp);
}

BOOST_AUTO_TEST_CASE(a_missing_header_is_named_as_such) {
    const std::string timestamp = unix_seconds(now());
    const std::string signature = wh::sign_webhook(secret(), reference_id, now(), reference_body);
    BOOST_TEST(wh::verify_webhook(secret(), "", timestamp, signature, reference_body) == wh::errc::missing_webhook_header);
    BOOST_TEST(wh::verify_webhook(secret(), reference_id, "", signature, reference_body) ==
               wh::errc::missing_webhook_header);
    BOOST_TEST(wh::verify_webhook(secret(), reference_id, timestamp, "", reference_body) ==
               wh::errc::missing_webhook_header);
}

// Each failure has a code of its own, and words for a log.
BOOST_AUTO_TEST_CASE(each_failure_has_its_own_code_and_message) {
    const wh::errc codes[] = {wh::errc::missing_webhook_header, wh::errc::malformed_webhook_timestamp,
                              wh::errc::webhook_timestamp_out_of_tolerance, wh::errc::no_matching_signature};
    for (std::size_t i = 0; i < std::size(codes); ++i) {
        const boost::system::error_code ec = codes[i];
        BOOST_TEST(ec.category().name() == std::string("webhooksio"));
        BOOST_TEST(ec.message() != "unknown webhooksio error");
        for (std::size_t j = 0; j < i; ++j) BOOST_TEST(ec.message() != make_error_code(codes[j]).message());
    }
}

// What verify_webhook takes as headers: ranges of name/value pairs or of
// Beast-like fields, and nothing else (the overload with the three values
// then reports the mistake).
static_assert(wh::webhook_headers<httplib::Headers> && wh::webhook_headers<boost::beast::http::fields> &&
              wh::webhook_headers<wh::http_headers> && wh::webhook_headers<std::map<std::string, std::string>>);
static_assert(!wh::webhook_headers<int> && !wh::webhook_headers<std::string> &&
              !wh::webhook_headers<std::vector<int>>);

// A request's headers, as httplib, Beast and this library hold them, names
// in any case: verifying is one line.
BOOST_AUTO_TEST_CASE(the_headers_of_a_request_verify_in_one_call) {
    const std::string timestamp = unix_seconds(now());
    const std::string signature = wh::sign_webhook(secret(), reference_id, now(), reference_body);

    httplib::Headers from_httplib{{"Content-Type", "application/json"},
                                  {"Webhook-Id", std::string(reference_id)},
                                  {"WEBHOOK-TIMESTAMP", timestamp},
                                  {"webhook-signature", signature}};
    BOOST_TEST(!wh::verify_webhook(secret(), from_httplib, reference_body));

    boost::beast::http::fields from_beast;
    from_beast.set("webhook-id", reference_id);
    from_beast.set("Webhook-Timestamp", timestamp);
    from_beast.set("Webhook-Signature", signature);
    BOOST_TEST(!wh::verify_webhook(secret(), from_beast, reference_body));

    wh::http_headers ours{{"webhook-id", std::string(reference_id)}, {"webhook-timestamp", timestamp},
                          {"webhook-signature", signature}};
    BOOST_TEST(!wh::verify_webhook(secret(), ours, reference_body));
    BOOST_TEST(wh::verify_webhook(secret(), ours, "tampered") == wh::errc::no_matching_signature);
    ours.pop_back();
    BOOST_TEST(wh::verify_webhook(secret(), ours, reference_body) == wh::errc::missing_webhook_header);

    const std::map<std::string, std::string> none;
    BOOST_TEST(wh::verify_webhook(secret(), none, reference_body) == wh::errc::missing_webhook_header);
}

BOOST_AUTO_TEST_CASE(a_generated_secret_is_32_random_bytes_that_round_trip_through_its_text) {
    const wh::webhook_secret a = wh::webhook_secret::generate(), b = wh::webhook_secret::generate();
    BOOST_TEST(a.bytes().size() == 32u);
    BOOST_TEST(a.bytes() != b.bytes());
    BOOST_TEST(a.text().starts_with("whsec_"));
    BOOST_TEST(wh::webhook_secret{a.text()}.bytes() == a.bytes());
}

// An empty secret or one that is not base64 is refused with words that
// never quote it.
BOOST_AUTO_TEST_CASE(a_bad_secret_is_refused_without_being_quoted) {
    for (std::string_view bad : {"", "whsec_", "hunter2-is-not=base64", "whsec_c2VjcmV0 c2VjcmV0", "whsec_A",
                                 "c2VjcmV0\n", "c2Vj=cmV0"}) {
        const wh::error e = expect_throw<wh::usage_error>([&] { wh::webhook_secret{bad}; });
        BOOST_TEST((e == wh::errc::usage));
        BOOST_TEST(e.what().find("signing secret") != std::string::npos, e.what());
        const std::string body(bad.starts_with("whsec_") ? bad.substr(6) : bad);
        if (!body.empty()) BOOST_TEST(e.what().find(body) == std::string::npos, e.what());
    }
}
