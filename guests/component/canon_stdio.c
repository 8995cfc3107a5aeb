/*
 * canon_stdio.c: a canonical-ABI guest for wit-stdio/stdio.wit that uses WASI through wasi-libc: printf to stdout,
 * getenv, fopen/fread. Built as a wasm32-wasi reactor (it imports wasi_snapshot_preview1), componentized with
 * `jco new --wasi-reactor`, which wraps it with the preview 1 adapter: the component then has two real core modules
 * (this one and the adapter) plus wit-component's shim and fixup. Legacy export names, signatures flattened by hand as
 * in canon_c.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define API "wasmmarshal:stdio/io@0.1.0#"
#define EXPORT(name) __attribute__((export_name(API name)))
#define POST(name) __attribute__((export_name("cabi_post_" API name)))

/* option<string> in memory: a discriminant byte, then (ptr, len) at offset 4; 12 bytes, 4-aligned. */
static _Alignas(4) uint8_t ret_area[12];

__attribute__((export_name("cabi_realloc"))) void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    if (align > 16) __builtin_trap();
    if (new_size == 0) {
        if (old_size != 0) free(old);
        return (void *)align;
    }
    void *p = realloc(old_size != 0 ? old : NULL, new_size);
    if (p == NULL) __builtin_trap();
    return p;
}

/* A NUL-terminated copy of a (ptr, len) argument, which the guest owns and frees. */
static char *cstring(uint8_t *ptr, size_t len) {
    char *s = malloc(len + 1);
    if (s == NULL) __builtin_trap();
    if (len) memcpy(s, ptr, len);
    s[len] = 0;
    if (len) free(ptr);
    return s;
}

static uint8_t *option_string(const char *s, size_t len) {
    memset(ret_area, 0, sizeof ret_area);
    if (s == NULL) return ret_area;
    uint8_t *copy = cabi_realloc(NULL, 0, 1, len);
    if (len) memcpy(copy, s, len);
    ret_area[0] = 1;
    *(uint8_t **)(ret_area + 4) = copy;
    *(size_t *)(ret_area + 8) = len;
    return ret_area;
}

EXPORT("print") int32_t io_print(uint8_t *ptr, size_t len) {
    char *s = cstring(ptr, len);
    int n = printf("%s\n", s);
    fflush(stdout);
    free(s);
    return n;
}

EXPORT("env") uint8_t *io_env(uint8_t *ptr, size_t len) {
    char *name = cstring(ptr, len);
    const char *value = getenv(name);
    free(name);
    return option_string(value, value ? strlen(value) : 0);
}

EXPORT("read-file") uint8_t *io_read_file(uint8_t *ptr, size_t len) {
    char *path = cstring(ptr, len);
    FILE *f = fopen(path, "rb");
    free(path);
    if (f == NULL) return option_string(NULL, 0);
    char *data = NULL;
    size_t size = 0;
    char chunk[512];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        char *grown = realloc(data, size + n);
        if (grown == NULL) __builtin_trap();
        data = grown;
        memcpy(data + size, chunk, n);
        size += n;
    }
    fclose(f);
    uint8_t *r = option_string(data ? data : "", size);
    free(data);
    return r;
}

static void post_option_string(uint8_t *area) {
    if (area[0] != 0) {
        size_t len = *(size_t *)(area + 8);
        if (len) free(*(uint8_t **)(area + 4));
    }
}

POST("env") void io_env_post(uint8_t *area) { post_option_string(area); }

POST("read-file") void io_read_file_post(uint8_t *area) { post_option_string(area); }
