/* IImageFilter: grayscale (samples/ComputePlugins). Each pixel becomes its luma in R, G and B; alpha is kept. */
#include "plugin.h"

wm_str name(void)
{
    return plugin_name("grayscale");
}

void apply(const uint8_t *source, size_t source_count, uint8_t *target, size_t target_count, filter_parameters parameters)
{
    size_t pixels = plugin_pixels(source_count, target_count, parameters);
    for (size_t i = 0; i < pixels * 4; i += 4) {
        uint8_t y = plugin_luma(source + i);
        target[i] = y;
        target[i + 1] = y;
        target[i + 2] = y;
        target[i + 3] = source[i + 3];
    }
}
