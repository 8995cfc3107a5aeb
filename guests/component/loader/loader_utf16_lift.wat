;; An interface whose function is lifted with string-encoding=utf16: it flattens, and a C# interface declaring the
;; default utf8 for it is refused at Import<T>() (the stubs would misread every string).
;; For tests/WasmMarshal.Tests/Components/ComponentLoaderTests.cs; built by guests/component/build.sh (jco parse).
(component
  (core module $m
    (memory (export "memory") 1)
    (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) i32.const 8)
    (func (export "wasmmarshal:enc/text@0.1.0#length") (param i32 i32) (result i32) local.get 1))
  (core instance $i (instantiate $m))
  (alias core export $i "wasmmarshal:enc/text@0.1.0#length" (core func $f))
  (alias core export $i "memory" (core memory $mem))
  (alias core export $i "cabi_realloc" (core func $realloc))
  (func $length (param "s" string) (result u32)
    (canon lift (core func $f) (memory $mem) (realloc $realloc) string-encoding=utf16))
  (instance $text (export "length" (func $length)))
  (export "wasmmarshal:enc/text@0.1.0" (instance $text)))
