// Definitions for error.hpp.
#pragma once

namespace webhooksio {

[[noreturn]] WEBHOOKSIO_DECL void throw_error(error e) {
    switch (e.kind()) {
        case error_kind::usage: throw usage_error(std::move(e));
        case error_kind::transport: throw transport_error(std::move(e));
        case error_kind::status: throw status_error(std::move(e));
        case error_kind::decode: throw decode_error(std::move(e));
        case error_kind::none: break;
    }
    throw exception(std::move(e));
}

namespace detail {
WEBHOOKSIO_DECL std::exception_ptr exception_for(error e) {
    try {
        throw_error(std::move(e));
    } catch (...) {
        return std::current_exception();
    }
}
}  // namespace detail

}  // namespace webhooksio
