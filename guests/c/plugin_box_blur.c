/*
 * IImageFilter: box blur (samples/ComputePlugins). Separable: a horizontal pass into a temporary image, then a
 * vertical pass, each the rounded mean of 2 * radius + 1 pixels with coordinates clamped at the border. R, G and B
 * are blurred; alpha is kept. guests/assemblyscript/plugin_box_blur.ts does the same arithmetic.
 */
#include "plugin.h"

wm_str name(void)
{
    return plugin_name("box-blur");
}

/* One pass along x (dx = 4, dy = 0) or y (dx = 0, dy = 4 * width) of the RGB channels from `from` into `to`. */
static void blur_pass(const uint8_t *from, uint8_t *to, int width, int height, int radius, int horizontal)
{
    unsigned taps = 2u * (unsigned)radius + 1u;
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
            unsigned sum[3] = { 0, 0, 0 };
            for (int k = -radius; k <= radius; k++) {
                int sx = horizontal ? plugin_clamp(x + k, 0, width - 1) : x;
                int sy = horizontal ? y : plugin_clamp(y + k, 0, height - 1);
                const uint8_t *p = from + ((size_t)sy * (size_t)width + (size_t)sx) * 4;
                sum[0] += p[0];
                sum[1] += p[1];
                sum[2] += p[2];
            }
            uint8_t *q = to + ((size_t)y * (size_t)width + (size_t)x) * 4;
            for (int c = 0; c < 3; c++) q[c] = (uint8_t)((sum[c] + taps / 2) / taps);
            q[3] = from[((size_t)y * (size_t)width + (size_t)x) * 4 + 3];
        }
    }
}

void apply(const uint8_t *source, size_t source_count, uint8_t *target, size_t target_count, filter_parameters parameters)
{
    plugin_pixels(source_count, target_count, parameters);
    int radius = plugin_clamp(parameters.radius, 0, 64);
    uint8_t *rows = malloc(source_count);
    if (rows == NULL) __builtin_trap();
    blur_pass(source, rows, parameters.width, parameters.height, radius, 1);
    blur_pass(rows, target, parameters.width, parameters.height, radius, 0);
    free(rows);
}
