;; A component that does not flatten: two core modules that call each other. `b` imports `double` from `a`'s
;; instance and both modules' functions are lifted. The component loader must send it the component-model way, with
;; the reason (tests/WasmMarshal.Tests/Components). Built by guests/component/build.sh (jco parse).
(component
  (core module $a
    (memory (export "memory") 1)
    (func (export "double") (param i32) (result i32)
      local.get 0
      i32.const 2
      i32.mul))
  (core module $b
    (import "a" "double" (func $double (param i32) (result i32)))
    (func (export "quad") (param i32) (result i32)
      local.get 0
      call $double
      call $double))
  (core instance $ia (instantiate $a))
  (core instance $ib (instantiate $b (with "a" (instance $ia))))
  (type $unary (func (param "x" u32) (result u32)))
  (alias core export $ib "quad" (core func $quad))
  (func $quad-lifted (type $unary) (canon lift (core func $quad)))
  (export "quad" (func $quad-lifted))
  (alias core export $ia "double" (core func $double))
  (func $double-lifted (type $unary) (canon lift (core func $double)))
  (export "double" (func $double-lifted))
)
