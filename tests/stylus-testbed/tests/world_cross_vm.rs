//! Cross-VM behaviour of the world: real Stylus programs (programs/world-*) and Solidity
//! contracts (tests/solidity/src/testbed) calling each other in one transaction.
//! Needs `node tests/solidity/build.mjs` (artifacts).

mod world_support;

use alloy_primitives::{keccak256, Address, Bytes, B256, U256};
use alloy_sol_types::{SolCall, SolEvent};
use stylus_testbed::{testbed::init_code_returning, world::TxStatus, TestBed};
use world_support::*;

/// What the Forwarder/Probe `forward*` functions return, one layer unwrapped.
fn unwrap_forward(output: &[u8]) -> Bytes {
    ITbForwarder::forwardCall::abi_decode_returns(output).expect("forward returns bytes")
}

fn fwd(to: Address, call: impl SolCall) -> ITbForwarder::forwardCall {
    ITbForwarder::forwardCall { to, data: call.abi_encode().into() }
}

fn probe_fwd(to: Address, call: impl SolCall) -> IProbe::forwardCall {
    IProbe::forwardCall { to, data: call.abi_encode().into() }
}

struct Cast {
    bed: TestBed,
    alice: Address,
    bob: Address,
    forwarder: Address,
    probe: Address,
}

fn setup() -> Cast {
    let mut bed = TestBed::new();
    let (alice, bob) = (bed.account("alice"), bed.account("bob"));
    let forwarder = deploy_sol(&mut bed, "TbForwarder", &[]);
    let probe = deploy_probe(&mut bed);
    Cast { bed, alice, bob, forwarder, probe }
}

#[test]
fn stylus_and_solidity_erc20s_are_driven_by_the_other_vm() {
    let Cast { mut bed, alice, bob, probe, .. } = setup();
    let sol_token = bed.deploy_test_token("SOL", 18).unwrap();
    let stylus_token = bed.deploy_wasm(&program_wasm("world_erc20")).unwrap();
    let mover = deploy_sol(&mut bed, "TbTokenMover", &[]);

    // Solidity -> Stylus ERC-20: transferFrom through an EVM contract.
    bed.mint(stylus_token, alice, U256::from(1_000)).unwrap();
    bed.call_sol(alice, stylus_token, &IToken::approveCall { spender: mover, value: U256::from(400) }).unwrap();
    let pull = ITbTokenMover::pullCall { token: stylus_token, from: alice, to: bob, amount: U256::from(400) };
    let r = bed.call(alice, mover, pull.abi_encode(), U256::ZERO);
    assert!(r.success, "{r:?}");
    assert_eq!(r.decode::<ITbTokenMover::pullCall>().unwrap(), U256::from(400));
    let transfers = r.events_from::<IToken::Transfer>(stylus_token);
    assert_eq!(transfers.len(), 1);
    assert_eq!((transfers[0].from, transfers[0].to, transfers[0].value), (alice, bob, U256::from(400)));
    assert_eq!(bed.view_sol(stylus_token, &IToken::allowanceCall { owner: alice, spender: mover }).unwrap(), U256::ZERO);

    // The Stylus token's typed error reaches the EVM caller's caller intact.
    let r = bed.call(alice, mover, pull.abi_encode(), U256::ZERO);
    match r.revert_as::<IToken::ITokenErrors>() {
        Some(IToken::ITokenErrors::InsufficientAllowance(e)) => {
            assert_eq!((e.owner, e.spender, e.allowance, e.needed), (alice, mover, U256::ZERO, U256::from(400)));
        }
        other => panic!("expected InsufficientAllowance, got {other:?} from {r:?}"),
    }

    // Stylus -> Solidity ERC-20: the probe owns tokens and transfers them.
    bed.mint(sol_token, probe, U256::from(500)).unwrap();
    let r = bed.call(alice, probe, probe_fwd(sol_token, IToken::transferCall { to: bob, value: U256::from(200) }).abi_encode(), U256::ZERO);
    assert!(r.success, "{r:?}");
    assert!(IToken::transferCall::abi_decode_returns(&unwrap_forward(&r.output)).unwrap());
    assert_eq!(bed.view_sol(sol_token, &IToken::balanceOfCall { owner: bob }).unwrap(), U256::from(200));
    assert_eq!(bed.view_sol(sol_token, &IToken::balanceOfCall { owner: probe }).unwrap(), U256::from(300));
}

#[test]
fn reentrancy_flag_follows_nitro_open_frames_per_acting_address() {
    let Cast { mut bed, alice, forwarder, probe, .. } = setup();
    // Solidity -> Stylus: one probe frame open.
    let r = bed.call(alice, forwarder, fwd(probe, IProbe::isReentrantCall {}).abi_encode(), U256::ZERO);
    assert!(r.success, "{r:?}");
    assert!(!IProbe::isReentrantCall::abi_decode_returns(&unwrap_forward(&r.output)).unwrap());

    // Solidity -> Stylus -> Solidity (callback) -> Stylus: the probe is open twice.
    let inner = fwd(probe, IProbe::isReentrantCall {});
    let call = fwd(probe, probe_fwd(forwarder, inner));
    let r = bed.call(alice, forwarder, call.abi_encode(), U256::ZERO);
    assert!(r.success, "{r:?}");
    let out = unwrap_forward(&unwrap_forward(&unwrap_forward(&r.output)));
    assert!(IProbe::isReentrantCall::abi_decode_returns(&out).unwrap());

    // An EIP-1167 clone delegating to the probe: the clone is the acting address; the
    // delegate frames do not count.
    let factory = deploy_sol(&mut bed, "TbFactory", &[]);
    let clone = bed.call_sol(alice, factory, &ITbFactory::cloneCall { implementation: probe }).unwrap();
    assert!(!bed.call_sol(alice, clone, &IProbe::isReentrantCall {}).unwrap());
    let call = fwd(clone, probe_fwd(forwarder, fwd(clone, IProbe::isReentrantCall {})));
    let r = bed.call(alice, forwarder, call.abi_encode(), U256::ZERO);
    assert!(r.success, "{r:?}");
    let out = unwrap_forward(&unwrap_forward(&unwrap_forward(&r.output)));
    assert!(IProbe::isReentrantCall::abi_decode_returns(&out).unwrap());

    // The clone keeps its own storage; the implementation's is untouched.
    bed.call_sol(alice, clone, &IProbe::setCall { key: U256::from(1), value: U256::from(5) }).unwrap();
    assert_eq!(bed.view_sol(clone, &IProbe::getCall { key: U256::from(1) }).unwrap(), U256::from(5));
    assert_eq!(bed.view_sol(probe, &IProbe::getCall { key: U256::from(1) }).unwrap(), U256::ZERO);
}

#[test]
fn revert_data_crosses_three_frames_and_state_rolls_back() {
    let Cast { mut bed, alice, forwarder, probe, .. } = setup();
    let reverter = deploy_sol(&mut bed, "TbReverter", &[]);
    // Stylus -> Solidity -> Solidity(revert Boom(7)).
    let call = probe_fwd(forwarder, fwd(reverter, ITbReverter::failCall { code: U256::from(7) }));
    let r = bed.call(alice, probe, call.abi_encode(), U256::ZERO);
    assert_eq!(r.status, TxStatus::Revert);
    match r.revert_as::<ITbReverter::ITbReverterErrors>() {
        Some(ITbReverter::ITbReverterErrors::Boom(b)) => assert_eq!(b.code, U256::from(7)),
        other => panic!("expected Boom(7), got {other:?}"),
    }
    // Solidity -> Stylus -> Stylus(revert ProbeFailed(9)).
    let probe2 = deploy_probe(&mut bed);
    let call = fwd(probe, probe_fwd(probe2, IProbe::failCall { code: U256::from(9) }));
    let r = bed.call(alice, forwarder, call.abi_encode(), U256::ZERO);
    match r.revert_as::<IProbe::IProbeErrors>() {
        Some(IProbe::IProbeErrors::ProbeFailed(f)) => assert_eq!(f.code, U256::from(9)),
        other => panic!("expected ProbeFailed(9), got {other:?} from {r:?}"),
    }
    // Writes and logs of the frames below a revert are undone.
    let call = fwd(probe, IProbe::logAndForwardCall {
        tag: U256::from(1),
        to: reverter,
        data: ITbReverter::failCall { code: U256::from(1) }.abi_encode().into(),
    });
    let r = bed.call(alice, forwarder, call.abi_encode(), U256::ZERO);
    assert_eq!(r.status, TxStatus::Revert);
    assert!(r.logs.is_empty());
    let nested_write = probe_fwd(forwarder, fwd(probe, IProbe::setCall { key: U256::from(3), value: U256::from(33) }));
    assert!(bed.call(alice, probe, nested_write.abi_encode(), U256::ZERO).success);
    assert_eq!(bed.view_sol(probe, &IProbe::getCall { key: U256::from(3) }).unwrap(), U256::from(33));
}

#[test]
fn static_calls_cannot_write_in_either_vm() {
    let Cast { mut bed, alice, forwarder, probe, .. } = setup();
    let store = deploy_sol(&mut bed, "TbStore", &[]);
    let set_probe = IProbe::setCall { key: U256::from(1), value: U256::from(2) };
    let set_store = ITbStore::setCall { key: U256::from(1), value: U256::from(2) };
    // EVM STATICCALL -> Stylus write.
    let r = bed.call(alice, forwarder, ITbForwarder::forwardStaticCall { to: probe, data: set_probe.abi_encode().into() }.abi_encode(), U256::ZERO);
    assert!(!r.success, "{r:?}");
    // Stylus static call -> EVM write.
    let r = bed.call(alice, probe, IProbe::forwardStaticCall { to: store, data: set_store.abi_encode().into() }.abi_encode(), U256::ZERO);
    assert!(!r.success, "{r:?}");
    // Stylus static call -> Stylus write.
    let probe2 = deploy_probe(&mut bed);
    let r = bed.call(alice, probe, IProbe::forwardStaticCall { to: probe2, data: set_probe.abi_encode().into() }.abi_encode(), U256::ZERO);
    assert!(!r.success, "{r:?}");
    // Top-level static call.
    assert!(!bed.static_call(alice, probe, set_probe.abi_encode()).success);
    assert_eq!(bed.view_sol(probe, &IProbe::getCall { key: U256::from(1) }).unwrap(), U256::ZERO);
    assert_eq!(bed.view_sol(probe2, &IProbe::getCall { key: U256::from(1) }).unwrap(), U256::ZERO);
    assert_eq!(bed.view_sol(store, &ITbStore::valuesCall { key: U256::from(1) }).unwrap(), U256::ZERO);
    // The same writes through plain calls succeed, and reads through static calls work.
    assert!(bed.call(alice, probe, probe_fwd(store, set_store.clone()).abi_encode(), U256::ZERO).success);
    assert!(bed.call(alice, forwarder, fwd(probe2, set_probe.clone()).abi_encode(), U256::ZERO).success);
    let read = ITbForwarder::forwardStaticCall { to: probe2, data: IProbe::getCall { key: U256::from(1) }.abi_encode().into() };
    let r = bed.call(alice, forwarder, read.abi_encode(), U256::ZERO);
    assert_eq!(IProbe::getCall::abi_decode_returns(&unwrap_forward(&r.output)).unwrap(), U256::from(2));
    assert_eq!(bed.view_sol(store, &ITbStore::valuesCall { key: U256::from(1) }).unwrap(), U256::from(2));
}

#[test]
fn create2_addresses_follow_the_evm_rule_from_both_vms() {
    let Cast { mut bed, alice, probe, .. } = setup();
    let factory = deploy_sol(&mut bed, "TbFactory", &[]);
    let store_init = bed.artifact("TbStore").unwrap().bytecode;
    let salt = B256::with_last_byte(0x2a);

    let from_evm = bed.call_sol(alice, factory, &ITbFactory::deploy2Call { salt, initCode: store_init.clone() }).unwrap();
    assert_eq!(from_evm, factory.create2(salt, keccak256(&store_init)));
    let from_stylus = bed.call_sol(alice, probe, &IProbe::deploy2Call { salt, initCode: store_init.clone() }).unwrap();
    assert_eq!(from_stylus, probe.create2(salt, keccak256(&store_init)));
    for deployed in [from_evm, from_stylus] {
        bed.call_sol(alice, deployed, &ITbStore::setCall { key: U256::from(4), value: U256::from(44) }).unwrap();
        assert_eq!(bed.view_sol(deployed, &ITbStore::valuesCall { key: U256::from(4) }).unwrap(), U256::from(44));
    }
    // Same salt again: the address is taken, CREATE2 fails.
    assert!(bed.call_sol(alice, factory, &ITbFactory::deploy2Call { salt, initCode: store_init }).is_err());

    // Stylus code deployed by CREATE2 (EIP-3541 exception for 0xEFF000), then activated.
    let code = stylus_testbed::stylus::deployment_code_from_wasm(&program_wasm("world_erc20"));
    let init: Bytes = init_code_returning(&code).into();
    let token = bed.call_sol(alice, factory, &ITbFactory::deploy2Call { salt, initCode: init.clone() }).unwrap();
    assert_eq!(token, factory.create2(salt, keccak256(&init)));
    assert_eq!(bed.world().code(token), Bytes::from(code));
    assert!(bed.activate_from(alice, token).success);
    bed.mint(token, alice, U256::from(3)).unwrap();
    assert_eq!(bed.view_sol(token, &IToken::balanceOfCall { owner: alice }).unwrap(), U256::from(3));
}

#[test]
fn logs_are_captured_in_emission_order_across_vms() {
    let Cast { mut bed, alice, forwarder, probe, .. } = setup();
    let innermost = ITbForwarder::logAndForwardCall { tag: U256::from(3), to: Address::ZERO, data: Bytes::new() };
    let middle = IProbe::logAndForwardCall { tag: U256::from(2), to: forwarder, data: innermost.abi_encode().into() };
    let outer = ITbForwarder::logAndForwardCall { tag: U256::from(1), to: probe, data: middle.abi_encode().into() };
    let r = bed.call(alice, forwarder, outer.abi_encode(), U256::ZERO);
    assert!(r.success, "{r:?}");
    let seen: Vec<(Address, B256, B256)> = r.logs.iter().map(|l| (l.address, l.topics()[0], l.topics()[1])).collect();
    let tag = |n: u64| B256::from(U256::from(n));
    assert_eq!(seen, vec![
        (forwarder, ITbForwarder::Seen::SIGNATURE_HASH, tag(1)),
        (probe, IProbe::Tagged::SIGNATURE_HASH, tag(2)),
        (forwarder, ITbForwarder::Seen::SIGNATURE_HASH, tag(3)),
    ]);
    assert_eq!(r.events::<IProbe::Tagged>()[0].sender, forwarder);
    assert_eq!(r.events::<ITbForwarder::Seen>()[1].sender, probe);
}

#[test]
fn evm_stylus_evm_stylus_nesting_reaches_the_innermost_program() {
    let Cast { mut bed, alice, forwarder, probe, .. } = setup();
    let probe2 = deploy_probe(&mut bed);
    let call = fwd(probe, probe_fwd(forwarder, fwd(probe2, IProbe::setCall { key: U256::from(5), value: U256::from(55) })));
    let r = bed.call(alice, forwarder, call.abi_encode(), U256::ZERO);
    assert!(r.success, "{r:?}");
    assert_eq!(bed.view_sol(probe2, &IProbe::getCall { key: U256::from(5) }).unwrap(), U256::from(55));
    let read = fwd(probe, probe_fwd(forwarder, fwd(probe2, IProbe::getCall { key: U256::from(5) })));
    let r = bed.call(alice, forwarder, read.abi_encode(), U256::ZERO);
    let out = unwrap_forward(&unwrap_forward(&unwrap_forward(&r.output)));
    assert_eq!(IProbe::getCall::abi_decode_returns(&out).unwrap(), U256::from(55));
}

#[test]
fn precompiles_answer_both_vms() {
    let Cast { mut bed, alice, forwarder, probe, .. } = setup();
    // geth's ecrecover vector: signer 0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b.
    let input = alloy_primitives::hex!(
        "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c"
        "000000000000000000000000000000000000000000000000000000000000001c"
        "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
        "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549"
    );
    let signer = alloy_primitives::address!("a94f5374fce5edbc8e2a8697c15331677e6ebf0b");
    let ecrecover = Address::with_last_byte(1);
    let from_stylus = bed.call(alice, probe, IProbe::forwardStaticCall { to: ecrecover, data: input.into() }.abi_encode(), U256::ZERO);
    let from_evm = bed.call(alice, forwarder, ITbForwarder::forwardStaticCall { to: ecrecover, data: input.into() }.abi_encode(), U256::ZERO);
    for r in [from_stylus, from_evm] {
        assert!(r.success, "{r:?}");
        assert_eq!(Address::from_word(B256::from_slice(&unwrap_forward(&r.output))), signer);
    }
}

#[test]
fn delegated_program_logs_and_value_belong_to_the_proxy() {
    let Cast { mut bed, alice, probe, .. } = setup();
    let factory = deploy_sol(&mut bed, "TbFactory", &[]);
    let clone = bed.call_sol(alice, factory, &ITbFactory::cloneCall { implementation: probe }).unwrap();
    let r = bed.call(alice, clone, IProbe::logAndForwardCall { tag: U256::from(6), to: Address::ZERO, data: Bytes::new() }.abi_encode(), U256::ZERO);
    assert!(r.success, "{r:?}");
    assert_eq!(r.events_from::<IProbe::Tagged>(clone).len(), 1);
    assert!(r.events_from::<IProbe::Tagged>(probe).is_empty());
    assert_eq!(r.events::<IProbe::Tagged>()[0].sender, alice);
    // Value sent to a non-payable program function: the SDK reverts and the value returns.
    let before = bed.balance(alice);
    let r = bed.call(alice, probe, IProbe::getCall { key: U256::ZERO }.abi_encode(), U256::from(1));
    assert_eq!(r.status, TxStatus::Revert);
    assert_eq!(bed.balance(alice), before);
    assert_eq!(bed.balance(probe), U256::ZERO);
}
