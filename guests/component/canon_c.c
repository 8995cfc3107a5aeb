/*
 * canon_c.c: a hand-written canonical-ABI guest for wit/test.wit (world `guest`), in C, with the LEGACY export names
 * that wit-component accepts from wit-bindgen today: `memory`, `cabi_realloc`, `<iface>#<func>`,
 * `cabi_post_<iface>#<func>` and `_initialize` (the wasi-libc reactor entry). No wit-bindgen: every signature below is
 * the flattening of CanonicalABI.md written out by hand (MAX_FLAT_PARAMS 16, MAX_FLAT_RESULTS 1), and
 * `jco embed --dummy` (guests/component/build.sh) is the oracle it was checked against; `jco new` validating the
 * component is the proof. Ownership follows the canonical ABI: argument buffers come from our cabi_realloc and are
 * ours to free; result buffers stay alive until the host calls the matching cabi_post_* function.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define API "wasmmarshal:test/api@0.1.0#"
#define EXPORT(name) __attribute__((export_name(API name)))
#define POST(name) __attribute__((export_name("cabi_post_" API name)))
#define HOST_IMPORT(name) __attribute__((import_module("wasmmarshal:test/host@0.1.0"), import_name(name)))

typedef struct { uint8_t *ptr; size_t len; } bytes_t; /* string, list<u8> */
typedef struct { uint32_t *ptr; size_t len; } u32s_t;  /* list<u32> */
typedef struct { bytes_t *ptr; size_t len; } strs_t;   /* list<string> */

/* The return area for results that do not fit one flat value; 16 bytes, 8-aligned (the largest result here). */
static _Alignas(8) uint8_t ret_area[16];

HOST_IMPORT("log") extern void host_log(const uint8_t *msg, size_t len);
/* prefix: func() -> string. The string does not fit one flat result, so we pass a return area and the host writes
 * (ptr, len) into it, with ptr from our cabi_realloc: the string is ours to free. */
HOST_IMPORT("prefix") extern void host_prefix(bytes_t *ret);

/* realloc(old, old_size, align, new_size). A zero-sized block is the dangling pointer `align` (what wit-bindgen does),
 * never a malloc'd block, so freeing only blocks with a non-zero size is always correct. */
__attribute__((export_name("cabi_realloc"))) void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    if (align > 16) __builtin_trap(); /* dlmalloc aligns to 16; nothing in this WIT needs more */
    if (new_size == 0) {
        if (old_size != 0) free(old);
        return (void *)align;
    }
    void *p = realloc(old_size != 0 ? old : NULL, new_size);
    if (p == NULL) __builtin_trap();
    return p;
}

static void free_sized(void *p, size_t size) {
    if (size != 0) free(p);
}

static uint8_t *alloc_bytes(size_t n) { return cabi_realloc(NULL, 0, 1, n); }

static bytes_t concat(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen) {
    bytes_t r = {alloc_bytes(alen + blen), alen + blen};
    if (alen) memcpy(r.ptr, a, alen);
    if (blen) memcpy(r.ptr + alen, b, blen);
    return r;
}

static void post_string_at(uint8_t *area) {
    bytes_t *s = (bytes_t *)area;
    free_sized(s->ptr, s->len);
}

/* ---- scalars ---- */

EXPORT("not") int32_t api_not(int32_t b) { return b == 0; }

EXPORT("add-all") int64_t api_add_all(int32_t a, int32_t b, int32_t c, int32_t d, int32_t e, int32_t f, int64_t g, int64_t h) {
    /* The lowered i32s hold u8, s8, u16, s16 zero- or sign-extended: reinterpret them as the WIT types say. */
    return (int64_t)(uint8_t)a + (int8_t)b + (uint16_t)c + (int16_t)d + (int64_t)(uint32_t)e + f + (int64_t)(uint64_t)g + h;
}

EXPORT("mul-floats") double api_mul_floats(float a, double b) { return (double)a * b; }

EXPORT("next-char") int32_t api_next_char(int32_t c) {
    uint32_t next = (uint32_t)c + 1;
    if (next == 0xD800) next = 0xE000;
    if (next > 0x10FFFF) next = 0;
    return (int32_t)next;
}

/* ---- strings and lists ---- */

#ifndef CANON_MISMATCH
EXPORT("count-bytes") int32_t api_count_bytes(uint8_t *s, size_t len) {
    free_sized(s, len);
    return (int32_t)len;
}
#else
/* build.sh's negative check: (i32) -> i32 where the WIT says (i32, i32) -> i32; `jco new` must reject it. */
EXPORT("count-bytes") int32_t api_count_bytes(uint8_t *s) { return s != 0; }
#endif

EXPORT("greet") bytes_t *api_greet(uint8_t *name, size_t len) {
    static const char called[] = "greet called from C";
    host_log((const uint8_t *)called, sizeof called - 1);
    bytes_t prefix;
    host_prefix(&prefix);
    bytes_t *r = (bytes_t *)ret_area;
    *r = concat(prefix.ptr, prefix.len, name, len);
    free_sized(prefix.ptr, prefix.len);
    free_sized(name, len);
    return r;
}
POST("greet") void api_greet_post(uint8_t *area) { post_string_at(area); }

EXPORT("reverse-bytes") bytes_t *api_reverse_bytes(uint8_t *data, size_t len) {
    bytes_t *r = (bytes_t *)ret_area;
    r->ptr = alloc_bytes(len);
    r->len = len;
    for (size_t i = 0; i < len; i++) r->ptr[i] = data[len - 1 - i];
    free_sized(data, len);
    return r;
}
POST("reverse-bytes") void api_reverse_bytes_post(uint8_t *area) { post_string_at(area); }

EXPORT("sum-u32") int64_t api_sum_u32(uint32_t *xs, size_t len) {
    uint64_t sum = 0;
    for (size_t i = 0; i < len; i++) sum += xs[i];
    free_sized(xs, len * 4);
    return (int64_t)sum;
}

EXPORT("double-all") u32s_t *api_double_all(uint32_t *xs, size_t len) {
    u32s_t *r = (u32s_t *)ret_area;
    r->ptr = cabi_realloc(NULL, 0, 4, len * 4);
    r->len = len;
    for (size_t i = 0; i < len; i++) r->ptr[i] = xs[i] * 2u;
    free_sized(xs, len * 4);
    return r;
}
POST("double-all") void api_double_all_post(uint8_t *area) {
    u32s_t *l = (u32s_t *)area;
    free_sized(l->ptr, l->len * 4);
}

static void free_strings(bytes_t *items, size_t count) {
    for (size_t i = 0; i < count; i++) free_sized(items[i].ptr, items[i].len);
    free_sized(items, count * sizeof(bytes_t));
}

EXPORT("join") bytes_t *api_join(bytes_t *parts, size_t count, uint8_t *sep, size_t sep_len) {
    size_t total = 0;
    for (size_t i = 0; i < count; i++) total += parts[i].len + (i ? sep_len : 0);
    bytes_t *r = (bytes_t *)ret_area;
    r->ptr = alloc_bytes(total);
    r->len = total;
    uint8_t *out = r->ptr;
    for (size_t i = 0; i < count; i++) {
        if (i && sep_len) { memcpy(out, sep, sep_len); out += sep_len; }
        if (parts[i].len) { memcpy(out, parts[i].ptr, parts[i].len); out += parts[i].len; }
    }
    free_strings(parts, count);
    free_sized(sep, sep_len);
    return r;
}
POST("join") void api_join_post(uint8_t *area) { post_string_at(area); }

static size_t encode_utf8(uint32_t c, uint8_t out[4]) {
    if (c < 0x80) { out[0] = (uint8_t)c; return 1; }
    if (c < 0x800) { out[0] = (uint8_t)(0xC0 | (c >> 6)); out[1] = (uint8_t)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (c >> 12)); out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (c & 0x3F)); return 3;
    }
    out[0] = (uint8_t)(0xF0 | (c >> 18)); out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F)); out[3] = (uint8_t)(0x80 | (c & 0x3F)); return 4;
}

/* split: func(s: string, sep: char) -> list<string>; the pieces between occurrences of sep (like str::split). */
EXPORT("split") strs_t *api_split(uint8_t *s, size_t len, int32_t sep) {
    uint8_t sep_bytes[4];
    size_t sep_len = encode_utf8((uint32_t)sep, sep_bytes);
    size_t count = 1;
    for (size_t i = 0; i + sep_len <= len;) {
        if (memcmp(s + i, sep_bytes, sep_len) == 0) { count++; i += sep_len; } else i++;
    }
    bytes_t *items = cabi_realloc(NULL, 0, 4, count * sizeof(bytes_t));
    size_t start = 0, n = 0;
    for (size_t i = 0; i + sep_len <= len;) {
        if (memcmp(s + i, sep_bytes, sep_len) == 0) {
            items[n] = concat(s + start, i - start, NULL, 0);
            n++;
            i += sep_len;
            start = i;
        } else i++;
    }
    items[n] = concat(s + start, len - start, NULL, 0);
    free_sized(s, len);
    strs_t *r = (strs_t *)ret_area;
    r->ptr = items;
    r->len = count;
    return r;
}
POST("split") void api_split_post(uint8_t *area) {
    strs_t *l = (strs_t *)area;
    free_strings(l->ptr, l->len);
}

/* ---- records, tuples, enums, flags, variants ---- */

/* point { x: s32, y: s32, label: string }: 16 bytes, 4-aligned; flattened to (x, y, label.ptr, label.len). */
typedef struct { int32_t x, y; bytes_t label; } point_t;

EXPORT("move-point") point_t *api_move_point(int32_t x, int32_t y, uint8_t *label, size_t label_len, int32_t dx, int32_t dy) {
    point_t *r = (point_t *)ret_area;
    r->x = (int32_t)((uint32_t)x + (uint32_t)dx);
    r->y = (int32_t)((uint32_t)y + (uint32_t)dy);
    r->label = concat(label, label_len, (const uint8_t *)"'", 1);
    free_sized(label, label_len);
    return r;
}
POST("move-point") void api_move_point_post(uint8_t *area) { post_string_at(area + 8); }

/* swap: func(t: tuple<u32, string>) -> tuple<string, u32>; the result is (ptr, len) at 0 and the u32 at 8. */
EXPORT("swap") uint8_t *api_swap(uint32_t a, uint8_t *s, size_t len) {
    bytes_t *str = (bytes_t *)ret_area;
    str->ptr = s; /* the argument buffer is ours: hand it back as the result, freed in post-return */
    str->len = len;
    *(uint32_t *)(ret_area + 8) = a;
    return ret_area;
}
POST("swap") void api_swap_post(uint8_t *area) { post_string_at(area); }

EXPORT("next-color") int32_t api_next_color(int32_t c) { return (c + 1) % 3; }

EXPORT("toggle") int32_t api_toggle(int32_t p, int32_t mask) { return p ^ mask; }

/* shape: variant { circle(f32), rect(tuple<u32, u32>), empty }: flattened to (discriminant, i32, i32) where circle's
 * f32 travels as its bit pattern in the first i32 (the join of f32 and i32 is i32). */
EXPORT("area") double api_area(int32_t disc, int32_t p0, int32_t p1) {
    switch (disc) {
    case 0: {
        float r;
        memcpy(&r, &p0, 4);
        return 3.14159265358979 * (double)r * (double)r;
    }
    case 1: return (double)(uint32_t)p0 * (double)(uint32_t)p1;
    default: return 0.0;
    }
}

/* In memory a shape is a u8 discriminant at 0 and the payload at 4 (its largest case alignment): 12 bytes. */
EXPORT("make-shape") uint8_t *api_make_shape(int32_t kind, uint32_t a, uint32_t b) {
    memset(ret_area, 0, 12);
    switch (kind & 0xFF) {
    case 0: {
        float r = (float)a;
        ret_area[0] = 0;
        memcpy(ret_area + 4, &r, 4);
        break;
    }
    case 1:
        ret_area[0] = 1;
        memcpy(ret_area + 4, &a, 4);
        memcpy(ret_area + 8, &b, 4);
        break;
    default: ret_area[0] = 2; break;
    }
    return ret_area;
}

/* ---- options and results ---- */

/* option<u32>: discriminant u8 at 0, value at 4. */
EXPORT("find") uint8_t *api_find(uint32_t *xs, size_t len, uint32_t x) {
    memset(ret_area, 0, 8);
    for (size_t i = 0; i < len; i++) {
        if (xs[i] == x) {
            ret_area[0] = 1;
            uint32_t index = (uint32_t)i;
            memcpy(ret_area + 4, &index, 4);
            break;
        }
    }
    free_sized(xs, len * 4);
    return ret_area;
}

/* option<string>: discriminant at 0, (ptr, len) at 4. The first space-separated word, none when there is none. */
EXPORT("first-word") uint8_t *api_first_word(uint8_t *s, size_t len) {
    memset(ret_area, 0, 12);
    size_t start = 0;
    while (start < len && s[start] == ' ') start++;
    size_t end = start;
    while (end < len && s[end] != ' ') end++;
    if (end > start) {
        ret_area[0] = 1;
        *(bytes_t *)(ret_area + 4) = concat(s + start, end - start, NULL, 0);
    }
    free_sized(s, len);
    return ret_area;
}
POST("first-word") void api_first_word_post(uint8_t *area) {
    if (area[0] == 1) post_string_at(area + 4);
}

/* result<u32, string>: discriminant at 0 (0 ok, 1 error), u32 or (ptr, len) at 4. */
EXPORT("parse") uint8_t *api_parse(uint8_t *s, size_t len) {
    memset(ret_area, 0, 12);
    uint64_t value = 0;
    int ok = len > 0;
    for (size_t i = 0; i < len && ok; i++) {
        if (s[i] < '0' || s[i] > '9') ok = 0;
        else {
            value = value * 10 + (uint64_t)(s[i] - '0');
            if (value > 0xFFFFFFFFu) ok = 0;
        }
    }
    if (ok) {
        uint32_t v = (uint32_t)value;
        memcpy(ret_area + 4, &v, 4);
    } else {
        static const char msg[] = "not a number: ";
        ret_area[0] = 1;
        *(bytes_t *)(ret_area + 4) = concat((const uint8_t *)msg, sizeof msg - 1, s, len);
    }
    free_sized(s, len);
    return ret_area;
}
POST("parse") void api_parse_post(uint8_t *area) {
    if (area[0] == 1) post_string_at(area + 4);
}

/* ---- more than 16 flat parameters ---- */

/* 17 flat parameters do not fit MAX_FLAT_PARAMS: the caller stores them as a tuple in memory it got from our
 * cabi_realloc (88 bytes, 8-aligned: 13 u32s at 0..52, u64s at 56 and 64, f32 at 72, f64 at 80) and passes only its
 * address. The block is ours to free. */
typedef struct {
    uint32_t a[13];
    uint64_t a14, a15;
    float a16;
    double a17;
} sum17_args_t;
_Static_assert(sizeof(sum17_args_t) == 88, "tuple layout");
_Static_assert(__builtin_offsetof(sum17_args_t, a14) == 56, "tuple layout");
_Static_assert(__builtin_offsetof(sum17_args_t, a16) == 72, "tuple layout");
_Static_assert(__builtin_offsetof(sum17_args_t, a17) == 80, "tuple layout");

EXPORT("sum17") double api_sum17(sum17_args_t *args) {
    double sum = 0;
    for (int i = 0; i < 13; i++) sum += args->a[i];
    sum += (double)args->a14 + (double)args->a15 + (double)args->a16 + args->a17;
    free_sized(args, sizeof *args);
    return sum;
}
