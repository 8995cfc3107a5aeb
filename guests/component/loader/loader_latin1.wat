;; A lift with string-encoding=latin1+utf16, which the canonical stubs do not speak: no flattening.
;; For tests/WasmMarshal.Tests/Components/ComponentLoaderTests.cs; built by guests/component/build.sh (jco parse).
(component
  (core module $m
    (memory (export "memory") 1)
    (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) i32.const 8)
    (func (export "len") (param i32 i32) (result i32) local.get 1))
  (core instance $i (instantiate $m))
  (alias core export $i "len" (core func $f))
  (alias core export $i "memory" (core memory $mem))
  (alias core export $i "cabi_realloc" (core func $realloc))
  (func $lifted (param "s" string) (result u32)
    (canon lift (core func $f) (memory $mem) (realloc $realloc) string-encoding=latin1+utf16))
  (export "len" (func $lifted)))

