//! Toolchain matrix guest 5: Rust (Debian rustc 1.63, wasm32-unknown-unknown, cdylib, no crates) implementing
//! IMatrixGuest against the generated bindings. The host allocates through `alloc(size, align)` and frees through
//! `dealloc(ptr, size, align)`: Rust's own allocator, with the `Layout` the host always knows.

#[path = "../bindings/i_matrix_guest.rs"]
mod matrix;
#[path = "../bindings/i_matrix_host.rs"]
mod host;

use std::alloc::Layout;

const _: matrix::ToolchainFn = toolchain;
const _: matrix::JoinFn = join;
const _: matrix::StepFn = step;
const _: matrix::PrefixSumsFn = prefix_sums;
const _: matrix::NotifyFn = notify;
const _: matrix::GrowFn = grow;

#[no_mangle]
pub unsafe extern "C" fn alloc(size: usize, align: usize) -> *mut u8 {
    match Layout::from_size_align(size, align) {
        Ok(layout) if size > 0 => std::alloc::alloc(layout),
        _ => core::ptr::null_mut(),
    }
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, size: usize, align: usize) {
    if !ptr.is_null() {
        std::alloc::dealloc(ptr, Layout::from_size_align_unchecked(size, align));
    }
}

/// A returned string: allocated with align 1 and at least 1 byte, the layout the host frees it with.
unsafe fn give(ret: *mut matrix::WmStr, text: &[u8]) {
    let out = alloc(text.len().max(1), 1);
    if out.is_null() {
        core::arch::wasm32::unreachable();
    }
    core::ptr::copy_nonoverlapping(text.as_ptr(), out, text.len());
    *ret = matrix::WmStr { ptr: out, len: text.len() };
}

unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if ptr.is_null() { &[] } else { core::slice::from_raw_parts(ptr, len) }
}

#[no_mangle]
pub unsafe extern "C" fn toolchain(ret: *mut matrix::WmStr) {
    give(ret, b"Rust");
}

#[no_mangle]
pub unsafe extern "C" fn join(ret: *mut matrix::WmStr, left: *const u8, left_len: usize, right: *const u8, right_len: usize) {
    let mut text = bytes(left, left_len).to_vec();
    text.extend_from_slice(b" & ");
    text.extend_from_slice(bytes(right, right_len));
    give(ret, &text);
}

#[no_mangle]
pub unsafe extern "C" fn step(p: *mut matrix::Particle, dt: f32) {
    let p = &mut *p;
    p.x += p.vx * dt;
    p.y += p.vy * dt;
    if p.y < 0.0 {
        p.y = -p.y;
        p.vy = -p.vy;
        p.bounces += 1;
    }
}

#[no_mangle]
pub unsafe extern "C" fn prefix_sums(input: *const i32, input_count: usize, output: *mut i32, output_count: usize) -> i32 {
    let n = input_count.min(output_count);
    if n == 0 {
        return 0;
    }
    let input = core::slice::from_raw_parts(input, n);
    let output = core::slice::from_raw_parts_mut(output, n);
    let mut sum = 0i32;
    for (i, value) in input.iter().enumerate() {
        sum = sum.wrapping_add(*value);
        output[i] = sum;
    }
    n as i32
}

#[no_mangle]
pub unsafe extern "C" fn notify(label: *const u8, label_len: usize) {
    let label = bytes(label, label_len);
    let mut text = label.to_vec();
    text.push(b'!');
    let code_points = label.iter().filter(|b| (**b & 0xC0) != 0x80).count() as i32;
    let p = matrix::Particle { x: 1.5, y: -2.0, vx: 0.25, vy: 8.0, bounces: code_points };
    host::host_observe(text.as_ptr(), text.len(), &p as *const matrix::Particle as *const host::Particle);
}

/// Allocates and keeps `kib` KiB (leaked on purpose: memory grows and stays grown).
#[no_mangle]
pub unsafe extern "C" fn grow(kib: i32) -> i32 {
    let block = vec![7u8; kib as usize * 1024];
    core::mem::forget(block);
    core::arch::wasm32::memory_size(0) as i32
}

/// 1 when every struct field offset matches the C# layout.
#[no_mangle]
pub extern "C" fn layout_ok() -> i32 {
    matrix::check_layout() as i32
}
