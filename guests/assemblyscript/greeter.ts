// An AssemblyScript guest (assemblyscript 0.28.20) implementing IGreeter at the level of the core ABI, against the
// declarations generated from it: strings arrive as UTF-8 (ptr, len), structs as pointers read with the generated
// field offsets. The host allocates and frees through the exported malloc/free, backed by AssemblyScript's heap.
import { host_log } from "../bindings/IGreeterHost";
import { VEC3_X, VEC3_Y, VEC3_Z } from "../bindings/IGreeter";

export function malloc(size: usize): usize {
  return heap.alloc(size);
}

export function free(ptr: usize): void {
  if (ptr != 0) heap.free(ptr);
}

export function add(a: i32, b: i32): i32 {
  return a + b;
}

function copyAscii(text: string, to: usize): usize {
  for (let i = 0; i < text.length; i++) store<u8>(to + <usize>i, <u8>text.charCodeAt(i));
  return to + <usize>text.length;
}

export function greet(ret: usize, name: usize, name_len: usize): void {
  const called = "greet called from AssemblyScript";
  const message = heap.alloc(<usize>called.length);
  copyAscii(called, message);
  host_log(message, <usize>called.length);
  heap.free(message);

  const prefix = "Hello, ";
  const suffix = "! (from AssemblyScript)";
  const length = <usize>prefix.length + name_len + <usize>suffix.length;
  const out = heap.alloc(length);
  let at = copyAscii(prefix, out);
  memory.copy(at, name, name_len);
  copyAscii(suffix, at + name_len);
  store<usize>(ret, out);
  store<usize>(ret, length, 4);
}

export function word_count(text: usize, text_len: usize): u32 {
  let words: u32 = 0;
  let inWord = false;
  for (let i: usize = 0; i < text_len; i++) {
    const c = load<u8>(text + i);
    const space = c == 32 || (c >= 9 && c <= 13);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

export function sum_i32(values: usize, values_count: usize): i64 {
  let sum: i64 = 0;
  for (let i: usize = 0; i < values_count; i++) sum += <i64>load<i32>(values + i * 4);
  return sum;
}

export function scale(ret: usize, v: usize, k: f32): void {
  store<f32>(ret + VEC3_X, load<f32>(v + VEC3_X) * k);
  store<f32>(ret + VEC3_Y, load<f32>(v + VEC3_Y) * k);
  store<f32>(ret + VEC3_Z, load<f32>(v + VEC3_Z) * k);
}
