// The umbrella header: the whole client. (The emulator is a library of its
// own, <webhooksio/emulator.hpp>; test helpers such as
// <webhooksio/testing/recording_transport.hpp> are included one by one.)
#pragma once

#include "api.hpp"
#include "client.hpp"
#include "client_options.hpp"
#include "endpoint.hpp"
#include "error.hpp"
#include "hooks.hpp"
#include "http.hpp"
#include "http_syntax.hpp"
#include "httplib_transport.hpp"
#include "ids.hpp"
#include "model.hpp"
#include "options.hpp"
#include "redaction.hpp"
#include "reflection.hpp"
#include "response.hpp"
#include "result.hpp"
#include "retry.hpp"
#include "signature.hpp"
#include "tokens.hpp"
#include "transport.hpp"
#include "version.hpp"
