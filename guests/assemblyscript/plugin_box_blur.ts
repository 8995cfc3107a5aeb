// IImageFilter: box blur (samples/ComputePlugins). Separable: a horizontal pass into a temporary image, then a vertical
// pass, each the rounded mean of 2 * radius + 1 pixels with coordinates clamped at the border; R, G and B are blurred
// and alpha is kept. The same arithmetic as guests/c/plugin_box_blur.c, so the two agree byte for byte.
import { FILTER_PARAMETERS_WIDTH, FILTER_PARAMETERS_HEIGHT, FILTER_PARAMETERS_RADIUS } from "../bindings/IImageFilter";
import { checkedPixels, clamp, returnName } from "./plugin/filter";
export { malloc, free } from "./plugin/filter";

export function name(ret: usize): void {
  returnName(ret, "box-blur");
}

function blurPass(from: usize, to: usize, width: i32, height: i32, radius: i32, horizontal: bool): void {
  const taps = <u32>(2 * radius + 1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r: u32 = 0, g: u32 = 0, b: u32 = 0;
      for (let k = -radius; k <= radius; k++) {
        const sx = horizontal ? clamp(x + k, 0, width - 1) : x;
        const sy = horizontal ? y : clamp(y + k, 0, height - 1);
        const p = from + (<usize>sy * <usize>width + <usize>sx) * 4;
        r += load<u8>(p);
        g += load<u8>(p, 1);
        b += load<u8>(p, 2);
      }
      const at = (<usize>y * <usize>width + <usize>x) * 4;
      store<u8>(to + at, <u8>((r + taps / 2) / taps));
      store<u8>(to + at, <u8>((g + taps / 2) / taps), 1);
      store<u8>(to + at, <u8>((b + taps / 2) / taps), 2);
      store<u8>(to + at, load<u8>(from + at, 3), 3);
    }
  }
}

export function apply(source: usize, source_count: usize, target: usize, target_count: usize, parameters: usize): void {
  checkedPixels(source_count, target_count, parameters);
  const width = load<i32>(parameters + FILTER_PARAMETERS_WIDTH);
  const height = load<i32>(parameters + FILTER_PARAMETERS_HEIGHT);
  const radius = clamp(load<i32>(parameters + FILTER_PARAMETERS_RADIUS), 0, 64);
  const rows = heap.alloc(source_count);
  blurPass(source, rows, width, height, radius, true);
  blurPass(rows, target, width, height, radius, false);
  heap.free(rows);
}
