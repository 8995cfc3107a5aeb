// canon_js.js: wit/test.wit (world `guest`) in JavaScript, componentized by componentize-js (jco componentize; see
// build.sh). Unlike canon_c and canon_rust this is no single core module: componentize-js embeds the SpiderMonkey
// engine and splices four core modules together, so WasmMarshal cannot flatten it and runs it through the
// component-model path (Wasmtime.Components) behind the same generated interface. Every function does what canon_c.c
// does (the tests check the three guests against values computed independently). Value mapping is jco's: u64/s64 are
// BigInt, char is a one-code-point string, list<u8> and list<u32> are typed arrays, records are objects with
// camelCase fields, tuples are arrays, enums are strings, flags are objects of booleans, variants are {tag, val},
// option none is undefined, and a thrown value is the error of a result.
import { log, prefix } from 'wasmmarshal:test/host@0.1.0';

const colors = ['red', 'green', 'blue'];

function utf8Length(s) {
    let n = 0;
    for (const ch of s) {
        const c = ch.codePointAt(0);
        n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return n;
}

export const api = {
    not(b) {
        return !b;
    },
    addAll(a, b, c, d, e, f, g, h) {
        return BigInt(a + b + c + d + e + f) + g + h;
    },
    mulFloats(a, b) {
        return a * b;
    },
    nextChar(c) {
        let next = c.codePointAt(0) + 1;
        if (next === 0xd800) next = 0xe000;
        if (next > 0x10ffff) next = 0;
        return String.fromCodePoint(next);
    },
    countBytes(s) {
        return utf8Length(s);
    },
    greet(name) {
        log('greet called from JS');
        return prefix() + name;
    },
    reverseBytes(data) {
        return Uint8Array.from(data).reverse();
    },
    sumU32(xs) {
        let sum = 0n;
        for (const x of xs) sum += BigInt(x);
        return sum;
    },
    doubleAll(xs) {
        return Uint32Array.from(xs, (x) => (x * 2) >>> 0);
    },
    join(parts, sep) {
        return parts.join(sep);
    },
    split(s, sep) {
        return s.split(sep);
    },
    movePoint(p, dx, dy) {
        return { x: (p.x + dx) | 0, y: (p.y + dy) | 0, label: p.label + "'" };
    },
    swap([a, s]) {
        return [s, a];
    },
    nextColor(c) {
        return colors[(colors.indexOf(c) + 1) % 3];
    },
    toggle(p, mask) {
        return { read: p.read !== mask.read, write: p.write !== mask.write, exec: p.exec !== mask.exec };
    },
    area(s) {
        switch (s.tag) {
            case 'circle':
                return 3.14159265358979 * s.val * s.val;
            case 'rect':
                return s.val[0] * s.val[1];
            default:
                return 0;
        }
    },
    makeShape(kind, a, b) {
        switch (kind) {
            case 0:
                return { tag: 'circle', val: Math.fround(a) };
            case 1:
                return { tag: 'rect', val: [a, b] };
            default:
                return { tag: 'empty' };
        }
    },
    find(xs, x) {
        const index = Array.prototype.indexOf.call(xs, x);
        return index < 0 ? undefined : index;
    },
    firstWord(s) {
        let start = 0;
        while (start < s.length && s[start] === ' ') start++;
        let end = start;
        while (end < s.length && s[end] !== ' ') end++;
        return end > start ? s.slice(start, end) : undefined;
    },
    parse(s) {
        // Digits only, at least one, at most 2^32-1; anything else is the error (thrown: jco's result convention).
        if (/^[0-9]+$/.test(s)) {
            const value = BigInt(s);
            if (value <= 0xffffffffn) return Number(value);
        }
        throw 'not a number: ' + s;
    },
    sum17(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17) {
        const small = a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13;
        return small + Number(a14) + Number(a15) + a16 + a17;
    },
};
