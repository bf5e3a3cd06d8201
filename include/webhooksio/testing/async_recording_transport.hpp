// The recording transport (recording_transport.hpp) for the asynchronous
// client: it records every request and answers from the same script, each
// answer completing on the transport's executor, never inside async_send.
// Copies share one record:
//
//   webhooksio::testing::async_recording_transport wire(io.get_executor());
//   wire.record().respond({.status = 200, .body = R"({"id":"BU1"})"});
//   webhooksio::basic_asio_client<webhooksio::testing::async_recording_transport> api{io.get_executor(), "KEY", {}, wire};
#pragma once

#include <utility>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>

#include "../asio/async_transport.hpp"
#include "../client_options.hpp"
#include "recording_transport.hpp"

namespace webhooksio::testing {

class async_recording_transport {
public:
    using executor_type = boost::asio::any_io_executor;

    explicit async_recording_transport(executor_type executor, recording_transport record = {})
        : executor_(std::move(executor)), record_(std::move(record)) {}
    // Lets basic_asio_client<async_recording_transport> be built from options alone.
    async_recording_transport(executor_type executor, const client_options&)
        : async_recording_transport(std::move(executor)) {}

    executor_type get_executor() const noexcept { return executor_; }

    // The script and the requests: respond(), fail(), requests().
    recording_transport& record() noexcept { return record_; }

    template <boost::asio::completion_token_for<send_signature> Token>
    auto async_send(const http_request& request, Token&& token) {
        return boost::asio::async_initiate<Token, send_signature>(
            [this](auto handler, const http_request& request) {
                result<http_response> answer = record_.send(request);
                boost::system::error_code ec;
                http_response response;
                if (answer) response = std::move(*answer);
                else ec = answer.error();
                boost::asio::post(executor_, boost::asio::append(std::move(handler), ec, std::move(response)));
            },
            token, request);
    }

private:
    executor_type executor_;
    recording_transport record_;
};

static_assert(async_transport<async_recording_transport>);

}  // namespace webhooksio::testing
