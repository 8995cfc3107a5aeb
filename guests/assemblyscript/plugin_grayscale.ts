// IImageFilter: grayscale (samples/ComputePlugins), the same arithmetic as guests/c/plugin_grayscale.c.
import { checkedPixels, luma, returnName } from "./plugin/filter";
export { malloc, free } from "./plugin/filter";

export function name(ret: usize): void {
  returnName(ret, "grayscale");
}

export function apply(source: usize, source_count: usize, target: usize, target_count: usize, parameters: usize): void {
  const bytes = checkedPixels(source_count, target_count, parameters) * 4;
  for (let i: usize = 0; i < bytes; i += 4) {
    const y = <u8>luma(source + i);
    store<u8>(target + i, y);
    store<u8>(target + i, y, 1);
    store<u8>(target + i, y, 2);
    store<u8>(target + i, load<u8>(source + i, 3), 3);
  }
}
