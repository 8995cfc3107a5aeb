/*
 * hostile_returns.c: results that are not the guest heap's to give (hostile_returns.wasm), for the round-two
 * reliability tests (tests/WasmMarshal.Tests/Reliability/ReturnedPointerTests.cs). Under the ABI a returned string or
 * array is a new block from the guest's heap that the host frees after copying; each export here breaks that in a way
 * C code really does: handing back its own argument, a pointer into static data, the return area itself, or part of
 * an argument. It also spins forever after telling the host it started, for Dispose from another thread during a
 * call.
 */
#include <stdlib.h>
#include <string.h>

#include "wasm_marshal.h"

static const char static_text[] = "static text";

/* The common C bug: return the argument instead of a copy. */
WM_EXPORT("echo_alias") wm_str echo_alias(const char *s, size_t len) { return (wm_str){s, len}; }

/* A string literal: static data, below __heap_base. */
WM_EXPORT("echo_static") wm_str echo_static(const char *s, size_t len) {
    (void)s;
    (void)len;
    return (wm_str){static_text, sizeof static_text - 1};
}

/* The same core signature as wm_str f(const char *, size_t): the result points at the return area itself. */
WM_EXPORT("echo_area") void echo_area(wm_str *ret, const char *s, size_t len) {
    (void)s;
    (void)len;
    ret->ptr = (const char *)ret;
    ret->len = sizeof *ret;
}

/* Part of the argument: an interior pointer into the host's buffer. */
WM_EXPORT("echo_tail") wm_str echo_tail(const char *s, size_t len) {
    return len > 2 ? (wm_str){s + 2, len - 2} : (wm_str){s, len};
}

/* A correct copy, for the control case. */
WM_EXPORT("echo_copy") wm_str echo_copy(const char *s, size_t len) {
    char *out = malloc(len ? len : 1);
    if (!out) __builtin_trap();
    memcpy(out, s, len);
    return (wm_str){out, len};
}

/* An array result that is the argument span. */
WM_EXPORT("slice_alias") wm_slice slice_alias(const int32_t *values, size_t count) {
    return (wm_slice){(void *)values, count};
}

/* bool bytes other than 0 and 1, in a returned bool[]. */
WM_EXPORT("odd_bools") wm_slice odd_bools(void) {
    uint8_t *p = malloc(4);
    if (!p) __builtin_trap();
    p[0] = 0;
    p[1] = 1;
    p[2] = 2;
    p[3] = 0xFF;
    return (wm_slice){p, 4};
}

/* A struct with three C bools, written with bytes a C bool never holds; the C# side declares bool fields. */
typedef struct {
    int32_t id;
    uint8_t flag, second, third;
} raw_flagged;

WM_EXPORT("odd_flagged") raw_flagged odd_flagged(void) { return (raw_flagged){7, 2, 0xFF, 1}; }

/* The same struct inside another, through an out parameter; and a bool by reference. */
typedef struct {
    raw_flagged inner;
    uint8_t last;
} raw_outer;

WM_EXPORT("odd_outer") void odd_outer(raw_outer *out) {
    out->inner = (raw_flagged){8, 0x80, 0, 3};
    out->last = 9;
}

WM_EXPORT("odd_bool") void odd_bool(uint8_t *value) { *value = 42; }

/* Tells the host it is running (a host function), then never returns: for Dispose from another thread mid-call. */
WM_IMPORT("env", "entered") void host_entered(void);

WM_EXPORT("enter_then_spin") void enter_then_spin(void) {
    host_entered();
    volatile uint32_t spins = 0;
    for (;;) spins++;
}
