//! ITextPlugin: word frequencies (samples/ComputePlugins). A word is a run of ASCII letters, digits, apostrophes and
//! non-ASCII bytes, ASCII letters lower-cased, cut to the 24 bytes of WordCount.word at a character boundary. The
//! result is an array of WordCount structs on the guest heap, most frequent first, ties in byte order.

#[path = "../bindings/i_text_plugin.rs"]
mod text;
#[path = "../bindings/i_plugin_log.rs"]
mod log;
#[path = "shared/c_heap.rs"]
mod heap;

use std::collections::BTreeMap;

const _: text::NameFn = name;
const _: text::TopWordsFn = top_words;

#[no_mangle]
pub unsafe extern "C" fn name(ret: *mut text::WmStr) {
    let name = b"word-frequency";
    *ret = text::WmStr { ptr: heap::to_host(name), len: name.len() };
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\'' || b >= 0x80
}

/// The longest prefix of `word` that fits in WordCount.word without splitting a UTF-8 character.
fn fit(word: &[u8]) -> &[u8] {
    let mut end = word.len().min(24);
    while end < word.len() && end > 0 && word[end] & 0xC0 == 0x80 {
        end -= 1;
    }
    &word[..end]
}

#[no_mangle]
pub unsafe extern "C" fn top_words(ret: *mut text::WmSlice, text: *const u8, text_len: usize, limit: i32) {
    let text = if text.is_null() { &[][..] } else { core::slice::from_raw_parts(text, text_len) };
    let mut counts: BTreeMap<Vec<u8>, i32> = BTreeMap::new();
    let mut total = 0;
    for word in text.split(|&b| !is_word_byte(b)).filter(|w| !w.is_empty()) {
        *counts.entry(fit(&word.to_ascii_lowercase()).to_vec()).or_insert(0) += 1;
        total += 1;
    }

    let message = format!("word-frequency (Rust): {} words, {} distinct", total, counts.len());
    log::host_log(message.as_ptr(), message.len());

    // BTreeMap iterates in byte order and the sort is stable, so ties stay in byte order.
    let mut ranked: Vec<(Vec<u8>, i32)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1));
    ranked.truncate(limit.max(0) as usize);

    let words: Vec<text::WordCount> = ranked
        .iter()
        .map(|(word, count)| {
            let mut entry = text::WordCount { word: [0; 24], count: *count };
            entry.word[..word.len()].copy_from_slice(word);
            entry
        })
        .collect();
    let bytes = core::slice::from_raw_parts(words.as_ptr() as *const u8, words.len() * core::mem::size_of::<text::WordCount>());
    *ret = if words.is_empty() {
        text::WmSlice { ptr: core::ptr::null_mut(), count: 0 }
    } else {
        text::WmSlice { ptr: heap::to_host(bytes), count: words.len() }
    };
}

/// 1 when every struct field offset matches the C# layout (the sizes are checked at compile time).
#[no_mangle]
pub extern "C" fn layout_ok() -> i32 {
    text::check_layout() as i32
}
