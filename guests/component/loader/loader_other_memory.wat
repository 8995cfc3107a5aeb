;; A lift whose memory option is an export named "heap", not the "memory" the stubs use: no flattening.
;; For tests/WasmMarshal.Tests/Components/ComponentLoaderTests.cs; built by guests/component/build.sh (jco parse).
(component
  (core module $m
    (memory (export "heap") 1)
    (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) i32.const 8)
    (func (export "len") (param i32 i32) (result i32) local.get 1))
  (core instance $i (instantiate $m))
  (alias core export $i "len" (core func $f))
  (alias core export $i "heap" (core memory $mem))
  (alias core export $i "cabi_realloc" (core func $realloc))
  (func $lifted (param "s" string) (result u32) (canon lift (core func $f) (memory $mem) (realloc $realloc)))
  (export "len" (func $lifted)))

