/*
 * Toolchain matrix guest 3: freestanding C (no libc, stack first) whose malloc and free are imported from the host
 * heap (WasmGuestBuilder.WithHostHeapImports). The interface is in ../shared/matrix_guest.h.
 */
#include "wasm_marshal.h"

WM_IMPORT("env", "malloc") void *malloc(size_t size);
WM_IMPORT("env", "free") void free(void *ptr);

#define MATRIX_TOOLCHAIN "C (freestanding, host heap)"
static void matrix_free(void *ptr) { free(ptr); }
#include "../shared/matrix_guest.h"
static void *matrix_alloc(size_t size) { return malloc(size); }
