/*
 * Shared by the C plugins of samples/ComputePlugins (plugin_*.c): the IImageFilter contract that every filter checks,
 * and the luma formula that every language uses so that their outputs agree byte for byte.
 */
#ifndef COMPUTE_PLUGINS_PLUGIN_H
#define COMPUTE_PLUGINS_PLUGIN_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "IImageFilter.h"

/* The name export: a copy on the guest heap, which the host frees. */
static inline wm_str plugin_name(const char *text)
{
    size_t len = strlen(text);
    char *copy = malloc(len);
    if (copy == NULL) __builtin_trap();
    memcpy(copy, text, len);
    return (wm_str){ copy, len };
}

/* The pixel count, after checking that both buffers hold width * height RGBA pixels; traps otherwise, which the
 * host reports as a typed error naming `apply`. */
static inline size_t plugin_pixels(size_t source_count, size_t target_count, filter_parameters p)
{
    if (p.width <= 0 || p.height <= 0) __builtin_trap();
    uint64_t bytes = (uint64_t)p.width * (uint64_t)p.height * 4;
    if (bytes != source_count || bytes != target_count) __builtin_trap();
    return (size_t)p.width * (size_t)p.height;
}

/* ITU-R BT.601 luma in 8-bit fixed point: (77 R + 150 G + 29 B + 128) / 256, always 0..255. */
static inline uint8_t plugin_luma(const uint8_t *rgba)
{
    return (uint8_t)((77u * rgba[0] + 150u * rgba[1] + 29u * rgba[2] + 128u) >> 8);
}

static inline int plugin_clamp(int value, int low, int high)
{
    return value < low ? low : value > high ? high : value;
}

#endif
