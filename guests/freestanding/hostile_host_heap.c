/*
 * hostile_host_heap.c: a freestanding guest whose whole heap is the host's (env.malloc/env.free served by
 * WasmMarshal's host heap), misbehaving with it (hostile_host_heap.wasm), for the round-two reliability tests
 * (tests/WasmMarshal.Tests/Reliability/RoundTwo/HostHeapAsGuestHeapTests.cs). Freeing memory it does not own or
 * returning memory that is not a heap block made the host heap's Free throw out of the stub's finally, skipping the
 * remaining frees and the arena's scope.
 */
#include "wasm_marshal.h"

WM_IMPORT("env", "malloc") void *malloc(size_t size);
WM_IMPORT("env", "free") void free(void *ptr);

static const char static_text[] = "static text";

static wm_str copy_of(const char *s, size_t len) {
    char *out = malloc(len ? len : 1);
    if (!out) __builtin_trap();
    for (size_t i = 0; i < len; i++) out[i] = s[i];
    return (wm_str){out, len};
}

/* Frees the host's argument buffer (not the guest's to free), then returns a proper copy. */
WM_EXPORT("free_arg_then_copy") wm_str free_arg_then_copy(const char *s, size_t len) {
    wm_str copy = copy_of(s, len);
    free((void *)s);
    return copy;
}

/* Returns its argument instead of a copy. */
WM_EXPORT("echo_alias") wm_str echo_alias(const char *s, size_t len) { return (wm_str){s, len}; }

/* Returns static data, which the host heap never allocated. */
WM_EXPORT("echo_static") wm_str echo_static(const char *s, size_t len) {
    (void)s;
    (void)len;
    return (wm_str){static_text, sizeof static_text - 1};
}

/* A block the host heap did allocate, but not at its start. */
WM_EXPORT("echo_interior") wm_str echo_interior(const char *s, size_t len) {
    char *block = malloc(len + 4);
    if (!block) __builtin_trap();
    for (size_t i = 0; i < len; i++) block[4 + i] = s[i];
    return (wm_str){block + 4, len};
}

/* The well-behaved control. */
WM_EXPORT("echo_copy") wm_str echo_copy(const char *s, size_t len) { return copy_of(s, len); }
