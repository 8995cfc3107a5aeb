// Shared by the AssemblyScript plugins of samples/ComputePlugins (plugin_*.ts): the guest heap for the host, the
// IImageFilter contract every filter checks, and the luma formula every language uses (see guests/c/plugin.h).
import { FILTER_PARAMETERS_WIDTH, FILTER_PARAMETERS_HEIGHT } from "../../bindings/IImageFilter";

// The host allocates its argument buffers here and frees what the plugin returns.
export function malloc(size: usize): usize {
  return heap.alloc(size);
}

export function free(ptr: usize): void {
  if (ptr != 0) heap.free(ptr);
}

// Writes the name export's result, an ASCII copy on the heap, into the return area `ret` as {ptr, len}.
export function returnName(ret: usize, text: string): void {
  const length = <usize>text.length;
  const out = heap.alloc(length);
  for (let i: usize = 0; i < length; i++) store<u8>(out + i, <u8>text.charCodeAt(<i32>i));
  store<usize>(ret, out);
  store<usize>(ret, length, 4);
}

// The pixel count, after checking that both buffers hold width * height RGBA pixels; traps otherwise, which the host
// reports as a typed error naming `apply`.
export function checkedPixels(sourceCount: usize, targetCount: usize, parameters: usize): usize {
  const width = load<i32>(parameters + FILTER_PARAMETERS_WIDTH);
  const height = load<i32>(parameters + FILTER_PARAMETERS_HEIGHT);
  if (width <= 0 || height <= 0) unreachable();
  const bytes = <u64>width * <u64>height * 4;
  if (bytes != <u64>sourceCount || bytes != <u64>targetCount) unreachable();
  return <usize>width * <usize>height;
}

// ITU-R BT.601 luma in 8-bit fixed point: (77 R + 150 G + 29 B + 128) / 256.
// @ts-ignore: decorator
@inline
export function luma(rgba: usize): u32 {
  return (77 * <u32>load<u8>(rgba) + 150 * <u32>load<u8>(rgba, 1) + 29 * <u32>load<u8>(rgba, 2) + 128) >> 8;
}

// @ts-ignore: decorator
@inline
export function clamp(value: i32, low: i32, high: i32): i32 {
  return value < low ? low : value > high ? high : value;
}
