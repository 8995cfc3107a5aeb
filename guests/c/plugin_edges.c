/*
 * IImageFilter: edges (samples/ComputePlugins). The Sobel gradient of the luma, |gx| + |gy| capped at 255, in R, G and
 * B; alpha is kept. Border pixels use clamped coordinates. guests/rust/plugin_edges.rs does the same arithmetic.
 */
#include "plugin.h"

wm_str name(void)
{
    return plugin_name("edges");
}

void apply(const uint8_t *source, size_t source_count, uint8_t *target, size_t target_count, filter_parameters parameters)
{
    size_t pixels = plugin_pixels(source_count, target_count, parameters);
    int width = parameters.width, height = parameters.height;
    uint8_t *luma = malloc(pixels);
    if (luma == NULL) __builtin_trap();
    for (size_t i = 0; i < pixels; i++) luma[i] = plugin_luma(source + i * 4);

    for (int y = 0; y < height; y++) {
        const uint8_t *up = luma + (size_t)plugin_clamp(y - 1, 0, height - 1) * (size_t)width;
        const uint8_t *row = luma + (size_t)y * (size_t)width;
        const uint8_t *down = luma + (size_t)plugin_clamp(y + 1, 0, height - 1) * (size_t)width;
        for (int x = 0; x < width; x++) {
            int l = plugin_clamp(x - 1, 0, width - 1), r = plugin_clamp(x + 1, 0, width - 1);
            int gx = (up[r] + 2 * row[r] + down[r]) - (up[l] + 2 * row[l] + down[l]);
            int gy = (down[l] + 2 * down[x] + down[r]) - (up[l] + 2 * up[x] + up[r]);
            int magnitude = abs(gx) + abs(gy);
            uint8_t value = (uint8_t)(magnitude > 255 ? 255 : magnitude);
            uint8_t *q = target + ((size_t)y * (size_t)width + (size_t)x) * 4;
            q[0] = value;
            q[1] = value;
            q[2] = value;
            q[3] = source[((size_t)y * (size_t)width + (size_t)x) * 4 + 3];
        }
    }
    free(luma);
}
