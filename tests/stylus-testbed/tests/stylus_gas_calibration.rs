//! Calibration of the opcode meter against Nitro's block pricing, computed by hand from
//! `pricing_v1` (see each test): the test bed must charge exactly what Nitro's meter
//! would.

mod stylus_support;

use stylus_support::{frame, program, MockHost};
use stylus_testbed::stylus::{run, Status};

/// Execution ink of `wat` when called with `args_len` bytes of input.
fn ink(wat: &str, args_len: usize) -> u64 {
    let p = program(wat);
    let out = run(&p, &mut MockHost::default(), &frame(&vec![0u8; args_len]));
    assert_eq!(out.status, Status::Success, "{:?}", out.error);
    out.ink_used
}

#[test]
fn straight_line_block() {
    // One basic block: local.get 75 + i32.const 1 + i32.add 70 + drop 9 + i32.const 1
    // + end 1 + 2,450 header = 2,607 ink.
    let wat = r#"(module (func (export "user_entrypoint") (param i32) (result i32)
        (drop (i32.add (local.get 0) (i32.const 1))) (i32.const 0)) (memory (export "memory") 1))"#;
    assert_eq!(ink(wat, 0), 2_607);
}

#[test]
fn loop_iterations() {
    // Nitro blocks: [loop] 2,451 once; [local.get, i32.const, i32.sub, local.set, local.get,
    // br_if] 1,196 + 2,450 = 3,646 per iteration; [end] 2,451 once; [i32.const, end] 2,452.
    let wat = r#"(module (func (export "user_entrypoint") (param i32) (result i32)
        (loop $l (local.set 0 (i32.sub (local.get 0) (i32.const 1))) (br_if $l (local.get 0)))
        (i32.const 0)) (memory (export "memory") 1))"#;
    let per_iteration = (ink(wat, 110) - ink(wat, 10)) / 100;
    assert_eq!(per_iteration, 3_646);
    assert_eq!(ink(wat, 10), 7_354 + 10 * 3_646);
}

#[test]
fn memory_copy_pays_per_byte_and_br_table_per_target() {
    // [i32.const x3, memory.copy, i32.const, end]: 1+1+1+950+1+1 + 2,450 + 100 per byte.
    let copy = |n: u32| {
        format!(
            r#"(module (func (export "user_entrypoint") (param i32) (result i32)
            (memory.copy (i32.const 0) (i32.const 100) (i32.const {n})) (i32.const 0)) (memory (export "memory") 1))"#
        )
    };
    assert_eq!(ink(&copy(1_000), 0) - ink(&copy(0), 0), 100_000);
    assert_eq!(ink(&copy(0), 0), 955 + 2_450);

    // [block x3, local.get, br_table 0 1 2] = 3 + 75 + (2,400 + 2 x 325) + 2,450 = 5,578
    // (wasmparser's `targets.len()`, which Nitro prices, excludes the default target).
    // Index 0 leaves the innermost block and then runs the middle and outer `end` blocks
    // (2 x 2,451); index 2 leaves the outermost block directly. Both finish with
    // [i32.const, end] = 2,452.
    let table = r#"(module (func (export "user_entrypoint") (param i32) (result i32)
        (block (block (block (br_table 0 1 2 (local.get 0))))) (i32.const 0)) (memory (export "memory") 1))"#;
    assert_eq!(ink(table, 2), 5_578 + 2_452);
    assert_eq!(ink(table, 0), 5_578 + 2 * 2_451 + 2_452);
}
