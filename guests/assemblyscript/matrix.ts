// Toolchain matrix guest 6: AssemblyScript (assemblyscript 0.28.20) in its own conventions. Strings are
// AssemblyScript strings (one pointer, UTF-16, byte length at ptr - 4), created by the host with the exported
// __new and pinned with __pin while a call uses them; strings returned here belong to the garbage collector.
// abort stays an import (env.abort), which the host supplies and turns into WasmGuestAbortedException.
// asc-flags: --exportRuntime
import { host_observe } from "../bindings/IMatrixHostAs";
import { host_decorate } from "../bindings/IMatrixHostAsStrings";
import { PARTICLE_SIZE, PARTICLE_X, PARTICLE_Y, PARTICLE_VX, PARTICLE_VY, PARTICLE_BOUNCES } from "../bindings/IMatrixGuestAs";

export function toolchain(): string {
  return "AssemblyScript";
}

export function join(left: string, right: string): string {
  return left + " & " + right;
}

export function step(p: usize, dt: f32): void {
  const vy = load<f32>(p + PARTICLE_VY);
  store<f32>(p + PARTICLE_X, load<f32>(p + PARTICLE_X) + load<f32>(p + PARTICLE_VX) * dt);
  const y = load<f32>(p + PARTICLE_Y) + vy * dt;
  if (y < 0) {
    store<f32>(p + PARTICLE_Y, -y);
    store<f32>(p + PARTICLE_VY, -vy);
    store<i32>(p + PARTICLE_BOUNCES, load<i32>(p + PARTICLE_BOUNCES) + 1);
  } else {
    store<f32>(p + PARTICLE_Y, y);
  }
}

export function prefix_sums(input: usize, input_count: usize, output: usize, output_count: usize): i32 {
  const n = input_count < output_count ? input_count : output_count;
  let sum: i32 = 0;
  for (let i: usize = 0; i < n; i++) {
    sum += load<i32>(input + i * 4);
    store<i32>(output + i * 4, sum);
  }
  return <i32>n;
}

const particle = memory.data(<i32>PARTICLE_SIZE, 4);

export function notify(label: string): void {
  store<f32>(particle + PARTICLE_X, 1.5);
  store<f32>(particle + PARTICLE_Y, -2.0);
  store<f32>(particle + PARTICLE_VX, 0.25);
  store<f32>(particle + PARTICLE_VY, 8.0);
  store<i32>(particle + PARTICLE_BOUNCES, label.length);
  host_observe(label + "!", particle);
}

// Kept alive by this global array: memory grows and stays grown.
const kept = new Array<ArrayBuffer>();

export function grow(kib: i32): i32 {
  const block = new ArrayBuffer(kib * 1024);
  for (let i = 0; i < kib * 1024; i += 4096) store<u8>(changetype<usize>(block) + <usize>i, <u8>i);
  kept.push(block);
  return memory.size();
}

// Not part of the shared interface: a failed assert reaches the host as env.abort.
export function check_positive(value: i32): i32 {
  assert(value > 0, "value must be positive");
  return value;
}

// Not part of the shared interface: strings the host returns are the guest's, unpinned, and must survive a collection.
export function decorate_twice(text: string): string {
  const once = host_decorate(text);
  __collect();
  const filler = new Array<string>();
  for (let i = 0; i < 64; i++) filler.push(i.toString() + once); // reuses any block the collector wrongly freed
  return host_decorate(once) + (filler.length == 64 ? "" : "?");
}
