// Runs a call that must throw a given webhooksio exception type, for the
// Boost.Test suites.
#pragma once

#include <boost/test/unit_test.hpp>

#include <webhooksio/error.hpp>

namespace test_support {

// Runs `call`, which must throw Error; returns the error it carried.
template <class Error, class F>
webhooksio::error expect_throw(F&& call) {
    try {
        call();
    } catch (const Error& e) {
        return e.error();
    }
    BOOST_FAIL("the call did not throw the expected error type");
    return {};
}

}  // namespace test_support
