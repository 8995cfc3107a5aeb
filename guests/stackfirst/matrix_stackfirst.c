/*
 * Toolchain matrix guest 2: freestanding C laid out like Zig's wasm32-freestanding: -Wl,--stack-first puts the
 * shadow stack at the bottom of memory, below static data, so a stack overflow runs off address 0 and traps instead
 * of silently overwriting data. It brings its own allocator, which takes whole pages with memory.grow and exports
 * them as malloc/free. The interface is in ../shared/matrix_guest.h.
 */
#include "wasm_marshal.h"

#define PAGE 65536u

/* Each block has an 8-byte header holding its size; a freed block reuses the next word as its free-list link. */
typedef struct block {
    size_t size;
    struct block *next;
} block;

extern unsigned char __heap_base;
static uintptr_t heap_top;
static uintptr_t heap_end;
static block *free_list;

/*
 * Makes [heap_top, heap_top + bytes) usable. Pages the heap did not grow itself are never assumed to be its own: if
 * memory.grow returns pages that do not continue the heap, someone else (the host) grew memory in between, and the
 * heap restarts on the fresh pages rather than claiming the pages between.
 */
static int reserve(size_t bytes) {
    if (heap_top == 0) {
        heap_top = ((uintptr_t)&__heap_base + 7) & ~(uintptr_t)7;
        heap_end = (uintptr_t)__builtin_wasm_memory_size(0) * PAGE;
    }
    while (heap_top + bytes > heap_end) {
        size_t pages = (heap_top + bytes - heap_end + PAGE - 1) / PAGE;
        size_t old = __builtin_wasm_memory_grow(0, pages);
        if (old == (size_t)-1) return 0;
        if (old * PAGE != heap_end) heap_top = old * PAGE;
        heap_end = (old + pages) * PAGE;
    }
    return 1;
}

__attribute__((export_name("malloc")))
void *malloc(size_t size) {
    size = (size + 7) & ~(size_t)7;
    if (size < 8) size = 8;
    for (block **at = &free_list; *at != NULL; at = &(*at)->next) {
        if ((*at)->size >= size) {
            block *found = *at;
            *at = found->next;
            return (char *)found + 8;
        }
    }
    if (!reserve(8 + size)) return NULL;
    block *fresh = (block *)heap_top;
    fresh->size = size;
    heap_top += 8 + size;
    return (char *)fresh + 8;
}

__attribute__((export_name("free")))
void free(void *ptr) {
    if (ptr == NULL) return;
    block *freed = (block *)((char *)ptr - 8);
    freed->next = free_list;
    free_list = freed;
}

#define MATRIX_TOOLCHAIN "C (freestanding, stack first, own allocator)"
static void matrix_free(void *ptr) { free(ptr); }
#include "../shared/matrix_guest.h"
static void *matrix_alloc(size_t size) { return malloc(size); }
