/*
 * hostile.c: a guest that misbehaves on purpose (hostile.wasm), for tests/WasmMarshal.Tests/Reliability. Each export
 * is one way a guest can hurt its host: loop forever, return pointers and lengths that lie, grow memory until it can
 * grow no more, hand the host negative lengths, send text that is not valid in its encoding, trap with arguments in
 * flight. The C# side is tests/WasmMarshal.Tests/Reliability/HostileInterfaces.cs.
 *
 * The module's memory is capped at 16 MiB (256 pages) so that growing to the limit is cheap; everything else is as in
 * the other wasi-libc guests (malloc and free exported, no WASI imports).
 */
/* guest-exports: -Wl,--export=malloc,--export=free -Wl,--max-memory=16777216 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "wasm_marshal.h"

#define FNV32_OFFSET 2166136261u
#define FNV32_PRIME 16777619u
#define FNV64_OFFSET 14695981039346656037ull
#define FNV64_PRIME 1099511628211ull

static uint32_t fnv32(const uint8_t *p, size_t len) {
    uint32_t h = FNV32_OFFSET;
    for (size_t i = 0; i < len; i++) h = (h ^ p[i]) * FNV32_PRIME;
    return h;
}

static uint64_t fnv64(const uint8_t *p, size_t len) {
    uint64_t h = FNV64_OFFSET;
    for (size_t i = 0; i < len; i++) h = (h ^ p[i]) * FNV64_PRIME;
    return h;
}

/* ================= a counting allocator, so that tests can see the guest heap return to its baseline ================= */

static int32_t live_blocks;
static uint32_t live_bytes;

/* malloc and free with a count of live blocks and their usable bytes. The tests pass these to the host as the guest's
   allocator (GuestAllocatorSource.Malloc("counted_malloc", "counted_free")), and every buffer this file returns comes
   from counted_malloc too. */
WM_EXPORT("counted_malloc") void *counted_malloc(size_t size) {
    void *p = malloc(size);
    if (p) {
        live_blocks++;
        live_bytes += (uint32_t)malloc_usable_size(p);
    }
    return p;
}

WM_EXPORT("counted_free") void counted_free(void *p) {
    if (!p) return;
    live_blocks--;
    live_bytes -= (uint32_t)malloc_usable_size(p);
    free(p);
}

WM_EXPORT("heap_live_blocks") int32_t heap_live_blocks(void) { return live_blocks; }
WM_EXPORT("heap_live_bytes") uint32_t heap_live_bytes(void) { return live_bytes; }

/* ================= imports from the host (module "env"), declared with signed lengths on purpose ================= */

/* C#: void Log(string message). The length is an int32_t here: -1 arrives as 0xFFFFFFFF. */
WM_IMPORT("env", "log") void host_log(const char *msg, int32_t len);
/* C#: void LogUtf16([WasmString(Utf16)] string message). */
WM_IMPORT("env", "log_utf16") void host_log_utf16(const uint16_t *msg, int32_t units);
/* C#: long Sum(ReadOnlySpan<int> values). */
WM_IMPORT("env", "sum") int64_t host_sum(const int32_t *values, int32_t count);
/* C#: byte[] Make(int count). The host decides what a negative count means. */
WM_IMPORT("env", "make") wm_slice host_make(int32_t count);
/* C#: void Visit(Span<byte> buffer). The host may call back into this guest from here. */
WM_IMPORT("env", "visit") void host_visit(uint8_t *buffer, size_t len);

/* ================= exports: never returning ================= */

static volatile uint32_t spins;

/* Loops forever: only fuel or an epoch deadline stops it. */
WM_EXPORT("spin") void spin(void) {
    for (;;) spins++;
}

/* Reads its argument (so it is really in memory), then loops forever. */
WM_EXPORT("spin_with") uint32_t spin_with(const char *s, size_t len) {
    uint32_t h = fnv32((const uint8_t *)s, len);
    for (;;) spins += h;
}

/* Counts to n and returns n: a loop that ends, for fuel budgets that suffice. */
WM_EXPORT("count_to") uint32_t count_to(uint32_t n) {
    for (uint32_t i = 0; i < n; i++) spins++;
    return n;
}

/* ================= exports: traps with arguments in flight ================= */

/* Hashes both arguments and mallocs a scratch buffer of its own, then traps halfway through. */
WM_EXPORT("trap_midway") uint32_t trap_midway(const char *s, size_t len, const uint8_t *p, size_t plen) {
    uint32_t h = fnv32((const uint8_t *)s, len) ^ fnv32(p, plen);
    uint8_t *scratch = counted_malloc(plen + 1);
    if (scratch) scratch[0] = (uint8_t)h;
    __builtin_trap();
}

WM_EXPORT("do_trap") void do_trap(void) { __builtin_trap(); }

/* ================= exports: results that lie ================= */

/* Each returns exactly the pointer and length the host asked for: out of bounds, wrapping past 2^32, NULL with a
   non-zero length, longer than memory. */
WM_EXPORT("lying_str") wm_str lying_str(uint32_t ptr, uint32_t len) {
    return (wm_str){(const char *)(uintptr_t)ptr, (size_t)len};
}

WM_EXPORT("lying_str16") wm_str16 lying_str16(uint32_t ptr, uint32_t units) {
    return (wm_str16){(const uint16_t *)(uintptr_t)ptr, (size_t)units};
}

WM_EXPORT("lying_slice") wm_slice lying_slice(uint32_t ptr, uint32_t count) {
    return (wm_slice){(void *)(uintptr_t)ptr, (size_t)count};
}

/* A real malloc'd buffer of 16 bytes, returned with a length of 0x7FFFFFF0: the pointer is fine, the length is not. */
WM_EXPORT("str_with_garbage_length") wm_str str_with_garbage_length(void) {
    char *p = counted_malloc(16);
    if (p) memcpy(p, "sixteen bytes!!!", 16);
    return (wm_str){p, 0x7FFFFFF0u};
}

/* A real malloc'd array of 4 int32 whose count makes count * 4 wrap to 16 in 32 bits (0x40000004 * 4 = 2^32 + 16). */
WM_EXPORT("slice_with_wrapping_count") wm_slice slice_with_wrapping_count(void) {
    int32_t *p = counted_malloc(4 * sizeof(int32_t));
    if (p) for (int32_t i = 0; i < 4; i++) p[i] = i;
    return (wm_slice){p, 0x40000004u};
}

/* A malloc'd UTF-8 string holding an overlong encoding of '/' (0xC0 0xAF) between valid bytes. */
WM_EXPORT("invalid_utf8") wm_str invalid_utf8(void) {
    static const uint8_t bytes[] = {'o', 'k', 0xC0, 0xAF, '!'};
    char *p = counted_malloc(sizeof bytes);
    if (p) memcpy(p, bytes, sizeof bytes);
    return (wm_str){p, sizeof bytes};
}

/* A malloc'd UTF-16 string whose middle code unit is a lone high surrogate. */
WM_EXPORT("unpaired_utf16") wm_str16 unpaired_utf16(void) {
    static const uint16_t units[] = {0x0041, 0xD800, 0x0042};
    uint16_t *p = counted_malloc(sizeof units);
    if (p) memcpy(p, units, sizeof units);
    return (wm_str16){p, 3};
}

/* ================= exports: memory ================= */

/* Grows memory until memory.grow fails (big steps first, then smaller ones) and returns the final page count. */
WM_EXPORT("grow_until_full") int32_t grow_until_full(void) {
    for (size_t step = 1024; step > 0; step /= 2) {
        while (__builtin_wasm_memory_grow(0, step) != (size_t)-1) {
        }
    }
    return (int32_t)__builtin_wasm_memory_size(0);
}

WM_EXPORT("grow") int32_t grow(int32_t pages) { return (int32_t)__builtin_wasm_memory_grow(0, (size_t)(uint32_t)pages); }
WM_EXPORT("memory_pages") int32_t memory_pages(void) { return (int32_t)__builtin_wasm_memory_size(0); }

/* How many blocks of `size` bytes malloc hands out before it returns NULL; frees them all again. The blocks are
   chained through their first word. */
WM_EXPORT("malloc_until_null") int32_t malloc_until_null(uint32_t size) {
    if (size < sizeof(void *)) size = sizeof(void *);
    void *head = NULL;
    int32_t count = 0;
    for (;;) {
        void **block = counted_malloc(size);
        if (!block) break;
        *block = head;
        head = block;
        count++;
    }
    while (head) {
        void *next = *(void **)head;
        counted_free(head);
        head = next;
    }
    return count;
}

/* ================= exports: plain work, to show the guest still works (or is refused) after a fault ================= */

WM_EXPORT("take") uint32_t take(const char *s, size_t len) { return fnv32((const uint8_t *)s, len); }

WM_EXPORT("take2") uint32_t take2(const char *a, size_t alen, const char *b, size_t blen) {
    return fnv32((const uint8_t *)a, alen) ^ (fnv32((const uint8_t *)b, blen) * 3u);
}

WM_EXPORT("checksum") uint64_t checksum(const uint8_t *p, size_t len) { return fnv64(p, len); }

/* ================= exports: calling the host with hostile arguments ================= */

static const char greeting[] = "hello from the hostile guest";

/* host_log(greeting + offset, len) with whatever len the host chose, -1 included. */
WM_EXPORT("call_log") void call_log(int32_t len) { host_log(greeting, len); }

/* host_log((const char *)ptr, len) with both chosen by the host. */
WM_EXPORT("call_log_raw") void call_log_raw(uint32_t ptr, int32_t len) { host_log((const char *)(uintptr_t)ptr, len); }

/* host_log_utf16 of A, a lone high surrogate, B. */
WM_EXPORT("call_log_unpaired_utf16") void call_log_unpaired_utf16(void) {
    static const uint16_t units[] = {0x0041, 0xD800, 0x0042};
    host_log_utf16(units, 3);
}

/* host_sum of a static array of 4 values {1, 2, 3, 4}, with whatever count the host chose. */
WM_EXPORT("call_sum") int64_t call_sum(int32_t count) {
    static const int32_t values[4] = {1, 2, 3, 4};
    return host_sum(values, count);
}

/* Calls host_make(count) `times` times, freeing each result itself (the buffer is the guest's, see docs/guests/c.md),
   and returns the FNV-1a 64 of all the bytes it received. */
WM_EXPORT("call_make") uint64_t call_make(int32_t count, int32_t times) {
    uint64_t h = FNV64_OFFSET;
    for (int32_t t = 0; t < times; t++) {
        wm_slice s = host_make(count);
        const uint8_t *p = s.ptr;
        for (size_t i = 0; i < s.count; i++) h = (h ^ p[i]) * FNV64_PRIME;
        counted_free(s.ptr);
    }
    return h;
}

/* mallocs len bytes filled with i * 7 + 1, lets the host visit (and rewrite) them, and returns the FNV-1a 64 of what
   the buffer holds afterwards. The guest's pointer stays valid if the host grows memory meanwhile. */
WM_EXPORT("visit") uint64_t visit(uint32_t len) {
    uint8_t *buf = counted_malloc(len ? len : 1);
    if (!buf) __builtin_trap();
    for (uint32_t i = 0; i < len; i++) buf[i] = (uint8_t)(i * 7u + 1u);
    host_visit(buf, len);
    uint64_t h = fnv64(buf, len);
    counted_free(buf);
    return h;
}
