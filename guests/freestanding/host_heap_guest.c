/*
 * A freestanding guest (no libc, no allocator of its own) laid out the way Zig's wasm32-freestanding is: stack first,
 * then static data. All of its heap comes from the host through imports: env.malloc, env.free, env.calloc,
 * env.realloc and env.aligned_alloc, served by WasmMarshal's host heap.
 */
/* Generated from IFreestandingGuest (tests/WasmMarshal.Tests/Runtime/HostHeapTests.cs) by the .NET build. */
#include "IFreestandingGuest.h"

WM_IMPORT("env", "malloc") void *malloc(size_t size);
WM_IMPORT("env", "free") void free(void *ptr);
WM_IMPORT("env", "calloc") void *calloc(size_t count, size_t size);
WM_IMPORT("env", "realloc") void *realloc(void *ptr, size_t size);
WM_IMPORT("env", "aligned_alloc") void *aligned_alloc(size_t alignment, size_t size);

static const char greeting_prefix[] = "Hello from freestanding C, ";

static void copy(char *dst, const char *src, size_t n) {
    for (size_t i = 0; i < n; i++) dst[i] = src[i];
}

uint32_t fnv1a32(const char *s, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

wm_str to_upper(const char *s, size_t len) {
    if (s == NULL) return (wm_str){NULL, 0};
    char *out = malloc(len ? len : 1);
    if (out == NULL) __builtin_trap();
    for (size_t i = 0; i < len; i++) out[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
    return (wm_str){out, len};
}

wm_str greet(const char *name, size_t len) {
    size_t prefix = sizeof(greeting_prefix) - 1;
    char *out = malloc(prefix + len + 1);
    if (out == NULL) __builtin_trap();
    copy(out, greeting_prefix, prefix);
    copy(out + prefix, name, len);
    out[prefix + len] = '!';
    return (wm_str){out, prefix + len + 1};
}

int64_t sum_i32(const int32_t *p, size_t count) {
    int64_t sum = 0;
    for (size_t i = 0; i < count; i++) sum += p[i];
    return sum;
}

/* Builds [0, 1, 4, 9, ...] by growing one buffer with realloc, one element at a time. */
wm_slice squares(int32_t n) {
    int32_t *buf = NULL;
    for (int32_t i = 0; i < n; i++) {
        buf = realloc(buf, (size_t)(i + 1) * sizeof(int32_t));
        if (buf == NULL) __builtin_trap();
        buf[i] = i * i;
    }
    return (wm_slice){buf, (size_t)(n > 0 ? n : 0)};
}

/* Returns 1 when calloc memory is zeroed, after dirtying and freeing the same size first. */
int32_t calloc_zeroes(uint32_t size) {
    uint8_t *dirty = malloc(size);
    if (dirty == NULL) return -1;
    for (uint32_t i = 0; i < size; i++) dirty[i] = 0xAB;
    free(dirty);
    uint8_t *clean = calloc(size, 1);
    if (clean == NULL) return -1;
    int32_t ok = 1;
    for (uint32_t i = 0; i < size; i++) ok &= clean[i] == 0;
    free(clean);
    return ok;
}

/* Returns the address aligned_alloc gave, so the host can check its alignment; the block is freed. */
uint32_t aligned_address(uint32_t alignment, uint32_t size) {
    void *p = aligned_alloc(alignment, size);
    uint32_t address = (uint32_t)(uintptr_t)p;
    free(p);
    return address;
}

/* A recursive function with a large frame: with the stack first, overflowing it traps instead of corrupting data. */
uint32_t deep(uint32_t depth) {
    volatile uint8_t frame[1024];
    frame[depth % 1024] = (uint8_t)depth;
    return depth == 0 ? frame[0] : deep(depth - 1) + frame[depth % 1024];
}

/* The address of a static, for layout checks: with --stack-first, data lies above the stack. */
uint32_t data_address(void) { return (uint32_t)(uintptr_t)greeting_prefix; }
