#!/usr/bin/env python3
"""Bytes of code in a module's allocator, for docs/guests/comparison.md.

    python3 tests/TinyLang.Tests/Tools/allocator-code-size.py guests/bin/matrix_wasi.wasm ...

The allocator is every function reachable (through direct calls, per `wasm-objdump -d`) from the module's allocator
exports: malloc/free/calloc/realloc/aligned_alloc, Rust's alloc/dealloc, AssemblyScript's __new/__pin/__unpin/__collect.
Its size is the sum of those functions' body sizes (`wasm-objdump -x`, Code section). Helpers the allocator shares with
the rest of the program (memset, memcpy) count too, so the figure is an upper bound; call_indirect edges are not
followed (none of these allocators uses one). Code size is the whole code section, for comparison.
"""
import re
import subprocess
import sys

ALLOCATOR_EXPORTS = {"malloc", "free", "calloc", "realloc", "aligned_alloc", "alloc", "dealloc",
                     "__new", "__pin", "__unpin", "__collect", "__renew"}


def objdump(flag, path):
    return subprocess.run(["wasm-objdump", flag, path], check=True, capture_output=True, text=True).stdout


def measure(path):
    details = objdump("-x", path)
    sizes = {int(m.group(1)): int(m.group(2)) for m in re.finditer(r"^ - func\[(\d+)\] size=(\d+)", details, re.M)}
    exports = {m.group(2): int(m.group(1)) for m in re.finditer(r'^ - func\[(\d+)\](?: <[^>]*>)? -> "([^"]+)"', details, re.M)}
    calls, current = {}, None
    for line in objdump("-d", path).splitlines():
        header = re.match(r"^[0-9a-f]+ func\[(\d+)\]", line)
        if header:
            current = int(header.group(1))
            calls[current] = set()
            continue
        call = re.search(r"\|\s+call (\d+)", line)
        if call and current is not None:
            calls[current].add(int(call.group(1)))
    roots = [index for name, index in exports.items() if name in ALLOCATOR_EXPORTS]
    seen, stack = set(), list(roots)
    while stack:
        index = stack.pop()
        if index in seen or index not in sizes:  # imports have no body
            continue
        seen.add(index)
        stack.extend(calls.get(index, ()))
    allocator = sum(sizes[i] for i in seen)
    return sorted(n for n in exports if n in ALLOCATOR_EXPORTS), len(seen), allocator, sum(sizes.values())


print("| module | allocator exports | functions reached | allocator code bytes | all code bytes |")
print("| --- | --- | --- | --- | --- |")
for path in sys.argv[1:]:
    names, count, allocator, total = measure(path)
    print(f"| {path.split('/')[-1]} | {', '.join(names) or '(none)'} | {count} | {allocator} | {total} |")
