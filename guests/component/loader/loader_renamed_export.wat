;; The core export "times-two" is lifted as "double": the stubs would look for the wrong name, and the loader maps no names.
;; For tests/WasmMarshal.Tests/Components/ComponentLoaderTests.cs; built by guests/component/build.sh (jco parse).
(component
  (core module $m
    (memory (export "memory") 1)
    (func (export "times-two") (param i32) (result i32) local.get 0 i32.const 2 i32.mul))
  (core instance $i (instantiate $m))
  (alias core export $i "times-two" (core func $f))
  (func $lifted (param "x" u32) (result u32) (canon lift (core func $f)))
  (export "double" (func $lifted)))

