/*
 * canon_oracle.c: a hand-written canonical-ABI guest for the WIT that WasmMarshal GENERATES from
 * tests/WasmMarshal.Tests/ComponentModel/OracleApi.cs (guests/bindings/wasmmarshal-oracle-0.1.0.wit, world
 * `oracle-guest` in wit-oracle/world.wit), with the LEGACY export names. It covers what canon_c does not: lists of
 * records with options and lists inside, variants whose payloads join i64/f64/f32/i32 in one flat slot, options of
 * variants, results with absent payloads, a 9-label flags type, a spilled parameter list, and host imports taking
 * records and returning a tuple through retptr. Every signature is CanonicalABI.md's flattening written out by hand;
 * `jco new` accepting the component is the proof that they are the canonical ones. Ownership as canon_c: arguments
 * are ours to free, results live until the host calls cabi_post_*.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define API "wasmmarshal:oracle/api@0.1.0#"
#define EXPORT(name) __attribute__((export_name(API name)))
#define POST(name) __attribute__((export_name("cabi_post_" API name)))
#define HOST_IMPORT(name) __attribute__((import_module("wasmmarshal:oracle/host@0.1.0"), import_name(name)))

typedef struct { uint8_t *ptr; size_t len; } bytes_t;            /* string, list<u8>, list<bool>, list<oracle-level> */
typedef struct { uint8_t is_some; bytes_t value; } opt_str_t;    /* option<string>: 12 bytes, payload at 4 */
typedef struct {                                                 /* record oracle-item: 28 bytes, align 4 */
    uint32_t id;
    opt_str_t note;
    uint8_t done;
    bytes_t levels;
} item_t;
typedef struct { item_t *ptr; size_t len; } items_t;
typedef struct {                                                 /* variant oracle-value: 16 bytes, payload at 8 */
    uint8_t tag;                                                 /* int, real, small, text, nothing */
    union {
        int64_t i;
        double r;
        struct { float x; uint32_t y; } s;
        bytes_t t;
    } u;
} value_t;
typedef struct { bytes_t *ptr; size_t len; } lists_t;            /* list<list<u8>> */

enum { INT, REAL, SMALL, TEXT, NOTHING };

static _Alignas(8) uint8_t ret_area[24];

HOST_IMPORT("note") extern void host_note(int32_t id, int32_t note_some, uint8_t *note, size_t note_len, int32_t done,
                                          uint8_t *levels, size_t levels_len, int32_t level);
/* describe: func(value: oracle-value, ids: list<u32>) -> tuple<string, oracle-value>: 24 bytes through retptr. */
typedef struct { bytes_t text; value_t value; } described_t;
HOST_IMPORT("describe") extern void host_describe(int32_t tag, int64_t p0, int32_t p1, uint32_t *ids, size_t ids_len,
                                                  described_t *ret);
HOST_IMPORT("flags") extern int32_t host_flags(int32_t wide);
typedef struct { uint8_t is_some; uint32_t value; } opt_u32_t;
HOST_IMPORT("find") extern void host_find(const uint8_t *name, size_t len, opt_u32_t *ret);
HOST_IMPORT("sum") extern double host_sum(double a, float b, int32_t c);
/* tally: func(a: oracle-item, b: oracle-item, c: oracle-item) -> f64: 21 flat values, so one pointer to the tuple. */
HOST_IMPORT("tally") extern double host_tally(const item_t *three);

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

static void free_sized(void *p, size_t size) {
    if (size != 0) free(p);
}

static void *alloc(size_t size, size_t align) { return cabi_realloc(NULL, 0, align, size); }

static bytes_t copy_bytes(const uint8_t *p, size_t n) {
    bytes_t r = {alloc(n, 1), n};
    if (n) memcpy(r.ptr, p, n);
    return r;
}

static bytes_t concat(bytes_t a, bytes_t b) {
    bytes_t r = {alloc(a.len + b.len, 1), a.len + b.len};
    if (a.len) memcpy(r.ptr, a.ptr, a.len);
    if (b.len) memcpy(r.ptr + a.len, b.ptr, b.len);
    return r;
}

static void free_item(item_t *item) {
    if (item->note.is_some) free_sized(item->note.value.ptr, item->note.value.len);
    free_sized(item->levels.ptr, item->levels.len);
}

static void free_value(value_t *v) {
    if (v->tag == TEXT) free_sized(v->u.t.ptr, v->u.t.len);
}

/* The flat form of oracle-value, (tag, i64, i32), back into memory form: the join puts f64 bits, f32 bits, s64 and a
 * string pointer in the i64 slot; the f32 case's u32 and the string length in the i32 slot. */
static value_t value_from_flat(int32_t tag, int64_t p0, int32_t p1) {
    value_t v;
    memset(&v, 0, sizeof v);
    v.tag = (uint8_t)tag;
    switch (tag) {
    case INT: v.u.i = p0; break;
    case REAL: memcpy(&v.u.r, &p0, 8); break;
    case SMALL: {
        uint32_t bits = (uint32_t)p0;
        memcpy(&v.u.s.x, &bits, 4);
        v.u.s.y = (uint32_t)p1;
        break;
    }
    case TEXT: v.u.t.ptr = (uint8_t *)(uintptr_t)(uint32_t)p0; v.u.t.len = (uint32_t)p1; break;
    case NOTHING: break;
    default: __builtin_trap();
    }
    return v;
}

static void value_to_flat(const value_t *v, int32_t *tag, int64_t *p0, int32_t *p1) {
    *tag = v->tag;
    *p0 = 0;
    *p1 = 0;
    switch (v->tag) {
    case INT: *p0 = v->u.i; break;
    case REAL: memcpy(p0, &v->u.r, 8); break;
    case SMALL: {
        uint32_t bits;
        memcpy(&bits, &v->u.s.x, 4);
        *p0 = (int64_t)(uint64_t)bits;
        *p1 = (int32_t)v->u.s.y;
        break;
    }
    case TEXT: *p0 = (int64_t)(uint32_t)(uintptr_t)v->u.t.ptr; *p1 = (int32_t)v->u.t.len; break;
    default: break;
    }
}

/* items: reversed; each id plus the number of weights (and the integer part of their sum), done negated, note and
 * levels copied, levels reversed. */
EXPORT("items") items_t *api_items(item_t *items, size_t count, double *weights, size_t weight_count) {
    double total = 0;
    for (size_t i = 0; i < weight_count; i++) total += weights[i];
    items_t *r = (items_t *)ret_area;
    r->len = count;
    r->ptr = alloc(count * sizeof(item_t), 4);
    for (size_t i = 0; i < count; i++) {
        item_t *in = &items[count - 1 - i];
        item_t *out = &r->ptr[i];
        out->id = in->id + (uint32_t)weight_count + (uint32_t)(int64_t)total;
        out->note.is_some = in->note.is_some;
        out->note.value = in->note.is_some ? copy_bytes(in->note.value.ptr, in->note.value.len) : (bytes_t){0, 0};
        out->done = !in->done;
        out->levels = copy_bytes(in->levels.ptr, in->levels.len);
        for (size_t j = 0; j < out->levels.len; j++) out->levels.ptr[j] = in->levels.ptr[in->levels.len - 1 - j];
    }
    for (size_t i = 0; i < count; i++) free_item(&items[i]);
    free_sized(items, count * sizeof(item_t));
    free_sized(weights, weight_count * 8);
    return r;
}

POST("items") void api_items_post(items_t *r) {
    for (size_t i = 0; i < r->len; i++) free_item(&r->ptr[i]);
    free_sized(r->ptr, r->len * sizeof(item_t));
}

/* eval: int + 1, real * 2, small (x + 1, y + 1), nothing is the fallback (or nothing); text asks the host to
 * describe it and returns "<description>|<text>". */
EXPORT("eval") value_t *api_eval(int32_t tag, int64_t p0, int32_t p1, int32_t fallback_some, int32_t ftag, int64_t f0, int32_t f1) {
    value_t in = value_from_flat(tag, p0, p1);
    value_t fallback = fallback_some ? value_from_flat(ftag, f0, f1) : (value_t){.tag = NOTHING};
    value_t *r = (value_t *)ret_area;
    memset(r, 0, sizeof *r);
    switch (in.tag) {
    case INT: r->tag = INT; r->u.i = in.u.i + 1; break;
    case REAL: r->tag = REAL; r->u.r = in.u.r * 2; break;
    case SMALL: r->tag = SMALL; r->u.s.x = in.u.s.x + 1; r->u.s.y = in.u.s.y + 1; break;
    case TEXT: {
        uint32_t ids[2] = {(uint32_t)in.u.t.len, 7};
        described_t d;
        int32_t t;
        int64_t a;
        int32_t b;
        value_to_flat(&in, &t, &a, &b);
        host_describe(t, a, b, ids, 2, &d);
        r->tag = TEXT;
        bytes_t bar = {(uint8_t *)"|", 1};
        bytes_t head = concat(d.text, bar);
        r->u.t = concat(head, d.value.tag == TEXT ? d.value.u.t : (bytes_t){0, 0});
        free_sized(head.ptr, head.len);
        free_sized(d.text.ptr, d.text.len);
        free_value(&d.value);
        break;
    }
    default:
        *r = fallback;
        if (fallback.tag == TEXT) r->u.t = copy_bytes(fallback.u.t.ptr, fallback.u.t.len);
        break;
    }
    free_value(&in);
    free_value(&fallback);
    return r;
}

POST("eval") void api_eval_post(value_t *r) { free_value(r); }

typedef struct { uint8_t is_err; bytes_t error; } result_str_t; /* result<_, string>: 12 bytes */

static size_t utf8(uint32_t c, uint8_t *out) {
    if (c < 0x80) { out[0] = (uint8_t)c; return 1; }
    if (c < 0x800) { out[0] = 0xC0 | (c >> 6); out[1] = 0x80 | (c & 0x3F); return 2; }
    if (c < 0x10000) { out[0] = 0xE0 | (c >> 12); out[1] = 0x80 | ((c >> 6) & 0x3F); out[2] = 0x80 | (c & 0x3F); return 3; }
    out[0] = 0xF0 | (c >> 18); out[1] = 0x80 | ((c >> 12) & 0x3F); out[2] = 0x80 | ((c >> 6) & 0x3F); out[3] = 0x80 | (c & 0x3F);
    return 4;
}

/* check: ok when the host's flags(wide) has label `a` and the triple's u64 is non-zero; otherwise the error is the
 * letter repeated (s8 & 3) + 1 times. The u16 must arrive zero-extended, the s8 sign-extended. */
EXPORT("check") result_str_t *api_check(int32_t wide, int32_t letter, int32_t s8, int32_t u16, int64_t u64) {
    result_str_t *r = (result_str_t *)ret_area;
    int32_t flags = host_flags(wide);
    if ((flags & 1) && u64 != 0 && s8 >= -128 && s8 <= 127 && u16 >= 0 && u16 <= 0xFFFF) {
        r->is_err = 0;
        r->error = (bytes_t){0, 0};
        return r;
    }
    uint8_t one[4];
    size_t n = utf8((uint32_t)letter, one);
    size_t times = (size_t)(s8 & 3) + 1;
    r->is_err = 1;
    r->error.len = n * times;
    r->error.ptr = alloc(r->error.len, 1);
    for (size_t i = 0; i < times; i++) memcpy(r->error.ptr + i * n, one, n);
    return r;
}

POST("check") void api_check_post(result_str_t *r) {
    if (r->is_err) free_sized(r->error.ptr, r->error.len);
}

/* level: result<oracle-level> (2 bytes): an error for a negative s16 or f32 above 100, else the s64 modulo 3. */
EXPORT("level") uint8_t *api_level(int32_t s, int64_t l, float f) {
    uint8_t *r = ret_area;
    if ((int16_t)s < 0 || f > 100.0f) {
        r[0] = 1;
        r[1] = 0;
    } else {
        r[0] = 0;
        r[1] = (uint8_t)(((l % 3) + 3) % 3);
    }
    return r;
}

/* chunks: the parts whose mask entry is true (a missing entry counts as true), each reversed. */
EXPORT("chunks") lists_t *api_chunks(bytes_t *parts, size_t count, uint8_t *mask, size_t mask_len) {
    lists_t *r = (lists_t *)ret_area;
    r->ptr = alloc(count * sizeof(bytes_t), 4);
    r->len = 0;
    for (size_t i = 0; i < count; i++) {
        if (i < mask_len && mask[i] == 0) continue;
        bytes_t out = copy_bytes(parts[i].ptr, parts[i].len);
        for (size_t j = 0; j < out.len; j++) out.ptr[j] = parts[i].ptr[parts[i].len - 1 - j];
        r->ptr[r->len++] = out;
    }
    for (size_t i = 0; i < count; i++) free_sized(parts[i].ptr, parts[i].len);
    free_sized(parts, count * sizeof(bytes_t));
    free_sized(mask, mask_len);
    if (r->len == 0) {
        free_sized(r->ptr, count * sizeof(bytes_t));
        r->ptr = (bytes_t *)4;
    }
    return r;
}

POST("chunks") void api_chunks_post(lists_t *r) {
    for (size_t i = 0; i < r->len; i++) free_sized(r->ptr[i].ptr, r->ptr[i].len);
    if (r->len) free(r->ptr);
}

/* lookup: none stays none; some(k) is k twice, or k once when the host's find(k) has a value. */
EXPORT("lookup") opt_str_t *api_lookup(int32_t some, uint8_t *key, size_t len) {
    opt_str_t *r = (opt_str_t *)ret_area;
    if (!some) {
        r->is_some = 0;
        r->value = (bytes_t){0, 0};
        return r;
    }
    opt_u32_t found;
    host_find(key, len, &found);
    bytes_t k = {key, len};
    r->is_some = 1;
    r->value = found.is_some ? copy_bytes(key, len) : concat(k, k);
    free_sized(key, len);
    return r;
}

POST("lookup") void api_lookup_post(opt_str_t *r) {
    if (r->is_some) free_sized(r->value.ptr, r->value.len);
}

typedef struct { uint8_t is_some; uint64_t value; } opt_u64_t; /* option<u64>: 16 bytes, payload at 8 */

/* big: some(int n) is n, some(real r) its bits, some(small) its u32, some(text) its length; nothing and none are none. */
EXPORT("big") opt_u64_t *api_big(int32_t some, int32_t tag, int64_t p0, int32_t p1) {
    opt_u64_t *r = (opt_u64_t *)ret_area;
    r->is_some = 0;
    r->value = 0;
    if (!some) return r;
    value_t v = value_from_flat(tag, p0, p1);
    r->is_some = v.tag != NOTHING;
    switch (v.tag) {
    case INT: r->value = (uint64_t)v.u.i; break;
    case REAL: memcpy(&r->value, &v.u.r, 8); break;
    case SMALL: r->value = v.u.s.y; break;
    case TEXT: r->value = v.u.t.len; break;
    default: break;
    }
    free_value(&v);
    return r;
}

/* fill: 16 flat parameters (not spilled); hands the item to the host's note with level a % 3. */
EXPORT("fill") void api_fill(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f, int64_t g, int64_t h,
                             int32_t id, int32_t note_some, uint8_t *note, size_t note_len, int32_t done,
                             uint8_t *levels, size_t levels_len, float j) {
    uint32_t extra = (uint32_t)(b + c + d + e + f + g + h) + (uint32_t)j;
    host_note(id + (int32_t)extra, note_some, note, note_len, done, levels, levels_len, (int32_t)((uint64_t)a % 3));
    if (note_some) free_sized(note, note_len);
    free_sized(levels, levels_len);
}

/* spill: 21 flat values, so one pointer to the tuple of three items (84 bytes), ours to free. Returns the ids, the
 * note lengths and the levels summed, plus what the host's sum(1.5, 2.5, high) and tally(the same three) give. */
EXPORT("spill") double api_spill(item_t *three) {
    double total = host_sum(1.5, 2.5f, 2) + host_tally(three);
    for (int i = 0; i < 3; i++) {
        total += three[i].id;
        if (three[i].note.is_some) total += (double)three[i].note.value.len;
        for (size_t k = 0; k < three[i].levels.len; k++) total += three[i].levels.ptr[k];
        free_item(&three[i]);
    }
    free(three);
    return total;
}

static int nothing_calls;

EXPORT("nothing") void api_nothing(void) { nothing_calls++; }
