/* guest-exports: -Wl,--export=cabi_realloc */
/*
 * A guest that exports only the Component Model allocator, cabi_realloc, and no malloc/free: the runtime must pick
 * GuestAllocatorSource.CabiRealloc for it automatically.
 */
#include <stdlib.h>
#include <string.h>

/* Generated from ICabiGuest (tests/WasmMarshal.Tests/Runtime/AllocatorTests.cs) by the .NET build. */
#include "ICabiGuest.h"

/* The canonical ABI's allocator: realloc(0, 0, align, n) allocates. malloc aligns to 16 on wasi-libc, enough for
   every align the host asks for here (at most 8). */
WM_EXPORT("cabi_realloc") void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    (void)align;
    if (new_size == 0) return (void *)align;
    return realloc(old, new_size);
}

wm_str shout(const char *s, size_t len) {
    char *out = cabi_realloc(NULL, 0, 1, len + 1);
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        out[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    out[len] = '!';
    return (wm_str){out, len + 1};
}

int64_t total(const int32_t *p, size_t count) {
    int64_t sum = 0;
    for (size_t i = 0; i < count; i++) sum += p[i];
    return sum;
}
