// A user's test program with the emulator library: it starts an emulator
// on 127.0.0.1 and makes a call to it. The consumption tests build it with
// find_package and add_subdirectory, then run it.
#include <webhooksio/emulator.hpp>
#include <webhooksio/webhooksio.hpp>

#include <iostream>

int main() {
    webhooksio::emulator local;
    webhooksio::client api{"none", {.base_url = local.base_url()}};
    const boost::json::value health = api.health_check();
    const bool healthy = health.at("status") == "ok";
    std::cout << "emulator at " << local.base_url() << ": health " << (healthy ? "ok" : "WRONG") << '\n';
    return healthy ? 0 : 1;
}
