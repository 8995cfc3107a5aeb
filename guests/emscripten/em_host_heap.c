/*
 * An Emscripten guest built with -sMALLOC=none: it has no allocator, so malloc, free and realloc become imports from
 * env, served by the host heap. Emscripten's own libc (strlen, memcpy, strdup...) is still linked in.
 */
#include <stdlib.h>
#include <string.h>

#include <emscripten/heap.h>

/* Generated from IEmscriptenGuest (tests/WasmMarshal.Tests/Runtime/HostHeapTests.cs) by the .NET build. */
#include "IEmscriptenGuest.h"

wm_str to_upper(const char *s, size_t len) {
    if (s == NULL) return (wm_str){NULL, 0};
    char *out = malloc(len ? len : 1);
    if (out == NULL) __builtin_trap();
    for (size_t i = 0; i < len; i++) out[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
    return (wm_str){out, len};
}

wm_str greet(const char *name, size_t len) {
    static const char prefix[] = "Hello from Emscripten, ";
    size_t n = strlen(prefix);
    char *out = malloc(n + len + 1);
    if (out == NULL) __builtin_trap();
    memcpy(out, prefix, n);
    memcpy(out + n, name, len);
    out[n + len] = '!';
    return (wm_str){out, n + len + 1};
}

int64_t sum_i32(const int32_t *p, size_t count) {
    int64_t sum = 0;
    for (size_t i = 0; i < count; i++) sum += p[i];
    return sum;
}

wm_slice squares(int32_t n) {
    int32_t *buf = NULL;
    for (int32_t i = 0; i < n; i++) {
        buf = realloc(buf, (size_t)(i + 1) * sizeof(int32_t));
        if (buf == NULL) __builtin_trap();
        buf[i] = i * i;
    }
    return (wm_slice){buf, (size_t)(n > 0 ? n : 0)};
}

/* Grows memory the Emscripten way, which then calls the import env.emscripten_notify_memory_growth. Returns the new
   size in pages, or -1. */
int32_t grow_pages(int32_t pages) {
    size_t current = __builtin_wasm_memory_size(0) * 65536;
    if (!emscripten_resize_heap(current + (size_t)pages * 65536)) return -1;
    return (int32_t)__builtin_wasm_memory_size(0);
}
