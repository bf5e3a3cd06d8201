// What our duk_config.h asks of the engine's embedder (see ../CMakeLists.txt).
#pragma once

// DUK_USE_EXEC_TIMEOUT_CHECK: true when the run must stop; recipe_engine.cpp.
int webhooksio_recipe_time_is_up(void* udata);
