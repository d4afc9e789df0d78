;; Sums of a linear model's weight rows, eight classes at a time (model.ts). Compiled by `npm run build:wasm` into
;; weight-sums-module.ts, which a test holds to this file.
;;
;; The weights are whole thousandths in two bytes (an Int16Array over this memory), a row of one weight per class
;; for each weighted bucket. A report's rows are listed as byte offsets; the sums are four-byte integers, exact: a
;; report's at most 16,384 features of at most 32,767 thousandths stay below 2^31.
;;
;; Each pass over the rows sums one vector of eight classes, in two halves of four, and stores them. A row narrower
;; than the vectors is read past its end into the next row's weights (or the table's sixteen bytes of slack), whose
;; sums land beyond the model's classes and are not read.
(module
  (memory (export "memory") 1)
  (func (export "sumRows")
    (param $rowsAt i32) (param $rowsEnd i32) (param $vectors i32) (param $sumsAt i32)
    (local $vector i32) (local $at i32) (local $offset i32)
    (local $weights v128) (local $low v128) (local $high v128)
    (block $summed
      (loop $nextVector
        (br_if $summed (i32.ge_u (local.get $vector) (local.get $vectors)))
        (local.set $offset (i32.shl (local.get $vector) (i32.const 4)))
        (local.set $low (v128.const i64x2 0 0))
        (local.set $high (v128.const i64x2 0 0))
        (local.set $at (local.get $rowsAt))
        (block $rowsDone
          (loop $nextRow
            (br_if $rowsDone (i32.ge_u (local.get $at) (local.get $rowsEnd)))
            (local.set $weights (v128.load (i32.add (i32.load (local.get $at)) (local.get $offset))))
            (local.set $low (i32x4.add (local.get $low) (i32x4.extend_low_i16x8_s (local.get $weights))))
            (local.set $high (i32x4.add (local.get $high) (i32x4.extend_high_i16x8_s (local.get $weights))))
            (local.set $at (i32.add (local.get $at) (i32.const 4)))
            (br $nextRow)))
        (v128.store (i32.add (local.get $sumsAt) (i32.shl (local.get $vector) (i32.const 5))) (local.get $low))
        (v128.store offset=16 (i32.add (local.get $sumsAt) (i32.shl (local.get $vector) (i32.const 5))) (local.get $high))
        (local.set $vector (i32.add (local.get $vector) (i32.const 1)))
        (br $nextVector)))))
