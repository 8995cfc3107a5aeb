// ITextPlugin: word frequencies (samples/ComputePlugins). A word is a run of ASCII letters, digits, apostrophes and
// non-ASCII bytes, ASCII letters lower-cased, cut to the 24 bytes of WordCount.word at a character boundary. The result
// is an array of WordCount structs on the heap, most frequent first, ties in byte order: the same answer as
// guests/c/plugin_words.c and guests/rust/plugin_words.rs. Words are kept as "byte strings" (one char per byte, 0..255),
// so that comparing two of them compares their UTF-8 bytes.
import { WORD_COUNT_SIZE, WORD_COUNT_WORD, WORD_COUNT_COUNT } from "../bindings/ITextPlugin";
import { host_log } from "../bindings/IPluginLog";
import { returnName } from "./plugin/filter";
export { malloc, free } from "./plugin/filter";

const WORD_BYTES: i32 = 24;

export function name(ret: usize): void {
  returnName(ret, "word-frequency");
}

function isWordByte(c: u32): bool {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c == 0x27 || c >= 0x80;
}

// The word at [start, end) of the text, lower-cased and cut to fit WordCount.word, as a byte string.
function wordAt(text: usize, start: usize, end: usize): string {
  let length = <i32>(end - start);
  if (length > WORD_BYTES) {
    length = WORD_BYTES;
    while (length > 0 && (load<u8>(text + start + <usize>length) & 0xc0) == 0x80) length--;
  }
  let word = "";
  for (let i = 0; i < length; i++) {
    let c = <u32>load<u8>(text + start + <usize>i);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    word += String.fromCharCode(<i32>c);
  }
  return word;
}

function log(message: string): void {
  const bytes = String.UTF8.encode(message);
  host_log(changetype<usize>(bytes), <usize>bytes.byteLength);
}

class Entry {
  constructor(public word: string, public count: i32) {}
}

// Most frequent first, ties in byte order (a comparator cannot capture the map: AssemblyScript has no closures).
function byCountThenBytes(a: Entry, b: Entry): i32 {
  if (a.count != b.count) return b.count - a.count;
  return a.word < b.word ? -1 : a.word > b.word ? 1 : 0;
}

export function top_words(ret: usize, text: usize, text_len: usize, limit: i32): void {
  const counts = new Map<string, i32>();
  let total = 0;
  let i: usize = 0;
  while (i < text_len) {
    if (!isWordByte(load<u8>(text + i))) { i++; continue; }
    const start = i;
    while (i < text_len && isWordByte(load<u8>(text + i))) i++;
    const word = wordAt(text, start, i);
    counts.set(word, counts.has(word) ? counts.get(word) + 1 : 1);
    total++;
  }
  log("word-frequency (AssemblyScript): " + total.toString() + " words, " + counts.size.toString() + " distinct");

  const keys = counts.keys();
  const words = new Array<Entry>(keys.length);
  for (let k = 0; k < keys.length; k++) words[k] = new Entry(keys[k], counts.get(keys[k]));
  words.sort(byCountThenBytes);
  const count = limit < 0 ? 0 : min(limit, words.length);
  if (count == 0) {
    store<usize>(ret, 0);
    store<usize>(ret, 0, 4);
    return;
  }
  const out = heap.alloc(<usize>count * WORD_COUNT_SIZE);
  memory.fill(out, 0, <usize>count * WORD_COUNT_SIZE);
  for (let w = 0; w < count; w++) {
    const entry = out + <usize>w * WORD_COUNT_SIZE;
    const word = words[w].word;
    for (let k = 0; k < word.length; k++) store<u8>(entry + WORD_COUNT_WORD + <usize>k, <u8>word.charCodeAt(k));
    store<i32>(entry + WORD_COUNT_COUNT, words[w].count);
  }
  store<usize>(ret, out);
  store<usize>(ret, <usize>count, 4);
}
