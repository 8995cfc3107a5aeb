/*
 * A grayscale filter written against an older IImageFilter, whose apply filtered in place and took width and height
 * as two ints: apply(uint8_t *rgba, size_t rgba_count, int32_t width, int32_t height). samples/ComputePlugins ships it
 * in not-a-plugin/ to show the bind-time report for a module that exports the right names with the wrong signature.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wasm_marshal.h"

WM_EXPORT("name")
wm_str name(void)
{
    static const char text[] = "grayscale";
    char *copy = malloc(sizeof text - 1);
    if (copy == NULL) __builtin_trap();
    memcpy(copy, text, sizeof text - 1);
    return (wm_str){ copy, sizeof text - 1 };
}

WM_EXPORT("apply")
void apply(uint8_t *rgba, size_t rgba_count, int32_t width, int32_t height)
{
    if (width <= 0 || height <= 0 || (uint64_t)width * (uint64_t)height * 4 != rgba_count) __builtin_trap();
    for (size_t i = 0; i < rgba_count; i += 4) {
        uint8_t y = (uint8_t)((77u * rgba[i] + 150u * rgba[i + 1] + 29u * rgba[i + 2] + 128u) >> 8);
        rgba[i] = rgba[i + 1] = rgba[i + 2] = y;
    }
}
