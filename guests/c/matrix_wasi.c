/*
 * Toolchain matrix guest 1: C with wasi-libc (clang --target=wasm32-wasi), whose malloc/free are wasi-libc's dlmalloc.
 * The interface is in ../shared/matrix_guest.h.
 */
#include <stdlib.h>

#define MATRIX_TOOLCHAIN "C (wasi-libc)"
static void matrix_free(void *ptr) { free(ptr); }
#include "../shared/matrix_guest.h"
static void *matrix_alloc(size_t size) { return malloc(size); }
