//! The IImageFilter contract every Rust filter checks, and the luma formula every language uses so that their outputs
//! agree byte for byte (see guests/c/plugin.h).

use crate::filter::FilterParameters;

/// The source and target pixels, after checking that both hold width * height RGBA pixels; traps otherwise, which the
/// host reports as a typed error naming `apply`.
pub unsafe fn buffers<'a>(
    source: *const u8, source_count: usize, target: *mut u8, target_count: usize, parameters: *const FilterParameters,
) -> (&'a [u8], &'a mut [u8], usize, usize) {
    let p = *parameters;
    let bytes = (p.width.max(0) as u64) * (p.height.max(0) as u64) * 4;
    if p.width <= 0 || p.height <= 0 || bytes != source_count as u64 || bytes != target_count as u64 {
        core::arch::wasm32::unreachable();
    }
    (
        core::slice::from_raw_parts(source, source_count),
        core::slice::from_raw_parts_mut(target, target_count),
        p.width as usize,
        p.height as usize,
    )
}

/// ITU-R BT.601 luma in 8-bit fixed point: (77 R + 150 G + 29 B + 128) / 256.
pub fn luma(rgba: &[u8]) -> u8 {
    ((77 * rgba[0] as u32 + 150 * rgba[1] as u32 + 29 * rgba[2] as u32 + 128) >> 8) as u8
}
