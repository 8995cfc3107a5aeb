/*
 * wasm_marshal.h: the C side of the WasmMarshal ABI (see docs/abi.md).
 *
 * Strings and spans arrive as two parameters: a pointer and a length. Strings, spans and structs that a function
 * returns come back through these small structs, which clang returns through a caller-provided return area (the
 * first i32 parameter of the core function), exactly as the wasm32 C ABI says.
 *
 * Ownership: buffers the host passes in belong to the host and are freed by it after the call. Buffers a guest
 * returns must come from the guest's own malloc; the host copies them and then calls free.
 */
#ifndef WASM_MARSHAL_H
#define WASM_MARSHAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WM_EXPORT(name) __attribute__((export_name(name)))
#define WM_IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

/* UTF-8 or Latin-1 text: len is in bytes. ptr == NULL means a null string; an empty string has ptr != NULL. */
typedef struct { const char *ptr; size_t len; } wm_str;

/* UTF-16 text: len is in 16-bit code units. */
typedef struct { const uint16_t *ptr; size_t len; } wm_str16;

/* An array of elements: count is in elements, not bytes. {NULL, 0} is the empty array. */
typedef struct { void *ptr; size_t count; } wm_slice;

#endif
