//! Program lifecycle and world bookkeeping: validation at deploy/activation, calls to
//! unactivated programs, the ArbOS cache, snapshots, transaction gas.

mod world_support;

use alloy_primitives::{Address, U256};
use alloy_sol_types::SolCall;
use stylus_testbed::{
    stylus::{deployment_code_from_wasm, ProgramError},
    world::{arbos::ArbWasm, TxStatus},
    BedError, TestBed,
};
use world_support::*;

/// A valid Stylus module with a float instruction in its entry point.
const FLOAT_PROGRAM: &str = r#"(module
  (memory (export "memory") 1)
  (func (export "user_entrypoint") (param i32) (result i32)
    (drop (f64.add (f64.const 1) (f64.const 2)))
    (i32.const 0)))"#;

/// The same module without the float: returns success with no output.
const PLAIN_PROGRAM: &str = r#"(module
  (memory (export "memory") 1)
  (func (export "user_entrypoint") (param i32) (result i32)
    (i32.const 0)))"#;

#[test]
fn float_program_is_refused_at_deploy_and_at_activation() {
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let float_wasm = wat::parse_str(FLOAT_PROGRAM).unwrap();
    match bed.deploy_wasm(&float_wasm) {
        Err(BedError::Program(ProgramError::FloatInstruction { .. })) => {}
        other => panic!("expected FloatInstruction, got {other:?}"),
    }
    // Deployed anyway, activation through ArbWasm fails (and burns the gas, as Nitro does).
    let program = bed.deploy_wasm_unactivated(&float_wasm).unwrap();
    let r = bed.activate_from(alice, program);
    assert!(matches!(r.status, TxStatus::Halt(_)), "{r:?}");
    assert!(r.gas_used > 30_000_000, "activation failure burns all gas: {}", r.gas_used);
    assert!(bed.world().activation(program).is_none());
    let r = bed.call(alice, program, Vec::new(), U256::ZERO);
    assert!(r.revert_error::<ArbWasm::ProgramNotActivated>().is_some(), "{r:?}");
    // Control: the float-free twin deploys, activates and runs.
    let plain = bed.deploy_wasm(&wat::parse_str(PLAIN_PROGRAM).unwrap()).unwrap();
    assert!(bed.call(alice, plain, Vec::new(), U256::ZERO).success);
}

#[test]
fn unactivated_program_call_fails_until_activated() {
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let probe = bed.deploy_wasm_unactivated(&program_wasm("world_probe")).unwrap();
    let get = IProbe::getCall { key: U256::from(1) };
    let r = bed.call(alice, probe, get.abi_encode(), U256::ZERO);
    assert_eq!(r.status, TxStatus::Revert);
    assert!(r.revert_error::<ArbWasm::ProgramNotActivated>().is_some());
    let version = ArbWasm::programVersionCall { program: probe };
    assert!(bed.static_call(alice, stylus_testbed::world::arbos::ARB_WASM, version.abi_encode()).revert_error::<ArbWasm::ProgramNotActivated>().is_some());

    let r = bed.activate_from(alice, probe);
    assert!(r.success, "{r:?}");
    let activated = r.decode::<ArbWasm::activateProgramCall>().unwrap();
    assert_eq!(activated.version, 2);
    assert_eq!(r.events::<ArbWasm::ProgramActivated>().len(), 1);
    assert!(bed.call(alice, probe, get.abi_encode(), U256::ZERO).success);
    // Activating twice is refused.
    assert!(bed.activate_from(alice, probe).revert_error::<ArbWasm::ProgramUpToDate>().is_some());
    // Too little value for the data fee is refused.
    let other = bed.deploy_wasm_unactivated(&program_wasm("world_erc20")).unwrap();
    let r = bed.call(alice, stylus_testbed::world::arbos::ARB_WASM, ArbWasm::activateProgramCall { program: other }.abi_encode(), U256::from(1));
    assert!(r.revert_error::<ArbWasm::ProgramInsufficientValue>().is_some(), "{r:?}");
    // Non-Stylus code is not a program.
    let store = deploy_sol(&mut bed, "TbStore", &[]);
    assert!(bed.activate_from(alice, store).revert_error::<ArbWasm::ProgramNotWasm>().is_some());
}

#[test]
fn same_code_is_activated_once_for_every_address() {
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let first = bed.deploy_wasm(&program_wasm("world_probe")).unwrap();
    let twin = bed.deploy_wasm_unactivated(&program_wasm("world_probe")).unwrap();
    assert_ne!(first, twin);
    assert!(bed.call(alice, twin, IProbe::getCall { key: U256::ZERO }.abi_encode(), U256::ZERO).success);
}

#[test]
fn cached_programs_are_cheaper_to_enter() {
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let probe = deploy_probe(&mut bed);
    let get = IProbe::getCall { key: U256::from(1) }.abi_encode();
    let uncached = bed.call(alice, probe, get.clone(), U256::ZERO).gas_used;
    assert!(bed.set_cached(probe, true));
    let cached = bed.call(alice, probe, get.clone(), U256::ZERO).gas_used;
    assert!(cached < uncached, "cached {cached} vs uncached {uncached}");
    assert!(bed.world().activation(probe).unwrap().cached);
    assert!(!bed.set_cached(Address::repeat_byte(7), true));
}

#[test]
fn snapshot_and_revert_restore_state_code_activations_and_block() {
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let probe = deploy_probe(&mut bed);
    bed.call_sol(alice, probe, &IProbe::setCall { key: U256::from(1), value: U256::from(10) }).unwrap();
    let snap = bed.snapshot();
    let (nonce, balance, time) = (bed.world().nonce(alice), bed.balance(alice), bed.block_timestamp());

    bed.call_sol(alice, probe, &IProbe::setCall { key: U256::from(1), value: U256::from(99) }).unwrap();
    let token = bed.deploy_wasm(&program_wasm("world_erc20")).unwrap();
    bed.fund(alice, U256::from(5));
    bed.advance_time(3_600);
    assert_eq!(bed.view_sol(probe, &IProbe::getCall { key: U256::from(1) }).unwrap(), U256::from(99));

    bed.revert_to(&snap);
    assert_eq!(bed.view_sol(probe, &IProbe::getCall { key: U256::from(1) }).unwrap(), U256::from(10));
    assert!(bed.world().code(token).is_empty());
    assert!(bed.world().activation(token).is_none());
    assert_eq!((bed.world().nonce(alice), bed.balance(alice), bed.block_timestamp()), (nonce, balance, time));
}

#[test]
fn transaction_gas_includes_intrinsic_and_refunds() {
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let store = deploy_sol(&mut bed, "TbStore", &[]);
    let set = |v: u64| alloy_sol_types::SolCall::abi_encode(&ITbStore::setCall { key: U256::from(1), value: U256::from(v) });
    // Fresh slot: 21,000 + calldata + 22,100 (cold SSTORE set) + solc's dispatch.
    let r = bed.call(alice, store, set(5), U256::ZERO);
    assert!(r.success);
    assert!(r.gas_used > 21_000 + 22_100 && r.gas_used < 21_000 + 22_100 + 1_500, "{}", r.gas_used);
    // Clearing it earns the EIP-3529 refund (4,800, capped at a fifth of the gas).
    let r = bed.call(alice, store, set(0), U256::ZERO);
    assert_eq!(r.gas_refunded, 4_800, "{r:?}");
    let empty = bed.call(alice, Address::repeat_byte(0x42), Vec::new(), U256::ZERO);
    assert_eq!(empty.gas_used, 21_000);
    // Value transfer to an account.
    let before = bed.balance(Address::repeat_byte(0x42));
    assert!(bed.call(alice, Address::repeat_byte(0x42), Vec::new(), U256::from(7)).success);
    assert_eq!(bed.balance(Address::repeat_byte(0x42)), before + U256::from(7));
    // Raw deployment code deploys like raw wasm.
    let code = deployment_code_from_wasm(&program_wasm("world_probe"));
    let probe = bed.deploy_wasm(&code).unwrap();
    assert!(bed.call(alice, probe, IProbe::getCall { key: U256::ZERO }.abi_encode(), U256::ZERO).success);
}

#[test]
fn call_depth_is_limited_to_1024_frames() {
    alloy_sol_types::sol! {
        function dive(uint256 depth) external returns (uint256);
    }
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let recursor = deploy_sol(&mut bed, "TbRecursor", &[]);
    // With 32M gas the 63/64 rule stops the dive first.
    let by_gas = bed.call_sol(alice, recursor, &diveCall { depth: U256::ZERO }).unwrap();
    assert!(by_gas > U256::from(300) && by_gas < U256::from(1024), "{by_gas}");
    // With ample gas the depth limit does: frames at depths 0..=1024, the top one is depth 0.
    bed.gas_limit = 1 << 44;
    let by_depth = bed.call_sol(alice, recursor, &diveCall { depth: U256::ZERO }).unwrap();
    assert_eq!(by_depth, U256::from(1024));
}

#[test]
fn stylus_storage_clears_earn_the_eip3529_refund() {
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let probe = deploy_probe(&mut bed);
    bed.call_sol(alice, probe, &IProbe::setCall { key: U256::from(8), value: U256::from(80) }).unwrap();
    let r = bed.call(alice, probe, IProbe::setCall { key: U256::from(8), value: U256::ZERO }.abi_encode(), U256::ZERO);
    assert!(r.success, "{r:?}");
    assert_eq!(r.gas_refunded, 4_800);
    // A reverted transaction keeps no refund.
    let r = bed.call(alice, probe, IProbe::failCall { code: U256::ZERO }.abi_encode(), U256::ZERO);
    assert_eq!((r.status, r.gas_refunded), (TxStatus::Revert, 0));
}

#[test]
fn invalid_transactions_are_typed_errors() {
    let mut bed = TestBed::new();
    let poor = Address::repeat_byte(0x99);
    let rich = bed.account("rich");
    match bed.try_call(poor, rich, Vec::new(), U256::from(1)) {
        Err(stylus_testbed::world::TxError::InsufficientFunds { from, .. }) => assert_eq!(from, poor),
        other => panic!("expected InsufficientFunds, got {other:?}"),
    }
    bed.gas_limit = 20_000;
    assert!(matches!(bed.try_call(rich, poor, Vec::new(), U256::ZERO), Err(stylus_testbed::world::TxError::IntrinsicGas { need: 21_000, .. })));
}

#[test]
fn running_out_of_gas_in_a_program_consumes_the_gas_limit() {
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let probe = deploy_probe(&mut bed);
    bed.gas_limit = 30_000;
    let r = bed.call(alice, probe, IProbe::setCall { key: U256::from(1), value: U256::from(1) }.abi_encode(), U256::ZERO);
    assert!(matches!(r.status, TxStatus::Halt(_)), "{r:?}");
    assert_eq!(r.gas_used, 30_000);
    bed.gas_limit = stylus_testbed::testbed::DEFAULT_GAS_LIMIT;
    assert_eq!(bed.view_sol(probe, &IProbe::getCall { key: U256::from(1) }).unwrap(), U256::ZERO);
}

#[test]
fn activation_data_fee_prices_the_decompressed_wasm() {
    use stylus_testbed::{stylus::{wasm_from_deployment_code, MAX_WASM_SIZE}, world::arbos::DATA_PRICE_WEI_PER_BYTE};
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let probe = bed.deploy_wasm_unactivated(&program_wasm("world_probe")).unwrap();
    let wasm_len = wasm_from_deployment_code(&bed.world().code(probe), MAX_WASM_SIZE).unwrap().len();
    let expected = U256::from(DATA_PRICE_WEI_PER_BYTE) * U256::from(wasm_len);
    assert_eq!(bed.world().activation_fee(probe), expected);
    let r = bed.activate_from(alice, probe);
    assert!(r.success, "{r:?}");
    let events = r.events::<ArbWasm::ProgramActivated>();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].dataFee, expected);
    // Once compiled, the fee comes from the program's recorded size: still the same.
    assert_eq!(bed.world().activation_fee(probe), expected);
}

#[test]
fn deploy_wasms_matches_one_deploy_after_another() {
    let (probe, erc20) = (program_wasm("world_probe"), program_wasm("world_erc20"));
    let programs: [&[u8]; 3] = [&probe, &erc20, &probe];
    let mut together = TestBed::new();
    let mut one_by_one = TestBed::new();
    let addresses = together.deploy_wasms(&programs).unwrap();
    let expected: Vec<Address> = programs.iter().map(|p| one_by_one.deploy_wasm(p).unwrap()).collect();
    assert_eq!(addresses, expected);
    let alice = together.account("alice");
    for address in &addresses {
        assert_eq!(together.world().code(*address), one_by_one.world().code(*address));
        assert!(together.world().activation(*address).is_some());
    }
    let get = IProbe::getCall { key: U256::from(1) };
    assert!(together.call(alice, addresses[2], get.abi_encode(), U256::ZERO).success);
    // A bad program among them is reported as deploy_wasm reports it.
    let float_wasm = wat::parse_str(FLOAT_PROGRAM).unwrap();
    match together.deploy_wasms(&[&probe, &float_wasm]) {
        Err(BedError::Program(ProgramError::FloatInstruction { .. })) => {}
        other => panic!("expected FloatInstruction, got {other:?}"),
    }
}
