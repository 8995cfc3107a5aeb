//! The C-style guest heap shared by the Rust guests that speak the core ABI (greeter, game_snake, the plugins):
//! malloc and free for the host, which allocates its argument buffers here and frees what the guest returns.
//! Included with #[path = "shared/c_heap.rs"]; guests/build.sh builds only the top-level *.rs files.

use std::alloc::{alloc, dealloc, Layout};

/// Rust's allocator needs the size back on free, and C's free does not pass it: keep it in 8 bytes before the block.
#[no_mangle]
pub unsafe extern "C" fn malloc(size: usize) -> *mut u8 {
    let layout = match size.checked_add(8).map(|total| Layout::from_size_align(total, 8)) {
        Some(Ok(layout)) => layout,
        _ => return core::ptr::null_mut(),
    };
    let block = alloc(layout);
    if block.is_null() {
        return block;
    }
    *(block as *mut usize) = size + 8;
    block.add(8)
}

#[no_mangle]
pub unsafe extern "C" fn free(ptr: *mut u8) {
    if ptr.is_null() {
        return;
    }
    let block = ptr.sub(8);
    let total = *(block as *const usize);
    dealloc(block, Layout::from_size_align_unchecked(total, 8));
}

/// A copy of `bytes` on this heap, for a result the host copies and then frees; traps when memory runs out.
pub unsafe fn to_host(bytes: &[u8]) -> *mut u8 {
    let out = malloc(bytes.len());
    if out.is_null() {
        core::arch::wasm32::unreachable();
    }
    core::ptr::copy_nonoverlapping(bytes.as_ptr(), out, bytes.len());
    out
}
