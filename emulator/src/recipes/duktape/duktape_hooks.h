// What our duk_config.h asks of the engine's embedder (see ../CMakeLists.txt).
#pragma once

// DUK_USE_EXEC_TIMEOUT_CHECK: true when the run must stop; recipe_engine.cpp.
int webhooksio_recipe_time_is_up(void* udata);

// The collections to try before a refused allocation fails (Duktape's
// retry loop, patched): `limit` while the run has time left, none after.
int webhooksio_recipe_collections(void* udata, int limit);
