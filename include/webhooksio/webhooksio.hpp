// The umbrella header: the whole client. (The emulator is a library of its
// own, <webhooksio/emulator.hpp>; test helpers are included one by one.)
#pragma once

#include "api.hpp"
#include "async.hpp"
#include "client.hpp"
#include "client_options.hpp"
#include "endpoint.hpp"
#include "error.hpp"
#include "hooks.hpp"
#include "httplib_transport.hpp"
#include "ids.hpp"
#include "options.hpp"
#include "redaction.hpp"
#include "reflection.hpp"
#include "retry.hpp"
#include "transport.hpp"
#include "url.hpp"
#include "testing/recording_transport.hpp"
#include "version.hpp"
