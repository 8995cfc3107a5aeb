/*
 * marshal_test.c: the runtime test guest (marshal_test.wasm). The prototypes and their semantics are in
 * include/marshal_test.h; this file only implements them. Built by guests/build.sh.
 *
 * No stdio: the guest needs no WASI imports, only the env.* functions declared in the header.
 * Integer arithmetic that the header says wraps is done in unsigned types so that it is defined behaviour.
 * An allocation that cannot be satisfied (or whose size overflows) traps instead of returning a lie.
 */
#include <stdlib.h>
#include <string.h>

#include "marshal_test.h"

/* ---- the struct layout the C# side must match (see the comments in marshal_test.h) ---- */
_Static_assert(sizeof(vec3) == 12, "vec3 size");
_Static_assert(_Alignof(vec3) == 4, "vec3 align");
_Static_assert(sizeof(particle) == 64, "particle size");
_Static_assert(_Alignof(particle) == 8, "particle align");
_Static_assert(offsetof(particle, kind) == 0, "particle.kind");
_Static_assert(offsetof(particle, mass) == 8, "particle.mass");
_Static_assert(offsetof(particle, position) == 16, "particle.position");
_Static_assert(offsetof(particle, id) == 28, "particle.id");
_Static_assert(offsetof(particle, alive) == 32, "particle.alive");
_Static_assert(offsetof(particle, level) == 34, "particle.level");
_Static_assert(offsetof(particle, name) == 36, "particle.name");
_Static_assert(offsetof(particle, score) == 56, "particle.score");
_Static_assert(sizeof(bool) == 1, "bool is one byte");

/* ================= helpers ================= */

#define FNV32_OFFSET 2166136261u
#define FNV32_PRIME 16777619u
#define FNV64_OFFSET 14695981039346656037ull
#define FNV64_PRIME 1099511628211ull

static uint32_t fnv32_byte(uint32_t h, uint8_t b) { return (h ^ b) * FNV32_PRIME; }

static uint64_t fnv64_bytes(uint64_t h, const uint8_t *p, size_t len) {
    for (size_t i = 0; i < len; i++) h = (h ^ p[i]) * FNV64_PRIME;
    return h;
}

/* malloc(count * size), trapping on overflow or exhaustion. Never returns NULL (asks for at least 1 byte). */
static void *xmalloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) __builtin_trap();
    size_t bytes = count * size;
    void *p = malloc(bytes ? bytes : 1);
    if (!p) __builtin_trap();
    return p;
}

/* A malloc'd copy of len bytes; the result is never NULL, even for len == 0. */
static void *dup_bytes(const void *src, size_t len) {
    void *p = xmalloc(len, 1);
    if (len) memcpy(p, src, len);
    return p;
}

/* ================= exports: scalars ================= */

int32_t add_i32(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
uint32_t mul_u32(uint32_t a, uint32_t b) { return a * b; }
int64_t add_i64(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
uint64_t max_u64(uint64_t a, uint64_t b) { return a > b ? a : b; }
float scale_f32(float x, float k) { return x * k; }
double hypot_f64(double x, double y) { return __builtin_sqrt(x * x + y * y); }
bool is_even(int32_t x) { return (x & 1) == 0; }
bool negate(bool b) { return !b; }
uint8_t inc_u8(uint8_t x) { return (uint8_t)(x + 1u); }
int8_t neg_i8(int8_t x) { return (int8_t)(uint8_t)(0u - (uint8_t)x); }
int16_t add_i16(int16_t a, int16_t b) { return (int16_t)(uint16_t)((uint16_t)a + (uint16_t)b); }
uint16_t swap_u16(uint16_t x) { return __builtin_bswap16(x); }

uint8_t next_color(uint8_t c) {
    switch (c) {
    case 1: return 2;
    case 2: return 3;
    case 3: return 1;
    default: return 0;
    }
}

uint64_t toggle_high_bit(uint64_t x) { return x ^ (1ull << 63); }

static int32_t counter;
void set_counter(int32_t value) { counter = value; }
int32_t get_counter(void) { return counter; }

int32_t divide(int32_t a, int32_t b) {
    /* Left to i32.div_s on purpose: the host test expects wasm's own integer-division-by-zero trap. */
    return a / b;
}

void do_trap(void) { __builtin_trap(); }
int32_t grow_memory(int32_t pages) { return (int32_t)__builtin_wasm_memory_grow(0, (size_t)(uint32_t)pages); }
int32_t memory_pages(void) { return (int32_t)__builtin_wasm_memory_size(0); }

/* ================= exports: strings ================= */

uint32_t fnv1a32(const char *s, size_t len) {
    uint32_t h = FNV32_OFFSET;
    for (size_t i = 0; i < len; i++) h = fnv32_byte(h, (uint8_t)s[i]);
    return h;
}

wm_str to_upper(const char *s, size_t len) {
    if (!s) return (wm_str){NULL, 0};
    char *out = dup_bytes(s, len);
    for (size_t i = 0; i < len; i++)
        if (out[i] >= 'a' && out[i] <= 'z') out[i] = (char)(out[i] - ('a' - 'A'));
    return (wm_str){out, len};
}

wm_str concat(const char *a, size_t alen, const char *b, size_t blen) {
    if (alen > SIZE_MAX - blen) __builtin_trap();
    char *out = xmalloc(alen + blen, 1);
    if (alen) memcpy(out, a, alen);
    if (blen) memcpy(out + alen, b, blen);
    return (wm_str){out, alen + blen};
}

bool is_null(const char *s, size_t len) {
    (void)len;
    return s == NULL;
}

wm_str echo_nullable(const char *s, size_t len) {
    if (!s) return (wm_str){NULL, 0};
    return (wm_str){dup_bytes(s, len), len};
}

wm_str make_invalid_utf8(void) {
    static const uint8_t bytes[2] = {0xC3, 0x28};
    return (wm_str){dup_bytes(bytes, sizeof bytes), sizeof bytes};
}

wm_str16 utf16_reverse(const uint16_t *s, size_t units) {
    if (!s) return (wm_str16){NULL, 0};
    uint16_t *out = xmalloc(units, sizeof(uint16_t));
    for (size_t i = 0; i < units; i++) out[i] = s[units - 1 - i];
    return (wm_str16){out, units};
}

uint32_t utf16_fnv1a32(const uint16_t *s, size_t units) {
    uint32_t h = FNV32_OFFSET;
    for (size_t i = 0; i < units; i++) {
        h = fnv32_byte(h, (uint8_t)(s[i] & 0xFF));
        h = fnv32_byte(h, (uint8_t)(s[i] >> 8));
    }
    return h;
}

wm_str latin1_upper(const uint8_t *s, size_t len) {
    if (!s) return (wm_str){NULL, 0};
    uint8_t *out = dup_bytes(s, len);
    for (size_t i = 0; i < len; i++) {
        uint8_t c = out[i];
        if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) out[i] = (uint8_t)(c - 0x20);
    }
    return (wm_str){(const char *)out, len};
}

uint32_t cstr_length(const char *s) { return s ? (uint32_t)strlen(s) : 0xFFFFFFFFu; }

const char *cstr_greet(const char *name) {
    if (!name) return NULL;
    static const char prefix[] = "Hello, ";
    size_t plen = sizeof prefix - 1, nlen = strlen(name);
    char *out = xmalloc(plen + nlen + 2, 1); /* "!" and the NUL */
    memcpy(out, prefix, plen);
    memcpy(out + plen, name, nlen);
    out[plen + nlen] = '!';
    out[plen + nlen + 1] = '\0';
    return out;
}

/* ================= exports: structs ================= */

float vec3_dot(vec3 a, vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
float vec3_length_sq(const vec3 *v) { return v->x * v->x + v->y * v->y + v->z * v->z; }

void vec3_normalize(vec3 *v) {
    float len = __builtin_sqrtf(vec3_length_sq(v));
    if (len == 0.0f) return;
    v->x /= len;
    v->y /= len;
    v->z /= len;
}

vec3 vec3_cross(vec3 a, vec3 b) {
    return (vec3){a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}

void make_particle(int32_t id, particle *out) {
    particle p;
    memset(&p, 0, sizeof p); /* padding bytes are zero, too */
    p.kind = 7;
    p.mass = id * 1.5;
    /* the products are exact in 64 bits, then rounded once to float */
    p.position = (vec3){(float)id, (float)((int64_t)id * 2), (float)((int64_t)id * 3)};
    p.id = id;
    p.alive = true;
    p.level = (int16_t)(uint16_t)(0u - (uint32_t)id);
    /* name = "p<id>", NUL-padded (memset above); "p-2147483648" is 12 bytes, so it always fits */
    char digits[11];
    size_t n = 0;
    uint32_t mag = id < 0 ? 0u - (uint32_t)id : (uint32_t)id;
    do {
        digits[n++] = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag);
    size_t k = 0;
    p.name[k++] = 'p';
    if (id < 0) p.name[k++] = '-';
    while (n) p.name[k++] = digits[--n];
    p.score = (int64_t)((uint64_t)(int64_t)id * 1000000000000ull); /* wraps modulo 2^64 */
    *out = p;
}

particle particle_step(const particle *p, float dt) {
    particle r = *p;
    r.kind = (uint8_t)(r.kind + 1u);
    r.mass = r.mass * 2;
    r.position.x += dt;
    r.position.y += dt;
    r.position.z += dt;
    r.alive = !r.alive;
    r.level = (int16_t)(uint16_t)((uint16_t)r.level - 1u);
    r.name[0] = (char)(uint8_t)((uint8_t)r.name[0] + 1u);
    r.score = (int64_t)((uint64_t)r.score + (uint64_t)(int64_t)r.id);
    return r;
}

void particle_layout(uint32_t *out, size_t count) {
    const uint32_t values[10] = {
        sizeof(particle),
        _Alignof(particle),
        offsetof(particle, kind),
        offsetof(particle, mass),
        offsetof(particle, position),
        offsetof(particle, id),
        offsetof(particle, alive),
        offsetof(particle, level),
        offsetof(particle, name),
        offsetof(particle, score),
    };
    size_t n = count < 10 ? count : 10;
    for (size_t i = 0; i < n; i++) out[i] = values[i];
}

/* ================= exports: spans and arrays ================= */

int64_t sum_i32(const int32_t *p, size_t count) {
    int64_t s = 0;
    for (size_t i = 0; i < count; i++) s += p[i];
    return s;
}

double sum_f64(const double *p, size_t count) {
    double s = 0;
    for (size_t i = 0; i < count; i++) s += p[i];
    return s;
}

void scale_in_place(float *p, size_t count, float k) {
    for (size_t i = 0; i < count; i++) p[i] *= k;
}

wm_slice range_i32(int32_t start, int32_t count) {
    if (count <= 0) return (wm_slice){NULL, 0};
    int32_t *out = xmalloc((size_t)count, sizeof(int32_t));
    for (int32_t i = 0; i < count; i++) out[i] = (int32_t)((uint32_t)start + (uint32_t)i);
    return (wm_slice){out, (size_t)count};
}

wm_slice vec3_grid(int32_t n) {
    if (n <= 0) return (wm_slice){NULL, 0};
    size_t un = (size_t)n;
    if (un > SIZE_MAX / un) __builtin_trap();
    vec3 *out = xmalloc(un * un, sizeof(vec3));
    for (int32_t i = 0; i < n; i++)
        for (int32_t j = 0; j < n; j++)
            out[(size_t)i * un + (size_t)j] = (vec3){(float)i, (float)j, (float)((int64_t)i * j)};
    return (wm_slice){out, un * un};
}

uint64_t checksum_bytes(const uint8_t *p, size_t len) { return fnv64_bytes(FNV64_OFFSET, p, len); }

uint64_t digest(const char *s, size_t slen, const uint8_t *p, size_t plen) {
    return fnv64_bytes(fnv64_bytes(FNV64_OFFSET, (const uint8_t *)s, slen), p, plen);
}

void fill_pattern(uint8_t *p, size_t len, uint32_t seed) {
    for (size_t i = 0; i < len; i++) p[i] = (uint8_t)((uint32_t)i * 31u + seed);
}

wm_slice grow_then_echo(const uint8_t *p, size_t len, int32_t grow_pages) {
    (void)__builtin_wasm_memory_grow(0, (size_t)(uint32_t)grow_pages);
    if (len == 0) return (wm_slice){NULL, 0};
    /* p was read from the memory before it grew; the guest's pointers stay valid across memory.grow */
    return (wm_slice){dup_bytes(p, len), len};
}

uint32_t count_nonzero(const uint8_t *p, size_t len) {
    uint32_t n = 0;
    for (size_t i = 0; i < len; i++) n += p[i] != 0;
    return n;
}

/* ================= relays through the host imports ================= */

int32_t relay_i32(int32_t x) { return host_echo_i32(x); }
uint32_t relay_u32(uint32_t x) { return host_echo_u32(x); }
int64_t relay_i64(int64_t x) { return host_echo_i64(x); }
uint64_t relay_u64(uint64_t x) { return host_echo_u64(x); }
float relay_f32(float x) { return host_echo_f32(x); }
double relay_f64(double x) { return host_echo_f64(x); }
bool relay_bool(bool x) { return host_echo_bool(x); }
uint8_t relay_u8(uint8_t x) { return host_echo_u8(x); }
int8_t relay_i8(int8_t x) { return host_echo_i8(x); }
int16_t relay_i16(int16_t x) { return host_echo_i16(x); }
uint16_t relay_u16(uint16_t x) { return host_echo_u16(x); }
uint8_t relay_color(uint8_t x) { return host_echo_color(x); }
void relay_notify(int32_t code) { host_notify(code); }

void relay_log(const char *msg, size_t len) { host_log(msg, len); }
void relay_log_utf16(const uint16_t *msg, size_t units) { host_log_utf16(msg, units); }
void relay_log_latin1(const uint8_t *msg, size_t len) { host_log_latin1(msg, len); }
void relay_log_cstr(const char *msg) { host_log_cstr(msg); }
wm_str relay_greeting(const char *name, size_t len) { return host_greeting(name, len); }
void relay_log_raw(uint32_t ptr, uint32_t len) { host_log((const char *)(uintptr_t)ptr, (size_t)len); }

void relay_log_invalid_utf8(void) {
    static const char bytes[2] = {(char)0xC3, (char)0x28};
    host_log(bytes, sizeof bytes);
}

void relay_report(vec3 v) { host_report(v); }

particle relay_transform(particle p) {
    host_transform(&p);
    return p;
}

vec3 relay_origin(void) { return host_origin(); }

int64_t relay_sum(const int32_t *p, size_t count) { return host_sum(p, count); }

uint64_t relay_fill(uint32_t len) {
    uint8_t *buf = xmalloc(len, 1);
    memset(buf, 0, len);
    host_fill(buf, len);
    uint64_t h = fnv64_bytes(FNV64_OFFSET, buf, len);
    free(buf);
    return h;
}

wm_slice relay_make_range(int32_t n) { return host_make_range(n); }
