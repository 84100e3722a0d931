//! Self-tests of the Stylus runtime: each hook through small WAT programs and a
//! HashMap-backed world.

mod stylus_support;

use alloy_primitives::{keccak256, Address, Bytes, B256, U256};
use stylus_support::{frame, program, word, MockHost};
use stylus_testbed::stylus::{run, CallKind, Status, SubcallOutcome};

/// Imports every test program may use, and the memory.
const PRELUDE: &str = r#"
  (import "vm_hooks" "read_args" (func $read_args (param i32)))
  (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
  (import "vm_hooks" "storage_load_bytes32" (func $load (param i32 i32)))
  (import "vm_hooks" "storage_cache_bytes32" (func $cache (param i32 i32)))
  (import "vm_hooks" "storage_flush_cache" (func $flush (param i32)))
  (import "vm_hooks" "exit_early" (func $exit (param i32)))
"#;

fn module(body: &str) -> String {
    format!("(module {PRELUDE} {body} (memory (export \"memory\") 1))")
}

/// args = key(32) ++ value(32) ++ mode(1). Writes value at key through the cache, reads
/// it back, and: mode 0 = no flush, 1 = flush, 2 = flush then revert. Returns the read.
fn storage_program() -> String {
    module(
        r#"(func (export "user_entrypoint") (param i32) (result i32)
            (call $read_args (i32.const 0))
            (call $cache (i32.const 0) (i32.const 32))
            (call $load (i32.const 0) (i32.const 100))
            (call $write_result (i32.const 100) (i32.const 32))
            (if (i32.ge_u (i32.load8_u (i32.const 64)) (i32.const 1)) (then (call $flush (i32.const 0))))
            (i32.eq (i32.load8_u (i32.const 64)) (i32.const 2)))"#,
    )
}

fn storage_args(key: u64, value: u64, mode: u8) -> Vec<u8> {
    let mut args = word(key).to_vec();
    args.extend(word(value));
    args.push(mode);
    args
}

#[test]
fn cached_writes_are_read_back_but_reach_the_world_only_on_flush() {
    let p = program(&storage_program());
    let mut host = MockHost::default();

    let out = run(&p, &mut host, &frame(&storage_args(1, 77, 0)));
    assert_eq!(out.status, Status::Success);
    assert_eq!(out.output.as_ref(), &word(77));
    assert!(host.sstores.is_empty(), "no flush: nothing written");

    let out = run(&p, &mut host, &frame(&storage_args(1, 78, 1)));
    assert_eq!(out.status, Status::Success);
    assert_eq!(host.sstores, vec![(U256::from(1), U256::from(78))]);
    assert!(out.gas_used > 20_000, "SSTORE gas charged at flush: {}", out.gas_used);
}

#[test]
fn revert_reports_failure_and_its_data() {
    let p = program(&storage_program());
    let mut host = MockHost::default();
    let out = run(&p, &mut host, &frame(&storage_args(5, 9, 2)));
    assert_eq!(out.status, Status::Revert);
    assert!(!out.success());
    assert_eq!(out.output.as_ref(), &word(9));
}

#[test]
fn reads_hit_the_world_once_then_the_cache() {
    let p = program(&module(
        r#"(func (export "user_entrypoint") (param i32) (result i32)
            (call $load (i32.const 0) (i32.const 32))
            (call $load (i32.const 0) (i32.const 64))
            (call $write_result (i32.const 64) (i32.const 32))
            (i32.const 0))"#,
    ));
    let mut host = MockHost::default();
    host.storage.insert(U256::ZERO, U256::from(1234));
    let out = run(&p, &mut host, &frame(&[]));
    assert_eq!(out.output.as_ref(), &word(1234));
    assert_eq!(host.warm.len(), 1);
    // One cold SLOAD (2,100) plus entry costs, far from two.
    assert!(out.gas_used - out.entry_gas >= 2_100 && out.gas_used - out.entry_gas < 4_200);
}

/// Reads slot 0, clears the cache with a flush, calls out, reads slot 0 again and
/// returns both reads; mode byte 0 skips the clearing flush.
fn reentrancy_program() -> String {
    module(
        r#"(import "vm_hooks" "call_contract" (func $call (param i32 i32 i32 i32 i64 i32) (result i32)))
        (func (export "user_entrypoint") (param i32) (result i32)
            (call $read_args (i32.const 300))
            (call $load (i32.const 0) (i32.const 100))
            (if (i32.load8_u (i32.const 300)) (then (call $flush (i32.const 1))))
            (drop (call $call (i32.const 200) (i32.const 0) (i32.const 0) (i32.const 232) (i64.const -1) (i32.const 264)))
            (call $load (i32.const 0) (i32.const 132))
            (call $write_result (i32.const 100) (i32.const 64))
            (i32.const 0))"#,
    )
}

#[test]
fn reads_after_a_clearing_flush_see_what_the_callee_wrote() {
    let p = program(&reentrancy_program());
    let mut host = MockHost::default();
    host.storage.insert(U256::ZERO, U256::from(1));
    host.callee_writes.push((U256::ZERO, U256::from(2)));
    let out = run(&p, &mut host, &frame(&[1]));
    assert_eq!(out.status, Status::Success);
    assert_eq!(&out.output[..32], &word(1));
    assert_eq!(&out.output[32..], &word(2));

    // Without the clearing flush the stale cached value is served, as on Nitro.
    let mut host = MockHost::default();
    host.storage.insert(U256::ZERO, U256::from(1));
    host.callee_writes.push((U256::ZERO, U256::from(2)));
    let out = run(&p, &mut host, &frame(&[0]));
    assert_eq!(&out.output[32..], &word(1));
}

#[test]
fn call_passes_address_value_calldata_and_exposes_return_data() {
    let p = program(&module(
        r#"(import "vm_hooks" "call_contract" (func $call (param i32 i32 i32 i32 i64 i32) (result i32)))
        (import "vm_hooks" "read_return_data" (func $rrd (param i32 i32 i32) (result i32)))
        (import "vm_hooks" "return_data_size" (func $rds (result i32)))
        ;; args: to(20) value(32) calldata(...)
        (func (export "user_entrypoint") (param $len i32) (result i32)
            (local $status i32)
            (call $read_args (i32.const 0))
            (local.set $status (call $call (i32.const 0) (i32.const 52) (i32.sub (local.get $len) (i32.const 52))
                (i32.const 20) (i64.const 100000) (i32.const 500)))
            ;; copy return data (skipping its first byte) after the status byte
            (i32.store8 (i32.const 600) (local.get $status))
            (i32.store8 (i32.const 601) (i32.eq (call $rds) (i32.load (i32.const 500))))
            (drop (call $rrd (i32.const 602) (i32.const 1) (i32.const 1000)))
            (call $write_result (i32.const 600) (i32.add (i32.const 1) (call $rds)))
            (i32.const 0))"#,
    ));
    let to = Address::repeat_byte(0x11);
    let mut args = to.to_vec();
    args.extend(word(5));
    args.extend([0xde, 0xad]);

    let mut host = MockHost::default();
    host.call_results.push(SubcallOutcome {
        success: false,
        output: Bytes::from_static(&[9, 8, 7]),
        gas_used: 1_000,
        base_gas: 2_600,
        created: None,
    });
    let out = run(&p, &mut host, &frame(&args));
    assert_eq!(out.status, Status::Success);
    assert_eq!(out.output.as_ref(), &[1, 1, 8, 7], "status 1 on revert; size matches; data from offset 1");
    let call = &host.calls[0];
    assert_eq!((call.kind, call.to, call.value, call.input.as_slice()), (CallKind::Call, to, U256::from(5), &[0xde, 0xad][..]));
    assert_eq!(call.gas, 100_000);
    assert!(out.gas_used >= out.entry_gas + 3_600, "callee and base gas charged");
}

#[test]
fn delegate_and_static_calls_use_their_kind_and_cap_gas_at_gas_left() {
    let p = program(&module(
        r#"(import "vm_hooks" "delegate_call_contract" (func $dcall (param i32 i32 i32 i64 i32) (result i32)))
        (import "vm_hooks" "static_call_contract" (func $scall (param i32 i32 i32 i64 i32) (result i32)))
        (func (export "user_entrypoint") (param i32) (result i32)
            (drop (call $dcall (i32.const 0) (i32.const 0) (i32.const 0) (i64.const -1) (i32.const 64)))
            (drop (call $scall (i32.const 0) (i32.const 0) (i32.const 0) (i64.const 777) (i32.const 64)))
            (i32.const 0))"#,
    ));
    let mut host = MockHost::default();
    let ctx = frame(&[]);
    let out = run(&p, &mut host, &ctx);
    assert_eq!(out.status, Status::Success);
    assert_eq!(host.calls[0].kind, CallKind::DelegateCall);
    assert!(host.calls[0].gas < ctx.gas_limit - out.entry_gas, "u64::MAX capped at gas left");
    assert_eq!(host.calls[0].requested, u64::MAX, "the world sees the request and the gas left apart");
    assert_eq!(host.calls[0].gas_left, host.calls[0].gas);
    assert_eq!((host.calls[1].kind, host.calls[1].gas), (CallKind::StaticCall, 777));
}

#[test]
fn emit_log_splits_topics_and_data() {
    let p = program(&module(
        r#"(import "vm_hooks" "emit_log" (func $log (param i32 i32 i32)))
        (func (export "user_entrypoint") (param $len i32) (result i32)
            (call $read_args (i32.const 0))
            (call $log (i32.const 0) (local.get $len) (i32.const 2))
            (i32.const 0))"#,
    ));
    let mut args = [1u8; 32].to_vec();
    args.extend([2u8; 32]);
    args.extend([7, 7, 7]);
    let mut host = MockHost::default();
    let out = run(&p, &mut host, &frame(&args));
    assert_eq!(out.status, Status::Success);
    assert_eq!(host.logs, vec![(vec![B256::repeat_byte(1), B256::repeat_byte(2)], vec![7, 7, 7])]);
    // Static context: the world refuses, the frame reverts.
    let mut host = MockHost { is_static: true, ..Default::default() };
    let out = run(&p, &mut host, &frame(&args));
    assert_eq!(out.status, Status::Revert);
    // More than 4 topics reverts before touching the world.
    let mut host = MockHost::default();
    let out = run(&p, &mut host, &frame(&[0u8; 10]));
    assert_eq!(out.status, Status::Revert, "len 10 < 2 topics");
    assert!(host.logs.is_empty());
}

#[test]
fn keccak_matches_alloy() {
    let p = program(&module(
        r#"(import "vm_hooks" "native_keccak256" (func $keccak (param i32 i32 i32)))
        (func (export "user_entrypoint") (param $len i32) (result i32)
            (call $read_args (i32.const 64))
            (call $keccak (i32.const 64) (local.get $len) (i32.const 0))
            (call $write_result (i32.const 0) (i32.const 32))
            (i32.const 0))"#,
    ));
    let input = b"stylus test bed";
    let out = run(&p, &mut MockHost::default(), &frame(input));
    assert_eq!(out.output.as_ref(), keccak256(input).as_slice());
}

#[test]
fn frame_facts_are_passed_through() {
    let p = program(&module(
        r#"(import "vm_hooks" "msg_reentrant" (func $reentrant (result i32)))
        (import "vm_hooks" "msg_sender" (func $sender (param i32)))
        (import "vm_hooks" "contract_address" (func $address (param i32)))
        (import "vm_hooks" "tx_origin" (func $origin (param i32)))
        (import "vm_hooks" "msg_value" (func $value (param i32)))
        (import "vm_hooks" "chainid" (func $chainid (result i64)))
        (import "vm_hooks" "block_number" (func $number (result i64)))
        (import "vm_hooks" "block_timestamp" (func $timestamp (result i64)))
        (func (export "user_entrypoint") (param i32) (result i32)
            (i32.store8 (i32.const 0) (call $reentrant))
            (call $sender (i32.const 1))
            (call $address (i32.const 21))
            (call $origin (i32.const 41))
            (call $value (i32.const 61))
            (i64.store (i32.const 93) (call $chainid))
            (i64.store (i32.const 101) (call $number))
            (i64.store (i32.const 109) (call $timestamp))
            (call $write_result (i32.const 0) (i32.const 117))
            (i32.const 0))"#,
    ));
    let mut ctx = frame(&[]);
    ctx.reentrant = true;
    ctx.value = U256::from(3);
    let out = run(&p, &mut MockHost::default(), &ctx);
    let o = out.output;
    assert_eq!(o[0], 1);
    assert_eq!(&o[1..21], ctx.caller.as_slice());
    assert_eq!(&o[21..41], ctx.address.as_slice());
    assert_eq!(&o[41..61], ctx.tx_origin.as_slice());
    assert_eq!(&o[61..93], &word(3));
    assert_eq!(&o[93..101], &42_161u64.to_le_bytes());
    assert_eq!(&o[101..109], &7u64.to_le_bytes());
    assert_eq!(&o[109..117], &1_700_000_000u64.to_le_bytes());
    ctx.reentrant = false;
    let out = run(&p, &mut MockHost::default(), &ctx);
    assert_eq!(out.output[0], 0);
}

#[test]
fn exit_early_nonzero_reverts_with_result_data_and_zero_succeeds() {
    let p = program(&module(
        r#"(func (export "user_entrypoint") (param i32) (result i32)
            (call $read_args (i32.const 0))
            (call $write_result (i32.const 0) (i32.const 1))
            (call $exit (i32.load8_u (i32.const 0)))
            (unreachable))"#,
    ));
    let out = run(&p, &mut MockHost::default(), &frame(&[3]));
    assert_eq!((out.status, out.output.as_ref()), (Status::Revert, &[3u8][..]));
    let out = run(&p, &mut MockHost::default(), &frame(&[0]));
    assert_eq!((out.status, out.output.as_ref()), (Status::Success, &[0u8][..]));
}

#[test]
fn trap_fails_keeping_unused_gas_and_out_of_ink_consumes_everything() {
    let trap = program(&module(r#"(func (export "user_entrypoint") (param i32) (result i32) (unreachable))"#));
    let ctx = frame(&[]);
    let out = run(&trap, &mut MockHost::default(), &ctx);
    assert_eq!(out.status, Status::Failure);
    assert!(out.output.is_empty());
    assert!(out.gas_used < ctx.gas_limit);

    let spin = program(&module(r#"(func (export "user_entrypoint") (param i32) (result i32) (loop (br 0)) (i32.const 0))"#));
    let mut short = frame(&[]);
    short.gas_limit = 50_000;
    let out = run(&spin, &mut MockHost::default(), &short);
    assert_eq!(out.status, Status::OutOfInk);
    assert_eq!(out.gas_used, short.gas_limit);

    let mut poor = frame(&[]);
    poor.gas_limit = 1_000;
    let out = run(&trap, &mut MockHost::default(), &poor);
    assert_eq!((out.status, out.gas_used), (Status::OutOfInk, 1_000), "cannot even pay entry");
}

#[test]
fn cached_entry_is_cheaper_by_the_init_gas() {
    let p = program(&module(r#"(func (export "user_entrypoint") (param i32) (result i32) (i32.const 0))"#));
    let mut ctx = frame(&[]);
    let cold = run(&p, &mut MockHost::default(), &ctx);
    ctx.cached = true;
    let warm = run(&p, &mut MockHost::default(), &ctx);
    let info = p.info();
    assert_eq!(cold.entry_gas - warm.entry_gas, 8_832 + u64::from(info.init_cost));
    assert_eq!(warm.entry_gas, 352 + u64::from(info.cached_init_cost), "1 page is free");
    assert_eq!(cold.gas_used - warm.gas_used, cold.entry_gas - warm.entry_gas);
}

#[test]
fn transient_storage_round_trips_and_is_refused_in_static_calls() {
    let p = program(&module(
        r#"(import "vm_hooks" "transient_store_bytes32" (func $tstore (param i32 i32)))
        (import "vm_hooks" "transient_load_bytes32" (func $tload (param i32 i32)))
        (func (export "user_entrypoint") (param i32) (result i32)
            (call $read_args (i32.const 0))
            (call $tstore (i32.const 0) (i32.const 32))
            (call $tload (i32.const 0) (i32.const 64))
            (call $write_result (i32.const 64) (i32.const 32))
            (i32.const 0))"#,
    ));
    let args = [word(1), word(99)].concat();
    let mut host = MockHost::default();
    let out = run(&p, &mut host, &frame(&args));
    assert_eq!(out.output.as_ref(), &word(99));
    let mut host = MockHost { is_static: true, ..Default::default() };
    assert_eq!(run(&p, &mut host, &frame(&args)).status, Status::Revert);
}

#[test]
fn math_hooks_compute_256_bit_results() {
    let p = program(&module(
        r#"(import "vm_hooks" "math_div" (func $div (param i32 i32)))
        (import "vm_hooks" "math_mod" (func $mod (param i32 i32)))
        (import "vm_hooks" "math_pow" (func $pow (param i32 i32)))
        (import "vm_hooks" "math_add_mod" (func $addmod (param i32 i32 i32)))
        (import "vm_hooks" "math_mul_mod" (func $mulmod (param i32 i32 i32)))
        ;; args: a b c; outputs div(a,b) mod(a,b) pow(a,b) addmod(a,b,c) mulmod(a,b,c)
        (func $copy_a (param $dst i32) (memory.copy (local.get $dst) (i32.const 0) (i32.const 32)))
        (func (export "user_entrypoint") (param i32) (result i32)
            (call $read_args (i32.const 0))
            (call $copy_a (i32.const 100)) (call $div (i32.const 100) (i32.const 32))
            (call $copy_a (i32.const 132)) (call $mod (i32.const 132) (i32.const 32))
            (call $copy_a (i32.const 164)) (call $pow (i32.const 164) (i32.const 32))
            (call $copy_a (i32.const 196)) (call $addmod (i32.const 196) (i32.const 32) (i32.const 64))
            (call $copy_a (i32.const 228)) (call $mulmod (i32.const 228) (i32.const 32) (i32.const 64))
            (call $write_result (i32.const 100) (i32.const 160))
            (i32.const 0))"#,
    ));
    let args = [word(17), word(5), word(7)].concat();
    let out = run(&p, &mut MockHost::default(), &frame(&args));
    assert_eq!(out.status, Status::Success, "{:?}", out.error);
    let expect = [word(3), word(2), word(1_419_857), word(1), word(1)].concat();
    assert_eq!(out.output.as_ref(), expect.as_slice());
}

#[test]
fn account_queries_charge_world_gas() {
    let p = program(&module(
        r#"(import "vm_hooks" "account_balance" (func $balance (param i32 i32)))
        (import "vm_hooks" "account_code_size" (func $size (param i32) (result i32)))
        (import "vm_hooks" "account_code" (func $code (param i32 i32 i32 i32) (result i32)))
        (import "vm_hooks" "account_codehash" (func $hash (param i32 i32)))
        (func (export "user_entrypoint") (param i32) (result i32)
            (call $read_args (i32.const 0))
            (call $balance (i32.const 0) (i32.const 100))
            (i32.store (i32.const 132) (call $size (i32.const 0)))
            (i32.store (i32.const 136) (call $code (i32.const 0) (i32.const 1) (i32.const 10) (i32.const 140)))
            (call $hash (i32.const 0) (i32.const 142))
            (call $write_result (i32.const 100) (i32.const 74))
            (i32.const 0))"#,
    ));
    let who = Address::repeat_byte(0x33);
    let mut host = MockHost::default();
    host.balances.insert(who, U256::from(1_000));
    host.codes.insert(who, Bytes::from_static(&[0x60, 0x01, 0x60]));
    let out = run(&p, &mut host, &frame(who.as_slice()));
    assert_eq!(out.status, Status::Success, "{:?}", out.error);
    let o = out.output;
    assert_eq!(&o[0..32], &word(1_000));
    assert_eq!(u32::from_le_bytes(o[32..36].try_into().unwrap()), 3);
    assert_eq!(u32::from_le_bytes(o[36..40].try_into().unwrap()), 2, "code from offset 1 stops at its end");
    assert_eq!(&o[40..42], &[0x01, 0x60]);
    assert_eq!(&o[42..74], keccak256([0x60, 0x01, 0x60]).as_slice());
    // balance + code (once, then re-served) + codehash: 3 x 2,600.
    assert!(out.gas_used - out.entry_gas >= 7_800);
}

#[test]
fn memory_growth_is_paid_at_nitro_page_prices() {
    let grow = |pages: i32| {
        program(&module(&format!(
            r#"(func (export "user_entrypoint") (param i32) (result i32)
                (drop (memory.grow (i32.const {pages}))) (i32.const 0))"#
        )))
    };
    let ctx = frame(&[]);
    let small = run(&grow(1), &mut MockHost::default(), &ctx);
    let big = run(&grow(3), &mut MockHost::default(), &ctx);
    assert_eq!(small.status, Status::Success);
    // 1 initial + 1 grown = 2 free pages; 1 + 3 = 4 pages: 2 paid (2,000 + exponent 1-1).
    assert!(big.gas_used - small.gas_used >= 2_000, "{} vs {}", big.gas_used, small.gas_used);
    assert!(big.gas_used - small.gas_used < 2_100);
}

#[test]
fn nested_frames_share_the_transaction_page_counters() {
    let p = program(&module(r#"(func (export "user_entrypoint") (param i32) (result i32) (i32.const 0))"#));
    let mut host = MockHost::default();
    host.pages.open = 2;
    host.pages.ever = 2;
    let out = run(&p, &mut host, &frame(&[]));
    assert_eq!(out.entry_gas, 352 + u64::from(p.info().cached_init_cost) + 8_832 + u64::from(p.info().init_cost) + 1_000);
    assert_eq!(host.pages.open, 2, "pages closed on exit");
    assert_eq!(host.pages.ever, 3);
}

#[test]
fn create2_returns_the_address_and_clears_return_data() {
    let p = program(&module(
        r#"(import "vm_hooks" "create2" (func $create2 (param i32 i32 i32 i32 i32 i32)))
        (func (export "user_entrypoint") (param $len i32) (result i32)
            (call $read_args (i32.const 0))
            ;; code = args[64..], endowment = args[0..32], salt = args[32..64]
            (call $create2 (i32.const 64) (i32.sub (local.get $len) (i32.const 64)) (i32.const 0) (i32.const 32) (i32.const 200) (i32.const 220))
            (call $write_result (i32.const 200) (i32.const 24))
            (i32.const 0))"#,
    ));
    let salt = B256::repeat_byte(0x44);
    let args = [word(0).as_slice(), salt.as_slice(), &[0x60, 0x00]].concat();
    let mut host = MockHost::default();
    let out = run(&p, &mut host, &frame(&args));
    assert_eq!(out.status, Status::Success, "{:?}", out.error);
    assert_eq!(&out.output[..20], Address::from_word(salt).as_slice());
    assert_eq!(&out.output[20..24], &0u32.to_le_bytes());
    assert_eq!(host.calls[0].input, vec![0x60, 0x00]);
}
