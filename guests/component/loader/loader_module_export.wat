;; A core module reached through an export of it is instantiated and lifted from: the loader does not follow
;; re-exported modules, so it must take the component-model way (and must not crash on the index it cannot see into).
;; For tests/WasmMarshal.Tests/Components/ComponentLoaderTests.cs; built by guests/component/build.sh (jco parse).
(component
  (core module $m
    (memory (export "memory") 1)
    (func (export "double") (param i32) (result i32) local.get 0 i32.const 2 i32.mul))
  (export $again "m" (core module $m))
  (core instance $i (instantiate $again))
  (alias core export $i "double" (core func $f))
  (func $lifted (param "x" u32) (result u32) (canon lift (core func $f)))
  (export "double" (func $lifted)))
