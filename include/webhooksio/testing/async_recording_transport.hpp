// The recording transport (recording_transport.hpp) for the asynchronous
// client: it records every request and answers from the same script, each
// answer completing on the transport's executor, never inside async_send.
// An answer scripted with hang() never comes: that send completes only when
// cancelled through its token's cancellation slot, with
// boost::asio::error::operation_aborted (as the Beast transport's does), so a
// test can cancel a call deterministically. Copies share one record:
//
//   webhooksio::testing::async_recording_transport wire(io.get_executor());
//   wire.record().respond({.status = 200, .body = R"({"id":"BU1"})"});
//   webhooksio::basic_asio_client<webhooksio::testing::async_recording_transport> api{io.get_executor(), "KEY", {}, wire};
#pragma once

#include <memory>
#include <optional>
#include <utility>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>

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

    // The script and the requests: respond(), fail(), hang(), requests().
    recording_transport& record() noexcept { return record_; }

    template <boost::asio::completion_token_for<send_signature> Token>
    auto async_send(const http_request& request, Token&& token) {
        return boost::asio::async_initiate<Token, send_signature>(
            [this](auto handler, const http_request& request) {
                std::optional<result<http_response>> answer = record_.take(request);
                if (!answer) return hang(std::move(handler));
                boost::system::error_code ec;
                http_response response;
                if (*answer) response = std::move(**answer);
                else ec = answer->error();
                complete(std::move(handler), ec, std::move(response));
            },
            token, request);
    }

private:
    template <class Handler>
    static void complete(const executor_type& executor, Handler handler, boost::system::error_code ec,
                         http_response response) {
        boost::asio::post(executor, boost::asio::append(std::move(handler), ec, std::move(response)));
    }
    template <class Handler>
    void complete(Handler handler, boost::system::error_code ec, http_response response) {
        complete(executor_, std::move(handler), ec, std::move(response));
    }

    // Keeps the handler, and the executor busy as a socket read would, until
    // the cancellation slot fires (any type of cancellation). Without a slot
    // the send never completes: its handler is dropped.
    template <class Handler>
    void hang(Handler handler) {
        auto slot = boost::asio::get_associated_cancellation_slot(handler);
        if (!slot.is_connected()) return;
        struct waiting {
            std::optional<Handler> handler;
            executor_type work;  // outstanding work until the cancellation
        };
        auto pending = std::make_shared<waiting>(
            waiting{std::move(handler), boost::asio::prefer(executor_, boost::asio::execution::outstanding_work.tracked)});
        slot.assign([pending](boost::asio::cancellation_type) {
            if (!pending->handler) return;
            complete(pending->work, std::move(*pending->handler), boost::asio::error::operation_aborted, {});
            pending->handler.reset();
            pending->work = {};
        });
    }

    executor_type executor_;
    recording_transport record_;
};

static_assert(async_transport<async_recording_transport>);

}  // namespace webhooksio::testing
