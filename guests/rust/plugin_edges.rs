//! IImageFilter: edges (samples/ComputePlugins). The Sobel gradient of the luma, |gx| + |gy| capped at 255, with
//! clamped coordinates at the border: the same arithmetic as guests/c/plugin_edges.c.

#[path = "../bindings/i_image_filter.rs"]
mod filter;
#[path = "shared/c_heap.rs"]
mod heap;
#[path = "plugin/pixels.rs"]
mod pixels;

const _: filter::NameFn = name;
const _: filter::ApplyFn = apply;

#[no_mangle]
pub unsafe extern "C" fn name(ret: *mut filter::WmStr) {
    let text = b"edges";
    *ret = filter::WmStr { ptr: heap::to_host(text), len: text.len() };
}

#[no_mangle]
pub unsafe extern "C" fn apply(
    source: *const u8, source_count: usize, target: *mut u8, target_count: usize,
    parameters: *const filter::FilterParameters,
) {
    let (source, target, width, height) = pixels::buffers(source, source_count, target, target_count, parameters);
    let luma: Vec<i32> = source.chunks_exact(4).map(|p| pixels::luma(p) as i32).collect();
    let at = |x: usize, y: usize| luma[y * width + x];
    for y in 0..height {
        let (up, down) = (y.saturating_sub(1), (y + 1).min(height - 1));
        for x in 0..width {
            let (l, r) = (x.saturating_sub(1), (x + 1).min(width - 1));
            let gx = (at(r, up) + 2 * at(r, y) + at(r, down)) - (at(l, up) + 2 * at(l, y) + at(l, down));
            let gy = (at(l, down) + 2 * at(x, down) + at(r, down)) - (at(l, up) + 2 * at(x, up) + at(r, up));
            let value = (gx.abs() + gy.abs()).min(255) as u8;
            let i = (y * width + x) * 4;
            target[i..i + 4].copy_from_slice(&[value, value, value, source[i + 3]]);
        }
    }
}
