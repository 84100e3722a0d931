//! The world on its own: EVM and Stylus deployment, calls, gas figures, snapshots.

mod world_support;

use alloy_primitives::U256;
use stylus_testbed::TestBed;
use world_support::*;

#[test]
fn evm_token_mint_and_transfer() {
    let mut bed = TestBed::new();
    let (alice, bob) = (bed.account("alice"), bed.account("bob"));
    let token = bed.deploy_test_token("TKN", 18).unwrap();
    bed.mint(token, alice, U256::from(1000)).unwrap();
    let sent = bed.call_sol(alice, token, &IToken::transferCall { to: bob, value: U256::from(300) }).unwrap();
    assert!(sent);
    assert_eq!(bed.view_sol(token, &IToken::balanceOfCall { owner: bob }).unwrap(), U256::from(300));
    assert_eq!(bed.view_sol(token, &IToken::balanceOfCall { owner: alice }).unwrap(), U256::from(700));
}

#[test]
fn stylus_probe_stores_and_reads() {
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let probe = deploy_probe(&mut bed);
    let r = bed.call(alice, probe, alloy_sol_types::SolCall::abi_encode(&IProbe::setCall { key: U256::from(1), value: U256::from(42) }), U256::ZERO);
    assert!(r.success, "{r:?}");
    assert_eq!(bed.view_sol(probe, &IProbe::getCall { key: U256::from(1) }).unwrap(), U256::from(42));
    eprintln!("set gas {}", r.gas_used);
}
