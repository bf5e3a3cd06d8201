// The umbrella header: the whole library.
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
#include "retry.hpp"
#include "transport.hpp"
#include "url.hpp"
#include "testing/recording_transport.hpp"
#include "testing/server_thread.hpp"
#include "version.hpp"
