;; Only b's function is lifted, so b is the main module; a is instantiated beside it and b calls into it: no flattening.
;; For tests/WasmMarshal.Tests/Components/ComponentLoaderTests.cs; built by guests/component/build.sh (jco parse).
(component
  (core module $a
    (memory (export "memory") 1)
    (func (export "double") (param i32) (result i32) local.get 0 i32.const 2 i32.mul))
  (core module $b
    (import "a" "double" (func $double (param i32) (result i32)))
    (func (export "quad") (param i32) (result i32) local.get 0 call $double call $double))
  (core instance $ia (instantiate $a))
  (core instance $ib (instantiate $b (with "a" (instance $ia))))
  (alias core export $ib "quad" (core func $quad))
  (func $quad-lifted (param "x" u32) (result u32) (canon lift (core func $quad)))
  (export "quad" (func $quad-lifted)))

