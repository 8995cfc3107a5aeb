//! canon_rust.rs: a hand-written canonical-ABI guest for wit/test.wit (world `guest`), in Rust (Debian rustc 1.63,
//! wasm32-unknown-unknown, cdylib, no crates, no wit-bindgen), with the NEWER export names that `jco embed --dummy`
//! emits: `cm32p2|<iface>|<func>`, `cm32p2|<iface>|<func>_post`, `cm32p2_realloc`, `cm32p2_initialize` and
//! `cm32p2_memory` (wasm-ld always names the memory `memory`; guests/component/build.sh renames that one export).
//! Interface names in this scheme carry the version shortened to its semver-compatible part: `@0.1`, not `@0.1.0`.
//! Same behaviour as canon_c.c, function for function; the tests compare both with Wasmtime.Components.
#![allow(clippy::missing_safety_doc)]

use std::alloc::{alloc, dealloc, realloc, Layout};
use std::ptr;

/// The return area for results that do not fit one flat value (16 bytes, 8-aligned).
#[repr(C, align(8))]
struct RetArea([u8; 16]);
static mut RET_AREA: RetArea = RetArea([0; 16]);

unsafe fn ret_area() -> *mut u8 {
    ptr::addr_of_mut!(RET_AREA.0) as *mut u8
}

#[link(wasm_import_module = "cm32p2|wasmmarshal:test/host@0.1")]
extern "C" {
    #[link_name = "log"]
    fn host_log(ptr: *const u8, len: usize);
    /// prefix: func() -> string, through a return area we pass; the string comes from our realloc and is ours.
    #[link_name = "prefix"]
    fn host_prefix(ret: *mut [usize; 2]);
}

/// `realloc(old, old_size, align, new_size)` on Rust's global allocator. Zero-sized blocks are the dangling pointer
/// `align`, never allocated, so every block with a non-zero size can be freed with `Layout(size, align)`.
#[export_name = "cm32p2_realloc"]
pub unsafe extern "C" fn cabi_realloc(old: *mut u8, old_size: usize, align: usize, new_size: usize) -> *mut u8 {
    let layout = Layout::from_size_align(old_size, align).unwrap_or_else(|_| core::arch::wasm32::unreachable());
    if new_size == 0 {
        if old_size != 0 {
            dealloc(old, layout);
        }
        return align as *mut u8;
    }
    let p = if old_size == 0 {
        alloc(Layout::from_size_align_unchecked(new_size, align))
    } else {
        realloc(old, layout, new_size)
    };
    if p.is_null() {
        core::arch::wasm32::unreachable();
    }
    p
}

#[export_name = "cm32p2_initialize"]
pub extern "C" fn initialize() {}

unsafe fn free_sized(p: *mut u8, size: usize, align: usize) {
    if size != 0 {
        dealloc(p, Layout::from_size_align_unchecked(size, align));
    }
}

/// Copies `bytes` into a block from our realloc; the host gets it as a result and it is freed in post-return.
unsafe fn to_guest(bytes: &[u8]) -> (*mut u8, usize) {
    let p = cabi_realloc(ptr::null_mut(), 0, 1, bytes.len());
    ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
    (p, bytes.len())
}

unsafe fn store_str(at: *mut u8, s: (*mut u8, usize)) {
    (at as *mut usize).write(s.0 as usize);
    (at.add(4) as *mut usize).write(s.1);
}

unsafe fn free_str_at(at: *mut u8) {
    let p = *(at as *const usize) as *mut u8;
    let len = *(at.add(4) as *const usize);
    free_sized(p, len, 1);
}

/// An argument buffer (a string or list<u8>) from our realloc: ours, freed after use.
struct Owned {
    ptr: *mut u8,
    len: usize,
    align: usize,
}

impl Owned {
    unsafe fn bytes(&self) -> &[u8] {
        if self.len == 0 { &[] } else { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl Drop for Owned {
    fn drop(&mut self) {
        unsafe { free_sized(self.ptr, self.len, self.align) }
    }
}

unsafe fn owned(ptr: *mut u8, len: usize) -> Owned {
    Owned { ptr, len, align: 1 }
}

// ---- scalars ----

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|not"]
pub extern "C" fn api_not(b: i32) -> i32 {
    (b == 0) as i32
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|add-all"]
pub extern "C" fn api_add_all(a: i32, b: i32, c: i32, d: i32, e: i32, f: i32, g: i64, h: i64) -> i64 {
    // The i32s hold u8, s8, u16, s16 zero- or sign-extended: reinterpret them as the WIT types say.
    (a as u8 as i64)
        .wrapping_add(b as i8 as i64)
        .wrapping_add(c as u16 as i64)
        .wrapping_add(d as i16 as i64)
        .wrapping_add(e as u32 as i64)
        .wrapping_add(f as i64)
        .wrapping_add(g)
        .wrapping_add(h)
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|mul-floats"]
pub extern "C" fn api_mul_floats(a: f32, b: f64) -> f64 {
    a as f64 * b
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|next-char"]
pub extern "C" fn api_next_char(c: i32) -> i32 {
    let mut next = (c as u32).wrapping_add(1);
    if next == 0xD800 {
        next = 0xE000;
    }
    if next > 0x10FFFF {
        next = 0;
    }
    next as i32
}

// ---- strings and lists ----

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|count-bytes"]
pub unsafe extern "C" fn api_count_bytes(s: *mut u8, len: usize) -> i32 {
    let s = owned(s, len);
    s.len as i32
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|greet"]
pub unsafe extern "C" fn api_greet(name: *mut u8, len: usize) -> *mut u8 {
    let name = owned(name, len);
    let called = b"greet called from Rust";
    host_log(called.as_ptr(), called.len());
    let mut prefix = [0usize; 2];
    host_prefix(&mut prefix);
    let prefix = owned(prefix[0] as *mut u8, prefix[1]);
    let mut text = prefix.bytes().to_vec();
    text.extend_from_slice(name.bytes());
    store_str(ret_area(), to_guest(&text));
    ret_area()
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|greet_post"]
pub unsafe extern "C" fn api_greet_post(area: *mut u8) {
    free_str_at(area);
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|reverse-bytes"]
pub unsafe extern "C" fn api_reverse_bytes(data: *mut u8, len: usize) -> *mut u8 {
    let data = owned(data, len);
    let reversed: Vec<u8> = data.bytes().iter().rev().copied().collect();
    store_str(ret_area(), to_guest(&reversed));
    ret_area()
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|reverse-bytes_post"]
pub unsafe extern "C" fn api_reverse_bytes_post(area: *mut u8) {
    free_str_at(area);
}

unsafe fn u32s<'a>(xs: *const u32, len: usize) -> &'a [u32] {
    if len == 0 { &[] } else { std::slice::from_raw_parts(xs, len) }
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|sum-u32"]
pub unsafe extern "C" fn api_sum_u32(xs: *mut u32, len: usize) -> i64 {
    let sum = u32s(xs, len).iter().map(|&x| x as u64).sum::<u64>();
    free_sized(xs as *mut u8, len * 4, 4);
    sum as i64
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|double-all"]
pub unsafe extern "C" fn api_double_all(xs: *mut u32, len: usize) -> *mut u8 {
    let out = cabi_realloc(ptr::null_mut(), 0, 4, len * 4) as *mut u32;
    for (i, &x) in u32s(xs, len).iter().enumerate() {
        out.add(i).write(x.wrapping_mul(2));
    }
    free_sized(xs as *mut u8, len * 4, 4);
    store_str(ret_area(), (out as *mut u8, len));
    ret_area()
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|double-all_post"]
pub unsafe extern "C" fn api_double_all_post(area: *mut u8) {
    let p = *(area as *const usize) as *mut u8;
    let len = *(area.add(4) as *const usize);
    free_sized(p, len * 4, 4);
}

/// A list<string> argument: `count` (ptr, len) pairs, each string and the array ours to free.
unsafe fn take_strings(items: *mut [usize; 2], count: usize) -> Vec<Vec<u8>> {
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let [p, len] = *items.add(i);
        out.push(owned(p as *mut u8, len).bytes().to_vec());
    }
    free_sized(items as *mut u8, count * 8, 4);
    out
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|join"]
pub unsafe extern "C" fn api_join(parts: *mut [usize; 2], count: usize, sep: *mut u8, sep_len: usize) -> *mut u8 {
    let parts = take_strings(parts, count);
    let sep = owned(sep, sep_len);
    let joined = parts.join(sep.bytes());
    store_str(ret_area(), to_guest(&joined));
    ret_area()
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|join_post"]
pub unsafe extern "C" fn api_join_post(area: *mut u8) {
    free_str_at(area);
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|split"]
pub unsafe extern "C" fn api_split(s: *mut u8, len: usize, sep: i32) -> *mut u8 {
    let s = owned(s, len);
    let mut sep_buf = [0u8; 4];
    let sep = char::from_u32(sep as u32).unwrap_or('\u{FFFD}').encode_utf8(&mut sep_buf).as_bytes().to_vec();
    let bytes = s.bytes();
    let mut pieces: Vec<&[u8]> = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i + sep.len() <= bytes.len() {
        if &bytes[i..i + sep.len()] == sep.as_slice() {
            pieces.push(&bytes[start..i]);
            i += sep.len();
            start = i;
        } else {
            i += 1;
        }
    }
    pieces.push(&bytes[start..]);
    let items = cabi_realloc(ptr::null_mut(), 0, 4, pieces.len() * 8);
    for (k, piece) in pieces.iter().enumerate() {
        store_str(items.add(k * 8), to_guest(piece));
    }
    store_str(ret_area(), (items, pieces.len()));
    ret_area()
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|split_post"]
pub unsafe extern "C" fn api_split_post(area: *mut u8) {
    let items = *(area as *const usize) as *mut [usize; 2];
    let count = *(area.add(4) as *const usize);
    drop(take_strings(items, count));
}

// ---- records, tuples, enums, flags, variants ----

/// point { x: s32, y: s32, label: string }: flattened to (x, y, label.ptr, label.len); in memory 16 bytes.
#[export_name = "cm32p2|wasmmarshal:test/api@0.1|move-point"]
pub unsafe extern "C" fn api_move_point(x: i32, y: i32, label: *mut u8, label_len: usize, dx: i32, dy: i32) -> *mut u8 {
    let label = owned(label, label_len);
    let mut text = label.bytes().to_vec();
    text.push(b'\'');
    let area = ret_area();
    (area as *mut i32).write(x.wrapping_add(dx));
    (area.add(4) as *mut i32).write(y.wrapping_add(dy));
    store_str(area.add(8), to_guest(&text));
    area
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|move-point_post"]
pub unsafe extern "C" fn api_move_point_post(area: *mut u8) {
    free_str_at(area.add(8));
}

/// swap: func(t: tuple<u32, string>) -> tuple<string, u32>: (ptr, len) at 0 and the u32 at 8.
#[export_name = "cm32p2|wasmmarshal:test/api@0.1|swap"]
pub unsafe extern "C" fn api_swap(a: u32, s: *mut u8, len: usize) -> *mut u8 {
    let s = owned(s, len);
    let area = ret_area();
    store_str(area, to_guest(s.bytes()));
    (area.add(8) as *mut u32).write(a);
    area
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|swap_post"]
pub unsafe extern "C" fn api_swap_post(area: *mut u8) {
    free_str_at(area);
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|next-color"]
pub extern "C" fn api_next_color(c: i32) -> i32 {
    (c + 1) % 3
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|toggle"]
pub extern "C" fn api_toggle(p: i32, mask: i32) -> i32 {
    p ^ mask
}

/// shape: variant { circle(f32), rect(tuple<u32, u32>), empty }, flattened to (discriminant, i32, i32); circle's f32
/// travels as its bit pattern in the first i32.
#[export_name = "cm32p2|wasmmarshal:test/api@0.1|area"]
pub extern "C" fn api_area(disc: i32, p0: i32, p1: i32) -> f64 {
    match disc {
        0 => {
            let r = f32::from_bits(p0 as u32) as f64;
            3.14159265358979 * r * r
        }
        1 => (p0 as u32) as f64 * (p1 as u32) as f64,
        _ => 0.0,
    }
}

/// A shape in memory: u8 discriminant at 0, payload at 4; 12 bytes.
#[export_name = "cm32p2|wasmmarshal:test/api@0.1|make-shape"]
pub unsafe extern "C" fn api_make_shape(kind: i32, a: u32, b: u32) -> *mut u8 {
    let area = ret_area();
    ptr::write_bytes(area, 0, 12);
    match kind & 0xFF {
        0 => (area.add(4) as *mut f32).write(a as f32),
        1 => {
            *area = 1;
            (area.add(4) as *mut u32).write(a);
            (area.add(8) as *mut u32).write(b);
        }
        _ => *area = 2,
    }
    area
}

// ---- options and results ----

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|find"]
pub unsafe extern "C" fn api_find(xs: *mut u32, len: usize, x: u32) -> *mut u8 {
    let area = ret_area();
    ptr::write_bytes(area, 0, 8);
    if let Some(index) = u32s(xs, len).iter().position(|&v| v == x) {
        *area = 1;
        (area.add(4) as *mut u32).write(index as u32);
    }
    free_sized(xs as *mut u8, len * 4, 4);
    area
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|first-word"]
pub unsafe extern "C" fn api_first_word(s: *mut u8, len: usize) -> *mut u8 {
    let s = owned(s, len);
    let area = ret_area();
    ptr::write_bytes(area, 0, 12);
    if let Some(word) = s.bytes().split(|&b| b == b' ').find(|w| !w.is_empty()) {
        *area = 1;
        store_str(area.add(4), to_guest(word));
    }
    area
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|first-word_post"]
pub unsafe extern "C" fn api_first_word_post(area: *mut u8) {
    if *area == 1 {
        free_str_at(area.add(4));
    }
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|parse"]
pub unsafe extern "C" fn api_parse(s: *mut u8, len: usize) -> *mut u8 {
    let s = owned(s, len);
    let area = ret_area();
    ptr::write_bytes(area, 0, 12);
    let bytes = s.bytes();
    let mut value: u64 = 0;
    let mut ok = !bytes.is_empty();
    for &b in bytes {
        if !b.is_ascii_digit() {
            ok = false;
            break;
        }
        value = value * 10 + (b - b'0') as u64;
        if value > u32::MAX as u64 {
            ok = false;
            break;
        }
    }
    if ok {
        (area.add(4) as *mut u32).write(value as u32);
    } else {
        let mut msg = b"not a number: ".to_vec();
        msg.extend_from_slice(bytes);
        *area = 1;
        store_str(area.add(4), to_guest(&msg));
    }
    area
}

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|parse_post"]
pub unsafe extern "C" fn api_parse_post(area: *mut u8) {
    if *area == 1 {
        free_str_at(area.add(4));
    }
}

// ---- more than 16 flat parameters ----

/// The 17 parameters as a tuple in memory from our realloc (88 bytes, 8-aligned); the block is ours to free.
#[repr(C)]
pub struct Sum17Args {
    a: [u32; 13],
    a14: u64,
    a15: u64,
    a16: f32,
    a17: f64,
}

const _: () = assert!(std::mem::size_of::<Sum17Args>() == 88 && std::mem::align_of::<Sum17Args>() == 8);

#[export_name = "cm32p2|wasmmarshal:test/api@0.1|sum17"]
pub unsafe extern "C" fn api_sum17(args: *mut Sum17Args) -> f64 {
    let a = &*args;
    let mut sum: f64 = a.a.iter().map(|&x| x as f64).sum();
    sum += a.a14 as f64 + a.a15 as f64 + a.a16 as f64 + a.a17;
    free_sized(args as *mut u8, 88, 8);
    sum
}
