/*
 * The functions of the runtime test guest (marshal_test.wasm). The C# side is tests/WasmMarshal.Tests/Guests/.
 * Every export name is the snake_case of the C# method name.
 */
#ifndef MARSHAL_TEST_H
#define MARSHAL_TEST_H

#include "wasm_marshal.h"

/* ---- structs: the wasm32 C layout the C# structs must match ---- */
typedef struct { float x; float y; float z; } vec3;   /* size 12, align 4 */

typedef struct {
    uint8_t kind;      /* offset 0 */
    double mass;       /* offset 8 */
    vec3 position;     /* offset 16 */
    int32_t id;        /* offset 28 */
    bool alive;        /* offset 32 */
    int16_t level;     /* offset 34 */
    char name[16];     /* offset 36 */
    int64_t score;     /* offset 56 */
} particle;            /* size 64, align 8 */

/* ================= exports: scalars ================= */
WM_EXPORT("add_i32") int32_t add_i32(int32_t a, int32_t b);
WM_EXPORT("mul_u32") uint32_t mul_u32(uint32_t a, uint32_t b);            /* wraps modulo 2^32 */
WM_EXPORT("add_i64") int64_t add_i64(int64_t a, int64_t b);
WM_EXPORT("max_u64") uint64_t max_u64(uint64_t a, uint64_t b);            /* unsigned comparison */
WM_EXPORT("scale_f32") float scale_f32(float x, float k);                 /* x * k */
WM_EXPORT("hypot_f64") double hypot_f64(double x, double y);              /* sqrt(x*x + y*y) */
WM_EXPORT("is_even") bool is_even(int32_t x);
WM_EXPORT("negate") bool negate(bool b);
WM_EXPORT("inc_u8") uint8_t inc_u8(uint8_t x);                            /* x + 1, wraps 255 -> 0 */
WM_EXPORT("neg_i8") int8_t neg_i8(int8_t x);                              /* -x (wraps -128 -> -128) */
WM_EXPORT("add_i16") int16_t add_i16(int16_t a, int16_t b);               /* wraps */
WM_EXPORT("swap_u16") uint16_t swap_u16(uint16_t x);                      /* byte swap */
WM_EXPORT("next_color") uint8_t next_color(uint8_t c);                    /* 1 -> 2 -> 3 -> 1, anything else -> 0 */
WM_EXPORT("toggle_high_bit") uint64_t toggle_high_bit(uint64_t x);        /* x ^ (1ull << 63) */
WM_EXPORT("set_counter") void set_counter(int32_t value);
WM_EXPORT("get_counter") int32_t get_counter(void);
WM_EXPORT("divide") int32_t divide(int32_t a, int32_t b);                 /* a / b: traps when b == 0 */
WM_EXPORT("do_trap") void do_trap(void);                                  /* __builtin_trap() */
WM_EXPORT("grow_memory") int32_t grow_memory(int32_t pages);              /* __builtin_wasm_memory_grow(0, pages) */
WM_EXPORT("memory_pages") int32_t memory_pages(void);                     /* __builtin_wasm_memory_size(0) */

/* ================= exports: strings ================= */
WM_EXPORT("fnv1a32") uint32_t fnv1a32(const char *s, size_t len);         /* FNV-1a 32 over the bytes */
WM_EXPORT("to_upper") wm_str to_upper(const char *s, size_t len);         /* malloc'd copy, ASCII a-z uppercased */
WM_EXPORT("concat") wm_str concat(const char *a, size_t alen, const char *b, size_t blen); /* malloc'd a+b */
WM_EXPORT("is_null") bool is_null(const char *s, size_t len);             /* s == NULL */
WM_EXPORT("echo_nullable") wm_str echo_nullable(const char *s, size_t len); /* NULL -> {NULL,0}; else malloc'd copy (empty stays empty, ptr != NULL) */
WM_EXPORT("make_invalid_utf8") wm_str make_invalid_utf8(void);            /* malloc'd {0xC3, 0x28} */
WM_EXPORT("utf16_reverse") wm_str16 utf16_reverse(const uint16_t *s, size_t units); /* malloc'd, code units reversed */
WM_EXPORT("utf16_fnv1a32") uint32_t utf16_fnv1a32(const uint16_t *s, size_t units); /* FNV-1a 32 over the units' little-endian bytes */
WM_EXPORT("latin1_upper") wm_str latin1_upper(const uint8_t *s, size_t len); /* malloc'd; a-z and 0xE0..0xFE except 0xF7 minus 0x20 */
WM_EXPORT("cstr_length") uint32_t cstr_length(const char *s);            /* strlen, 0xFFFFFFFF for NULL */
WM_EXPORT("cstr_greet") const char *cstr_greet(const char *name);        /* malloc'd "Hello, <name>!"; NULL -> NULL */

/* ================= exports: structs ================= */
WM_EXPORT("vec3_dot") float vec3_dot(vec3 a, vec3 b);
WM_EXPORT("vec3_length_sq") float vec3_length_sq(const vec3 *v);
WM_EXPORT("vec3_normalize") void vec3_normalize(vec3 *v);                  /* in place; leaves a zero vector alone */
WM_EXPORT("vec3_cross") vec3 vec3_cross(vec3 a, vec3 b);
WM_EXPORT("make_particle") void make_particle(int32_t id, particle *out);
/* make_particle: kind = 7, mass = id * 1.5, position = {id, id*2, id*3}, id = id, alive = true, level = -id,
   name = "p<id>" NUL-padded to 16 bytes, score = id * 1000000000000 */
WM_EXPORT("particle_step") particle particle_step(const particle *p, float dt);
/* particle_step returns a copy of *p with: kind + 1, mass * 2, position + {dt, dt, dt}, id unchanged,
   alive = !alive, level - 1, name[0] + 1 (the other 15 bytes unchanged), score + id */
WM_EXPORT("particle_layout") void particle_layout(uint32_t *out, size_t count);
/* writes min(count, 10) values: sizeof(particle), _Alignof(particle), then offsetof kind, mass, position, id,
   alive, level, name, score */

/* ================= exports: spans and arrays ================= */
WM_EXPORT("sum_i32") int64_t sum_i32(const int32_t *p, size_t count);
WM_EXPORT("sum_f64") double sum_f64(const double *p, size_t count);
WM_EXPORT("scale_in_place") void scale_in_place(float *p, size_t count, float k);
WM_EXPORT("range_i32") wm_slice range_i32(int32_t start, int32_t count);   /* malloc'd start, start+1, ...; count 0 -> {NULL,0} */
WM_EXPORT("vec3_grid") wm_slice vec3_grid(int32_t n);                      /* malloc'd n*n vec3 {i, j, i*j} for i<n, j<n, row-major */
WM_EXPORT("checksum_bytes") uint64_t checksum_bytes(const uint8_t *p, size_t len); /* FNV-1a 64 */
WM_EXPORT("digest") uint64_t digest(const char *s, size_t slen, const uint8_t *p, size_t plen); /* FNV-1a 64 over s then p */
WM_EXPORT("fill_pattern") void fill_pattern(uint8_t *p, size_t len, uint32_t seed); /* p[i] = (uint8_t)(i * 31 + seed) */
WM_EXPORT("grow_then_echo") wm_slice grow_then_echo(const uint8_t *p, size_t len, int32_t grow_pages);
/* grow_then_echo: memory.grow(grow_pages) first, then a malloc'd copy of p (count = len) */
WM_EXPORT("count_nonzero") uint32_t count_nonzero(const uint8_t *p, size_t len);

/* ================= imports from the host (module "env") and the exports that call them ================= */
WM_IMPORT("env", "echo_i32") int32_t host_echo_i32(int32_t x);
WM_IMPORT("env", "echo_u32") uint32_t host_echo_u32(uint32_t x);
WM_IMPORT("env", "echo_i64") int64_t host_echo_i64(int64_t x);
WM_IMPORT("env", "echo_u64") uint64_t host_echo_u64(uint64_t x);
WM_IMPORT("env", "echo_f32") float host_echo_f32(float x);
WM_IMPORT("env", "echo_f64") double host_echo_f64(double x);
WM_IMPORT("env", "echo_bool") bool host_echo_bool(bool x);
WM_IMPORT("env", "echo_u8") uint8_t host_echo_u8(uint8_t x);
WM_IMPORT("env", "echo_i8") int8_t host_echo_i8(int8_t x);
WM_IMPORT("env", "echo_i16") int16_t host_echo_i16(int16_t x);
WM_IMPORT("env", "echo_u16") uint16_t host_echo_u16(uint16_t x);
WM_IMPORT("env", "echo_color") uint8_t host_echo_color(uint8_t x);
WM_IMPORT("env", "notify") void host_notify(int32_t code);
/* each relay_<t>(x) returns host_echo_<t>(x) unchanged; relay_notify(code) calls host_notify(code) */
WM_EXPORT("relay_i32") int32_t relay_i32(int32_t x);
WM_EXPORT("relay_u32") uint32_t relay_u32(uint32_t x);
WM_EXPORT("relay_i64") int64_t relay_i64(int64_t x);
WM_EXPORT("relay_u64") uint64_t relay_u64(uint64_t x);
WM_EXPORT("relay_f32") float relay_f32(float x);
WM_EXPORT("relay_f64") double relay_f64(double x);
WM_EXPORT("relay_bool") bool relay_bool(bool x);
WM_EXPORT("relay_u8") uint8_t relay_u8(uint8_t x);
WM_EXPORT("relay_i8") int8_t relay_i8(int8_t x);
WM_EXPORT("relay_i16") int16_t relay_i16(int16_t x);
WM_EXPORT("relay_u16") uint16_t relay_u16(uint16_t x);
WM_EXPORT("relay_color") uint8_t relay_color(uint8_t x);
WM_EXPORT("relay_notify") void relay_notify(int32_t code);

WM_IMPORT("env", "log") void host_log(const char *msg, size_t len);
WM_IMPORT("env", "log_utf16") void host_log_utf16(const uint16_t *msg, size_t units);
WM_IMPORT("env", "log_latin1") void host_log_latin1(const uint8_t *msg, size_t len);
WM_IMPORT("env", "log_cstr") void host_log_cstr(const char *msg);
WM_IMPORT("env", "greeting") wm_str host_greeting(const char *name, size_t len); /* the host mallocs the result */
WM_EXPORT("relay_log") void relay_log(const char *msg, size_t len);          /* host_log(msg, len) */
WM_EXPORT("relay_log_utf16") void relay_log_utf16(const uint16_t *msg, size_t units);
WM_EXPORT("relay_log_latin1") void relay_log_latin1(const uint8_t *msg, size_t len);
WM_EXPORT("relay_log_cstr") void relay_log_cstr(const char *msg);
WM_EXPORT("relay_greeting") wm_str relay_greeting(const char *name, size_t len); /* returns host_greeting's buffer as is */
WM_EXPORT("relay_log_raw") void relay_log_raw(uint32_t ptr, uint32_t len);     /* host_log((const char*)ptr, len): hostile input */
WM_EXPORT("relay_log_invalid_utf8") void relay_log_invalid_utf8(void);         /* host_log of the 2 bytes {0xC3, 0x28} */

WM_IMPORT("env", "report") void host_report(vec3 v);
WM_IMPORT("env", "transform") void host_transform(particle *p);
WM_IMPORT("env", "origin") vec3 host_origin(void);
WM_EXPORT("relay_report") void relay_report(vec3 v);                     /* host_report(v) */
WM_EXPORT("relay_transform") particle relay_transform(particle p);        /* host_transform(&p); return p */
WM_EXPORT("relay_origin") vec3 relay_origin(void);                        /* return host_origin() */

WM_IMPORT("env", "sum") int64_t host_sum(const int32_t *p, size_t count);
WM_IMPORT("env", "fill") void host_fill(uint8_t *p, size_t len);
WM_IMPORT("env", "make_range") wm_slice host_make_range(int32_t n);     /* the host mallocs the result */
WM_EXPORT("relay_sum") int64_t relay_sum(const int32_t *p, size_t count); /* host_sum(p, count) */
WM_EXPORT("relay_fill") uint64_t relay_fill(uint32_t len);
/* relay_fill: malloc(len), memset 0, host_fill(buf, len), return FNV-1a 64 of buf, free(buf) */
WM_EXPORT("relay_make_range") wm_slice relay_make_range(int32_t n);     /* returns host_make_range's buffer as is */

#endif
