/*
 * A wasi-libc guest that mallocs and frees heavily with its own dlmalloc while the host heap, sharing the same linear
 * memory, allocates and frees too (through the env.churn import, called in the middle of every round). Every byte of
 * every live block, on both sides, is checked each round: if the two allocators ever hand out the same bytes, a
 * pattern breaks.
 */
#include <stdlib.h>
#include <string.h>

/* Generated from IStressGuest and IChurnHost (tests/WasmMarshal.Tests/Runtime/HeapCoexistenceTests.cs). */
#include "IChurnHost.h"
#include "IStressGuest.h"

#define MAX_LIVE 48

static uint32_t next_random(uint32_t *state) {
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    return *state;
}

static uint8_t pattern(uint32_t id, size_t i) { return (uint8_t)(id * 131u + i * 7u + (i >> 8)); }

typedef struct { uint8_t *ptr; size_t len; uint32_t id; } block;

static int check(const block *b) {
    for (size_t i = 0; i < b->len; i++) {
        if (b->ptr[i] != pattern(b->id, i)) return 0;
    }
    return 1;
}

static uint32_t fnv(const uint8_t *p, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

/* Returns the number of guest bytes verified, or 0 as soon as any byte (its own or the input's) is wrong. */
uint64_t stress(const uint8_t *input, size_t input_len, uint32_t seed, uint32_t rounds) {
    block live[MAX_LIVE];
    size_t count = 0;
    uint32_t state = seed | 1u, next_id = 1;
    uint64_t verified = 0;
    uint32_t input_hash = fnv(input, input_len);

    for (uint32_t round = 0; round < rounds; round++) {
        /* allocate a few blocks of very different sizes: small ones, and some that make dlmalloc grow memory */
        for (int k = 0; k < 4 && count < MAX_LIVE; k++) {
            uint32_t r = next_random(&state);
            size_t len = (r & 3) == 0 ? 16384 + (r >> 20) * 64 : 1 + (r >> 24);
            block b = {malloc(len), len, next_id++};
            if (b.ptr == NULL) __builtin_trap();
            for (size_t i = 0; i < len; i++) b.ptr[i] = pattern(b.id, i);
            live[count++] = b;
        }

        host_churn(round);

        for (size_t j = 0; j < count; j++) {
            if (!check(&live[j])) return 0;
            verified += live[j].len;
        }

        /* free about half, in random order */
        for (size_t j = 0; j < count;) {
            if (next_random(&state) & 1) {
                free(live[j].ptr);
                live[j] = live[--count];
            } else {
                j++;
            }
        }

        if (fnv(input, input_len) != input_hash) return 0;
        verified += input_len;
    }

    for (size_t j = 0; j < count; j++) {
        if (!check(&live[j])) return 0;
        verified += live[j].len;
        free(live[j].ptr);
    }
    return verified;
}
