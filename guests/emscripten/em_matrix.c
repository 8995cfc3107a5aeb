/*
 * Toolchain matrix guest 4: Emscripten STANDALONE_WASM with Emscripten's own malloc (dlmalloc), exported as
 * malloc/free. Growing its heap calls env.emscripten_notify_memory_growth, which the runtime supplies.
 * The interface is in ../shared/matrix_guest.h.
 *
 * emcc-malloc: -sMALLOC=dlmalloc -sEXPORTED_FUNCTIONS=_malloc,_free
 */
#include <stdlib.h>

#define MATRIX_TOOLCHAIN "C (Emscripten)"
static void matrix_free(void *ptr) { free(ptr); }
#include "../shared/matrix_guest.h"
static void *matrix_alloc(size_t size) { return malloc(size); }
