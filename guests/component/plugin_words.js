// plugin_words.js: the ComputePlugins word-frequency text plugin in JavaScript, for the WIT interface
// computeplugins:text/words@0.1.0 (samples/ComputePlugins/wit/words.wit, which the sample binds too), made a
// component by componentize-js (build.sh). It follows the same definition as the C, Rust and AssemblyScript plugins
// (ITextPlugin.TopWords), which the sample's --verify holds it to: a word is a run of ASCII letters, digits,
// apostrophes and non-ASCII characters, ASCII letters lower-cased, cut to at most 24 UTF-8 bytes at a character
// boundary; most frequent first, ties in UTF-8 byte order (which is code point order, not JS's UTF-16 order).
const WORD_BYTES = 24;

function utf8Length(codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

function isWordChar(codePoint) {
    return (codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x30 && codePoint <= 0x39) || codePoint === 0x27 || codePoint >= 0x80;
}

function compareCodePoints(a, b) {
    const x = Array.from(a, (c) => c.codePointAt(0));
    const y = Array.from(b, (c) => c.codePointAt(0));
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] !== y[i]) return x[i] - y[i];
    }
    return x.length - y.length;
}

export const words = {
    name() {
        return 'word-frequency';
    },
    topWords(text, limit) {
        const counts = new Map();
        let word = '';
        let bytes = 0;
        let full = false;
        const finish = () => {
            if (word.length > 0) counts.set(word, (counts.get(word) ?? 0) + 1);
            word = '';
            bytes = 0;
            full = false;
        };
        for (const ch of text) {
            let c = ch.codePointAt(0);
            if (c >= 0x41 && c <= 0x5a) c += 32;
            if (!isWordChar(c)) {
                finish();
                continue;
            }
            // Past 24 bytes the rest of the word is dropped (the word still ends at the next separator).
            if (full || bytes + utf8Length(c) > WORD_BYTES) {
                full = true;
                continue;
            }
            word += String.fromCodePoint(c);
            bytes += utf8Length(c);
        }
        finish();
        return [...counts]
            .sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))
            .slice(0, limit)
            .map(([w, count]) => ({ word: w, count }));
    },
};
