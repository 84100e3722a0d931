//! A real stylus-sdk 0.10.10 program (programs/runtime-probe), compiled for wasm32 with the
//! pinned toolchain, loaded like activation does and driven through the ABI against the
//! HashMap world: proves every hook the SDK imports is wired and priced.
//!
//! The program is built like the project's contracts (no extra RUSTFLAGS); loading goes
//! through cargo-stylus's processing, which re-encodes rustc's reference-types
//! `call_indirect` immediates that activation would otherwise refuse.

mod stylus_support;

use alloy_primitives::{keccak256, Address, Bytes, B256, U256};
use alloy_sol_types::{sol, SolCall, SolError, SolEvent};
use std::{path::PathBuf, process::Command, sync::OnceLock};
use stylus_support::{frame, MockHost};
use stylus_testbed::stylus::{run, Outcome, Program, Status, SubcallOutcome};

sol! {
    interface IRuntimeProbe {
        function increment(uint256 limit) external returns (uint256);
        function count() external view returns (uint256);
        function deposit() external payable returns (uint256);
        function depositOf(address who) external view returns (uint256);
        function environment() external view returns (uint64, uint64, uint64, uint64, address, address, address, uint256, uint256, uint32);
        function account(address who) external view returns (uint256, uint256, bytes32, bytes);
        function meters() external view returns (uint64, uint64, uint64);
        function hash(bytes data) external view returns (bytes32);
        function allocate(uint32 kib) external view returns (uint256);
        function callThenCount(address to, bytes data) external returns (bytes, uint256);
        function reentrant() external view returns (bool);
        event Counted(address indexed who, uint256 count);
        error TooBig(uint256 count);
    }
}
use IRuntimeProbe as P;

/// Builds programs/runtime-probe once per test binary and returns its wasm.
fn probe_wasm() -> &'static [u8] {
    static WASM: OnceLock<Vec<u8>> = OnceLock::new();
    WASM.get_or_init(|| {
        let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let program_dir = crate_dir.join("programs/runtime-probe");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| crate_dir.join("../../target"))
            .join("stylus-programs");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .current_dir(&program_dir)
            .args(["build", "--release", "--target", "wasm32-unknown-unknown", "--target-dir"])
            .arg(&target)
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .env_remove("RUSTFLAGS")
            .status()
            .expect("run cargo");
        assert!(status.success(), "building programs/runtime-probe failed");
        std::fs::read(target.join("wasm32-unknown-unknown/release/runtime_probe.wasm")).expect("built wasm")
    })
}

/// The loaded program, shared by the tests (loading = processing + brotli + compile).
fn probe() -> Program {
    static PROGRAM: OnceLock<Program> = OnceLock::new();
    PROGRAM
        .get_or_init(|| Program::from_wasm(probe_wasm()).unwrap_or_else(|e| panic!("runtime-probe refused: {e}")))
        .clone()
}

fn call(program: &Program, host: &mut MockHost, input: Vec<u8>) -> Outcome {
    let out = run(program, host, &frame(&input));
    assert!(out.status != Status::Failure, "trap: {:?}", out.error);
    out
}

#[test]
fn raw_rustc_output_needs_cargo_stylus_processing() {
    let raw = Program::from_raw_wasm_with(probe_wasm(), &Default::default()).unwrap_err();
    assert!(raw.to_string().contains("zero byte expected"), "{raw}");
}

#[test]
fn sdk_program_activates_within_limits() {
    let program = probe();
    let info = program.info();
    println!("runtime-probe: {info:#?}");
    assert!(info.fits_code_limit(), "{} bytes", info.code_size);
    for hook in [
        "read_args", "write_result", "pay_for_memory_grow", "storage_load_bytes32", "storage_cache_bytes32",
        "storage_flush_cache", "emit_log", "msg_sender", "msg_value", "native_keccak256", "call_contract",
        "read_return_data", "chainid", "block_number", "block_timestamp", "account_balance", "account_code",
        "account_codehash", "evm_gas_left", "evm_ink_left", "msg_reentrant", "contract_address", "tx_origin",
    ] {
        assert!(info.hooks.contains(hook), "SDK program should import {hook}: {:?}", info.hooks);
    }
}

#[test]
fn counter_persists_through_flush_and_logs() {
    let program = probe();
    let mut host = MockHost::default();
    for expected in 1..=2u64 {
        let out = call(&program, &mut host, P::incrementCall { limit: U256::from(10) }.abi_encode());
        assert_eq!(out.status, Status::Success, "{:?}", out.error);
        assert_eq!(P::incrementCall::abi_decode_returns(&out.output).unwrap(), U256::from(expected));
    }
    assert_eq!(host.storage.get(&U256::ZERO), Some(&U256::from(2)), "slot 0 written by the SDK's flush");
    assert_eq!(host.logs.len(), 2);
    let (topics, data) = &host.logs[1];
    assert_eq!(topics[0], P::Counted::SIGNATURE_HASH);
    assert_eq!(topics[1], frame(&[]).caller.into_word());
    assert_eq!(data.as_slice(), &U256::from(2).to_be_bytes::<32>());

    let out = call(&program, &mut host, P::countCall {}.abi_encode());
    assert_eq!(P::countCall::abi_decode_returns(&out.output).unwrap(), U256::from(2));
}

#[test]
fn custom_error_reverts_with_its_encoding() {
    let program = probe();
    let mut host = MockHost::default();
    host.storage.insert(U256::ZERO, U256::from(10));
    let out = call(&program, &mut host, P::incrementCall { limit: U256::from(10) }.abi_encode());
    assert_eq!(out.status, Status::Revert);
    assert_eq!(out.output.as_ref(), P::TooBig { count: U256::from(11) }.abi_encode().as_slice());
}

#[test]
fn payable_deposit_reads_msg_value_into_a_map() {
    let program = probe();
    let mut host = MockHost::default();
    let mut ctx = frame(&P::depositCall {}.abi_encode());
    ctx.value = U256::from(5);
    let out = run(&program, &mut host, &ctx);
    assert_eq!(out.status, Status::Success, "{:?}", out.error);
    assert_eq!(P::depositCall::abi_decode_returns(&out.output).unwrap(), U256::from(5));
    let out = call(&program, &mut host, P::depositOfCall { who: ctx.caller }.abi_encode());
    assert_eq!(P::depositOfCall::abi_decode_returns(&out.output).unwrap(), U256::from(5));
    // A non-payable method refuses value.
    let mut ctx = frame(&P::countCall {}.abi_encode());
    ctx.value = U256::from(1);
    assert_eq!(run(&program, &mut host, &ctx).status, Status::Revert);
}

#[test]
fn environment_and_account_facts_come_from_the_frame_and_world() {
    let program = probe();
    let mut host = MockHost::default();
    let out = call(&program, &mut host, P::environmentCall {}.abi_encode());
    let env = P::environmentCall::abi_decode_returns(&out.output).unwrap();
    let ctx = frame(&[]);
    assert_eq!((env._0, env._1, env._2), (42_161, 7, 1_700_000_000));
    assert_eq!((env._5, env._6), (ctx.tx_origin, ctx.address));
    assert_eq!(env._9, 10_000, "ink price");

    let who = Address::repeat_byte(0x77);
    host.balances.insert(who, U256::from(123));
    host.codes.insert(who, Bytes::from_static(&[1, 2, 3, 4]));
    let out = call(&program, &mut host, P::accountCall { who }.abi_encode());
    let acct = P::accountCall::abi_decode_returns(&out.output).unwrap();
    assert_eq!((acct._0, acct._1, acct._2), (U256::from(123), U256::from(4), keccak256([1, 2, 3, 4])));
    assert_eq!(acct._3.as_ref(), &[1, 2, 3, 4]);
}

#[test]
fn meters_go_down_and_keccak_matches() {
    let program = probe();
    let mut host = MockHost::default();
    let out = call(&program, &mut host, P::metersCall {}.abi_encode());
    let m = P::metersCall::abi_decode_returns(&out.output).unwrap();
    assert!(m._0 > m._2 && m._1 / 10_000 <= m._0, "{} {} {}", m._0, m._1, m._2);

    let data = Bytes::from_static(b"the quick brown fox");
    let out = call(&program, &mut host, P::hashCall { data: data.clone() }.abi_encode());
    assert_eq!(P::hashCall::abi_decode_returns(&out.output).unwrap(), keccak256(&data));
}

#[test]
fn memory_growth_costs_gas() {
    let program = probe();
    let small = call(&program, &mut MockHost::default(), P::allocateCall { kib: 1 }.abi_encode());
    let large = call(&program, &mut MockHost::default(), P::allocateCall { kib: 256 }.abi_encode());
    assert_eq!(large.status, Status::Success, "{:?}", large.error);
    let expected: u64 = (0..256 * 1024u64).map(|i| i % 256).sum();
    assert_eq!(P::allocateCall::abi_decode_returns(&large.output).unwrap(), U256::from(expected));
    println!("allocate 1 KiB: {} gas, 256 KiB: {} gas", small.gas_used, large.gas_used);
    assert!(large.gas_used > small.gas_used + 4 * 1_000, "≥4 more pages at ≥1,000 gas each");
}

#[test]
fn reads_after_a_call_see_the_callee_writes() {
    let program = probe();
    let mut host = MockHost::default();
    host.storage.insert(U256::ZERO, U256::from(1));
    host.callee_writes.push((U256::ZERO, U256::from(41)));
    host.call_results.push(SubcallOutcome { success: true, output: Bytes::from_static(&[0xAB]), gas_used: 500, base_gas: 2_600, created: None });
    let to = Address::repeat_byte(0x22);
    let out = call(&program, &mut host, P::callThenCountCall { to, data: Bytes::from_static(&[1, 2]) }.abi_encode());
    assert_eq!(out.status, Status::Success, "{:?}", out.error);
    let r = P::callThenCountCall::abi_decode_returns(&out.output).unwrap();
    assert_eq!((r._0.as_ref(), r._1), (&[0xAB][..], U256::from(41)));
    assert_eq!(host.calls[0].input, vec![1, 2]);

    // Callee reverts: the SDK surfaces its data as our revert.
    host.call_results.push(SubcallOutcome { success: false, output: Bytes::from_static(&[0xEE]), ..Default::default() });
    let out = call(&program, &mut host, P::callThenCountCall { to, data: Bytes::new() }.abi_encode());
    assert_eq!((out.status, out.output.as_ref()), (Status::Revert, &[0xEE][..]));
}

#[test]
fn reentrant_flag_reaches_the_program() {
    let program = probe();
    let mut ctx = frame(&P::reentrantCall {}.abi_encode());
    ctx.reentrant = true;
    let out = run(&program, &mut MockHost::default(), &ctx);
    assert!(P::reentrantCall::abi_decode_returns(&out.output).unwrap());
}

#[test]
fn unknown_selector_reverts_and_deployment_code_loads_the_same() {
    let program = probe();
    let out = call(&program, &mut MockHost::default(), vec![1, 2, 3, 4]);
    assert_eq!(out.status, Status::Revert);
    let code = stylus_testbed::stylus::deployment_code_from_wasm(probe_wasm());
    let again = Program::from_deployment_code(&code).expect("deployment code");
    assert_eq!(again.info(), program.info());
    let _ = B256::ZERO;
}
