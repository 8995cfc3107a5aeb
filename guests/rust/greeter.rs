//! A Rust guest (Debian rustc 1.63, wasm32-unknown-unknown, no crates) implementing IGreeter against the bindings
//! generated from it. The host allocates and frees through the exported malloc/free of shared/c_heap.rs.

#[path = "../bindings/i_greeter.rs"]
mod greeter;
#[path = "../bindings/i_greeter_host.rs"]
mod host;
#[path = "shared/c_heap.rs"]
mod heap;

// The compiler checks each export against the type the C# interface generated.
const _: greeter::AddFn = add;
const _: greeter::GreetFn = greet;
const _: greeter::WordCountFn = word_count;
const _: greeter::SumI32Fn = sum_i32;
const _: greeter::ScaleFn = scale;

#[no_mangle]
pub unsafe extern "C" fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

#[no_mangle]
pub unsafe extern "C" fn greet(ret: *mut greeter::WmStr, name: *const u8, name_len: usize) {
    let called = b"greet called from Rust";
    host::host_log(called.as_ptr(), called.len());
    let name = if name.is_null() { &[][..] } else { core::slice::from_raw_parts(name, name_len) };
    let mut text = b"Hello, ".to_vec();
    text.extend_from_slice(name);
    text.extend_from_slice(b"! (from Rust)");
    *ret = greeter::WmStr { ptr: heap::to_host(&text), len: text.len() };
}

#[no_mangle]
pub unsafe extern "C" fn word_count(text: *const u8, text_len: usize) -> u32 {
    if text.is_null() {
        return 0;
    }
    core::slice::from_raw_parts(text, text_len)
        .split(|b| b.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .count() as u32
}

#[no_mangle]
pub unsafe extern "C" fn sum_i32(values: *const i32, values_count: usize) -> i64 {
    if values.is_null() {
        return 0;
    }
    core::slice::from_raw_parts(values, values_count).iter().map(|&v| v as i64).sum()
}

#[no_mangle]
pub unsafe extern "C" fn scale(ret: *mut greeter::Vec3, v: *const greeter::Vec3, k: f32) {
    let v = *v;
    *ret = greeter::Vec3 { x: v.x * k, y: v.y * k, z: v.z * k };
}

/// 1 when every struct field offset matches the C# layout (the sizes are checked at compile time).
#[no_mangle]
pub extern "C" fn layout_ok() -> i32 {
    greeter::check_layout() as i32
}
