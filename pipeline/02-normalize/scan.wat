;; The normalize scan's hot loop (see scan.ts): a table-driven automaton over
;; the UTF-16 code units of a text. JavaScript fills the tables and the text;
;; this loop only steps the automaton and writes a record (position, state)
;; for each rare event, which JavaScript then interprets. Built into
;; scan.wasm by `npm run build:wasm` (wabt); a test checks the two agree.
;;
;; Memory layout (bytes), shared with scan.ts:
;;   [0, 65536)          class × 2 of each code unit on the hot path (u8)
;;   [65536, 131072)     real class × 2 of each code unit, for SPECIAL units (u8)
;;   [131072, 135168)    transitions (u16): the entry at byte (state | class × 2)
;;                       is the next state; states are byte offsets (× 32), so
;;                       a step is one OR and one load
;;   text and records    where scan.ts puts them (arguments)
(module
  (memory (export "memory") 3)
  (global $records (export "records") (mut i32) (i32.const 0))
  ;; Step the automaton over n code units at `text` from `state`; write
  ;; (position, state) records at `out` whenever the state is >= `report`
  ;; (a SPECIAL unit gives the record `special` and then steps on its real
  ;; class). Returns the final state; the number of records is in `records`.
  (func (export "scan") (param $text i32) (param $n i32) (param $state i32) (param $out i32) (param $report i32) (param $special i32) (result i32)
    (local $i i32) (local $prev i32) (local $c i32) (local $o i32)
    (local.set $o (local.get $out))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load16_u (i32.add (local.get $text) (i32.shl (local.get $i) (i32.const 1)))))
        (local.set $prev (local.get $state))
        (local.set $state
          (i32.load16_u offset=131072 (i32.or (local.get $prev) (i32.load8_u (local.get $c)))))
        (if (i32.ge_u (local.get $state) (local.get $report))
          (then
            (if (i32.eq (local.get $state) (local.get $special))
              (then
                (i32.store (local.get $o) (local.get $i))
                (i32.store offset=4 (local.get $o) (local.get $state))
                (local.set $o (i32.add (local.get $o) (i32.const 8)))
                (local.set $state
                  (i32.load16_u offset=131072 (i32.or (local.get $prev) (i32.load8_u offset=65536 (local.get $c)))))))
            (if (i32.ge_u (local.get $state) (local.get $report))
              (then
                (i32.store (local.get $o) (local.get $i))
                (i32.store offset=4 (local.get $o) (local.get $state))
                (local.set $o (i32.add (local.get $o) (i32.const 8)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (global.set $records (i32.shr_u (i32.sub (local.get $o) (local.get $out)) (i32.const 3)))
    (local.get $state)))
