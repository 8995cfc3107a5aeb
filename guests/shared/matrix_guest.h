/*
 * The C implementation of the toolchain matrix interface (IMatrixGuest / IMatrixHost in
 * tests/WasmMarshal.Tests/Toolchains/MatrixInterface.cs), shared by the wasi-libc, stack-first, host-heap and
 * Emscripten guests. Each includer defines MATRIX_TOOLCHAIN and provides matrix_alloc/matrix_free (its own allocator,
 * whatever it is), and nothing here needs libc.
 */
#ifndef MATRIX_GUEST_H
#define MATRIX_GUEST_H

#include "IMatrixGuest.h"
#include "IMatrixHost.h"

static void *matrix_alloc(size_t size);

static size_t matrix_strlen(const char *s) {
    size_t n = 0;
    while (s[n] != 0) n++;
    return n;
}

static char *matrix_append(char *to, const char *from, size_t n) {
    for (size_t i = 0; i < n; i++) to[i] = from[i];
    return to + n;
}

/* Returned strings come from the guest heap: the host frees them there after copying. */
static wm_str matrix_concat(const char *a, size_t a_len, const char *b, size_t b_len, const char *c, size_t c_len) {
    size_t len = a_len + b_len + c_len;
    char *out = matrix_alloc(len ? len : 1);
    if (out == NULL) __builtin_trap();
    matrix_append(matrix_append(matrix_append(out, a, a_len), b, b_len), c, c_len);
    return (wm_str){out, len};
}

wm_str toolchain(void) {
    return matrix_concat(MATRIX_TOOLCHAIN, matrix_strlen(MATRIX_TOOLCHAIN), "", 0, "", 0);
}

wm_str join(const char *left, size_t left_len, const char *right, size_t right_len) {
    return matrix_concat(left, left_len, " & ", 3, right, right_len);
}

void step(particle *p, float dt) {
    p->x += p->vx * dt;
    p->y += p->vy * dt;
    if (p->y < 0) {
        p->y = -p->y;
        p->vy = -p->vy;
        p->bounces++;
    }
}

int32_t prefix_sums(const int32_t *input, size_t input_count, int32_t *output, size_t output_count) {
    size_t n = input_count < output_count ? input_count : output_count;
    int32_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        sum += input[i];
        output[i] = sum;
    }
    return (int32_t)n;
}

/* The label's length in code points stands in for AssemblyScript's length in code units (the tests use BMP text). */
static int32_t matrix_code_points(const char *s, size_t len) {
    int32_t count = 0;
    for (size_t i = 0; i < len; i++) count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

void notify(const char *label, size_t label_len) {
    wm_str text = matrix_concat(label, label_len, "!", 1, "", 0);
    particle p = {1.5f, -2.0f, 0.25f, 8.0f, matrix_code_points(label, label_len)};
    host_observe(text.ptr, text.len, &p);
    matrix_free((void *)text.ptr);
}

/* Kept for the life of the instance: the point is that memory grows and stays grown. */
static unsigned char *matrix_kept[64];
static int matrix_kept_count;

int32_t grow(int32_t kib) {
    unsigned char *block = matrix_alloc((size_t)kib * 1024);
    if (block == NULL) return -1;
    for (size_t i = 0; i < (size_t)kib * 1024; i += 4096) block[i] = (unsigned char)i;
    if (matrix_kept_count < 64) matrix_kept[matrix_kept_count++] = block;
    return (int32_t)__builtin_wasm_memory_size(0);
}

#endif
