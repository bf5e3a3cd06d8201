// webhooksio-emulator: the local Webhooks.io emulator as a program.
//
//   webhooksio-emulator [--port N] [--host ADDRESS] [--data FILE]
//
// Serves until SIGINT or SIGTERM, then stops cleanly. With --data the state
// is kept in FILE across restarts.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include <webhooksio/emulator.hpp>

namespace {

int usage() {
    std::cerr << "usage: webhooksio-emulator [--port N] [--host ADDRESS] [--data FILE]\n"
                 "  --port  the port to listen on (default 8080; 0 picks a free one)\n"
                 "  --host  the address to listen on (default 127.0.0.1)\n"
                 "  --data  keep the state in FILE across restarts\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    webhooksio::emulator_options options{.port = 8080};
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (flag == "--help" || flag == "-h") return usage(), 0;
        if (i + 1 >= argc) return usage();
        const std::string value = argv[++i];
        if (flag == "--port") {
            try {
                options.port = std::stoi(value);
            } catch (const std::exception&) {
                return usage();
            }
            if (options.port < 0 || options.port > 65535) return usage();
        } else if (flag == "--host") {
            options.host = value;
        } else if (flag == "--data") {
            options.data_file = value;
        } else {
            return usage();
        }
    }

    // Every thread the emulator starts inherits this mask, so the signals
    // come to sigwait below and the emulator is stopped by its destructor.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    try {
        webhooksio::emulator emulator(options);
        std::cout << "webhooksio-emulator listening on " << emulator.base_url()
                  << (options.data_file.empty() ? std::string() : ", state in " + options.data_file.string())
                  << std::endl;
        int received = 0;
        sigwait(&stop_signals, &received);
        std::cout << "stopping" << std::endl;
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
