;; canon_utf16.wat: a canonical-ABI guest in WebAssembly text for wit-utf16/text.wit, LEGACY names, embedded with
;; string-encoding utf16 (guests/component/build.sh). Its realloc is a bump allocator that grows memory as needed (it
;; never frees: the tests make a few megabytes of calls at most) and keeps a block's contents when it is resized.
(module
  (memory (export "memory") 1)
  (global $bump (mut i32) (i32.const 1024))
  (func $realloc (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    ;; A real realloc, not just an allocator: Wasmtime lowers a host string into UTF-16 by allocating the worst case
    ;; and then shrinking it with realloc(old, worst, 2, actual), and expects the contents kept. Shrink in place.
    (if (i32.and (i32.ne (local.get $old_size) (i32.const 0)) (i32.le_u (local.get $size) (local.get $old_size)))
      (then (return (local.get $old))))
    (local.set $p (i32.and (i32.add (global.get $bump) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $bump (i32.add (local.get $p) (local.get $size)))
    (block $enough
      (loop $grow
        (br_if $enough (i32.le_u (global.get $bump) (i32.mul (memory.size) (i32.const 65536))))
        (if (i32.lt_s (memory.grow (i32.const 1)) (i32.const 0)) (then unreachable))
        (br $grow)))
    ;; Growing: copy what the old block held.
    (if (i32.ne (local.get $old_size) (i32.const 0))
      (then (memory.copy (local.get $p) (local.get $old) (local.get $old_size))))
    (local.get $p))
  ;; echo: the return area at 16 holds (ptr, code units).
  (func (export "wasmmarshal:utf16/text@0.1.0#echo") (param $ptr i32) (param $units i32) (result i32)
    (i32.store (i32.const 16) (local.get $ptr))
    (i32.store (i32.const 20) (local.get $units))
    (i32.const 16))
  (func (export "wasmmarshal:utf16/text@0.1.0#length") (param $ptr i32) (param $units i32) (result i32)
    (local.get $units)))
