//! IImageFilter: grayscale (samples/ComputePlugins), the same arithmetic as guests/c/plugin_grayscale.c.

#[path = "../bindings/i_image_filter.rs"]
mod filter;
#[path = "shared/c_heap.rs"]
mod heap;
#[path = "plugin/pixels.rs"]
mod pixels;

// The compiler checks each export against the type the C# interface generated.
const _: filter::NameFn = name;
const _: filter::ApplyFn = apply;

#[no_mangle]
pub unsafe extern "C" fn name(ret: *mut filter::WmStr) {
    let text = b"grayscale";
    *ret = filter::WmStr { ptr: heap::to_host(text), len: text.len() };
}

#[no_mangle]
pub unsafe extern "C" fn apply(
    source: *const u8, source_count: usize, target: *mut u8, target_count: usize,
    parameters: *const filter::FilterParameters,
) {
    let (source, target, _, _) = pixels::buffers(source, source_count, target, target_count, parameters);
    for (from, to) in source.chunks_exact(4).zip(target.chunks_exact_mut(4)) {
        let y = pixels::luma(from);
        to.copy_from_slice(&[y, y, y, from[3]]);
    }
}
