//! The pool proxy (`pool_factory::proxy`): routing, exact pass-through of calldata,
//! return data, revert data and value, and its gas overhead against an EIP-1167 clone.
//!
//! Two kinds of facets:
//! * "echo" facets, tiny EVM contracts written below, that answer with their own id, the
//!   call value and the calldata (or revert with them): they show exactly which facet ran
//!   and what it received, on Nitro's real limits;
//! * the real WeightedPool facets (release wasm): each answers a selector it does not
//!   implement with `UnknownSelector(bytes4)`, so a selector the proxy's table sends to
//!   the wrong facet is detected, and the table is checked against the facet builds.

use alloy_dyn_abi::{DynSolType, DynSolValue, Specifier};
use alloy_json_abi::JsonAbi;
use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolValue};
use integration::factory_fixture::{equal_weights, salt, FactoryFixture};
use integration::pool_fixture::{e, eip1167_creation_code, expect_error, pe, wp, PoolFixture};
use pool_factory::proxy::{self, DEFAULT_FACET, FACETS, FACET_COUNT, ROUTES};
use stylus_testbed::testbed::init_code_returning;
use stylus_testbed::{CallResult, TestBed};

/// EVM runtime of echo facet `id`: memory = id (32 bytes) ++ callvalue (32) ++ calldata,
/// then RETURN (or REVERT if `revert`) all of it.
fn echo_runtime(id: u8, revert: bool) -> Vec<u8> {
    vec![
        0x36, 0x60, 0x00, 0x60, 0x40, 0x37, // CALLDATACOPY(64, 0, cds)
        0x60, id, 0x60, 0x00, 0x52, // MSTORE(0, id)
        0x34, 0x60, 0x20, 0x52, // MSTORE(32, callvalue)
        0x36, 0x60, 0x40, 0x01, 0x60, 0x00, // size = cds + 64, offset 0
        if revert { 0xfd } else { 0xf3 },
    ]
}

/// What echo facet `id` answers to `calldata` with `value`.
fn echoed(id: u8, value: u64, calldata: &[u8]) -> Vec<u8> {
    let mut out = U256::from(id).to_be_bytes::<32>().to_vec();
    out.extend_from_slice(&U256::from(value).to_be_bytes::<32>());
    out.extend_from_slice(calldata);
    out
}

struct EchoWorld {
    bed: TestBed,
    user: Address,
    facets: [Address; FACET_COUNT],
    proxy: Address,
}

/// Echo facets 0..FACET_COUNT (reverting ones if `revert`) behind a proxy, on Nitro's rules.
fn echo_world(revert: bool) -> EchoWorld {
    let mut bed = TestBed::new();
    let mut facets = [Address::ZERO; FACET_COUNT];
    for (i, f) in facets.iter_mut().enumerate() {
        *f = bed.deploy_evm(&init_code_returning(&echo_runtime(i as u8, revert)), &[]).expect("echo facet");
    }
    let proxy = bed.deploy_evm(&proxy::creation_code(&facets), &[]).expect("proxy");
    assert_eq!(bed.world().code(proxy).to_vec(), proxy::runtime_code(&facets).to_vec(), "deployed code = runtime");
    let user = bed.account("user");
    bed.fund(user, U256::from(10u64).pow(U256::from(20u64)));
    EchoWorld { bed, user, facets, proxy }
}

impl EchoWorld {
    fn call(&mut self, data: &[u8], value: u64) -> CallResult {
        self.bed.call(self.user, self.proxy, data.to_vec(), U256::from(value))
    }

    /// Asserts `data` reaches facet `id` unchanged and its answer comes back unchanged.
    fn assert_routed(&mut self, data: &[u8], id: usize) {
        let r = self.call(data, 0);
        assert!(r.success, "0x{} reverted", alloy_primitives::hex::encode(data));
        assert_eq!(r.output.to_vec(), echoed(id as u8, 0, data), "0x{} should reach facet {id}", alloy_primitives::hex::encode(data));
    }
}

/// `selector ++ n` argument words of a recognisable pattern.
fn with_args(selector: [u8; 4], words: usize) -> Vec<u8> {
    let mut d = selector.to_vec();
    d.extend((0..words * 32).map(|k| (k % 251) as u8 ^ 0x5a));
    d
}

const DEFAULT: usize = DEFAULT_FACET;

fn routed(sel: &[u8; 4]) -> bool {
    ROUTES.iter().any(|(s, _)| s == sel)
}

#[test]
fn every_routed_selector_reaches_its_facet_and_every_other_call_the_default() {
    let mut w = echo_world(false);
    for (sel, id) in ROUTES {
        w.assert_routed(&with_args(sel, 0), id);
        w.assert_routed(&with_args(sel, 9), id);
        // A selector differing in any one byte is not routed there.
        for k in 0..4 {
            let mut other = sel;
            other[k] ^= 0x01;
            if !routed(&other) {
                w.assert_routed(&with_args(other, 2), DEFAULT);
            }
        }
    }
    // Token-facet functions and unknown selectors.
    for sel in [wp::nameCall::SELECTOR, wp::balanceOfCall::SELECTOR, wp::initializeCall::SELECTOR, wp::permitCall::SELECTOR, [0xde, 0xad, 0xbe, 0xef], [0; 4], [0xff; 4]] {
        w.assert_routed(&with_args(sel, 3), DEFAULT);
    }
}

#[test]
fn calldata_shorter_than_a_selector_goes_to_the_default_facet() {
    let mut w = echo_world(false);
    w.assert_routed(&[], DEFAULT);
    for (sel, _) in ROUTES {
        for len in 1..4 {
            w.assert_routed(&sel[..len], DEFAULT);
        }
    }
    w.assert_routed(&[0x00], DEFAULT);
    w.assert_routed(&[0xff, 0xff, 0xff], DEFAULT);
}

#[test]
fn return_and_revert_data_pass_through_byte_exact() {
    for revert in [false, true] {
        let mut w = echo_world(revert);
        for len in [0usize, 1, 3, 4, 5, 31, 32, 36, 68, 100, 1025, 4100] {
            let mut data: Vec<u8> = (0..len).map(|k| (k * 7 + 3) as u8).collect();
            for (sel, id) in [ROUTES[0], ROUTES[ROUTES.len() - 1]] {
                if len >= 4 {
                    data[..4].copy_from_slice(&sel);
                }
                let r = w.call(&data, 0);
                assert_eq!(r.success, !revert);
                let expected_id = if len >= 4 { id } else { DEFAULT };
                assert_eq!(r.output.to_vec(), echoed(expected_id as u8, 0, &data), "len {len} revert {revert}");
            }
        }
    }
}

#[test]
fn value_stays_in_the_proxy_and_the_facet_sees_it() {
    let mut w = echo_world(false);
    let data = with_args(ROUTES[0].0, 4);
    let r = w.call(&data, 7);
    assert!(r.success);
    assert_eq!(r.output.to_vec(), echoed(0, 7, &data));
    assert_eq!(w.bed.balance(w.proxy), U256::from(7));
    for f in w.facets {
        assert_eq!(w.bed.balance(f), U256::ZERO, "DELEGATECALL moves no value to the facet");
    }
    // A reverting facet: the value goes back with the revert.
    let mut r = echo_world(true);
    let res = r.call(&data, 7);
    assert!(!res.success);
    assert_eq!(res.output.to_vec(), echoed(0, 7, &data));
    assert_eq!(r.bed.balance(r.proxy), U256::ZERO);
}

/// Gas of the same call through the proxy and through an EIP-1167 clone of the facet
/// that answers it (echo facets: identical work behind both).
#[test]
fn proxy_gas_overhead_against_an_eip1167_clone() {
    let mut w = echo_world(false);
    let mut clones = [Address::ZERO; FACET_COUNT];
    for (i, c) in clones.iter_mut().enumerate() {
        *c = w.bed.deploy_evm(&eip1167_creation_code(w.facets[i]), &[]).expect("1167 clone");
    }
    let user = w.user;
    let overhead = |w: &mut EchoWorld, data: &[u8], id: usize| -> i64 {
        let via_proxy = w.bed.simulate(user, w.proxy, data.to_vec(), U256::ZERO);
        let via_clone = w.bed.simulate(user, clones[id], data.to_vec(), U256::ZERO);
        assert_eq!(via_proxy.output, via_clone.output);
        via_proxy.gas_used as i64 - via_clone.gas_used as i64
    };
    // Calldata of 4 + 32n bytes, as the Vault sends (onSwap: 12 words).
    let routes: Vec<i64> = ROUTES.iter().map(|(sel, id)| overhead(&mut w, &with_args(*sel, 12), *id)).collect();
    let token = overhead(&mut w, &with_args(wp::balanceOfCall::SELECTOR, 1), DEFAULT);
    let short = overhead(&mut w, &[0x01], DEFAULT);
    let names: Vec<String> = ROUTES.iter().zip(&routes).map(|((s, id), g)| format!("0x{} ({}) +{g}", alloy_primitives::hex::encode(s), FACETS[*id])).collect();
    eprintln!("GAS proxy overhead vs EIP-1167: {}; token facet +{token}; 1-byte calldata +{short}", names.join(", "));
    // From the opcode listing in pool_factory::proxy: the prologue costs 7 more than
    // 1167's (MLOAD of the shifted selector, PUSH1 28 twice); each compare 22 (DUP6 PUSH4
    // EQ PUSH1 JUMPI); a taken compare lands on a JUMPDEST (1); a JUMP to the call costs
    // PUSH1 + JUMP (11) except from facet 0's block (falls through); the call's JUMPDEST 1.
    assert_eq!(routes[0], 7 + 22 + 1 + 1, "onSwap overhead");
    for (k, (g, (_, id))) in routes.iter().zip(ROUTES).enumerate() {
        let jump = if id == 0 { 0 } else { 11 };
        assert_eq!(*g, 7 + 22 * (k as i64 + 1) + 1 + jump + 1, "route {k}");
    }
    assert_eq!(token, 7 + 22 * ROUTES.len() as i64 + 11 + 1, "token facet path");
    assert_eq!(short, token, "short calldata takes the default path");
}

// ---- the real WeightedPool facets --------------------------------------------------------

fn pool_abi() -> JsonAbi {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../abi/json/IWeightedPool.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("IWeightedPool.json")).expect("JSON ABI")
}

fn zero(ty: &DynSolType) -> DynSolValue {
    match ty {
        DynSolType::Bool => DynSolValue::Bool(false),
        DynSolType::Uint(bits) => DynSolValue::Uint(U256::ZERO, *bits),
        DynSolType::Int(bits) => DynSolValue::Int(Default::default(), *bits),
        DynSolType::FixedBytes(n) => DynSolValue::FixedBytes(B256::ZERO, *n),
        DynSolType::Address => DynSolValue::Address(Address::ZERO),
        DynSolType::Bytes => DynSolValue::Bytes(Vec::new()),
        DynSolType::String => DynSolValue::String(String::new()),
        DynSolType::Array(_) => DynSolValue::Array(Vec::new()),
        DynSolType::FixedArray(t, n) => DynSolValue::FixedArray(vec![zero(t); *n]),
        DynSolType::Tuple(ts) => DynSolValue::Tuple(ts.iter().map(zero).collect()),
        DynSolType::Function => DynSolValue::Function(Default::default()),
    }
}

fn unknown_selector(sel: [u8; 4]) -> Vec<u8> {
    pe::UnknownSelector { selector: sel.into() }.abi_encode()
}

/// For every function of IWeightedPool.json: through a pool proxy it is NOT answered with
/// `UnknownSelector` (the facet the table names implements it), and every other facet,
/// called directly, answers it with exactly `UnknownSelector(selector)` (so the table and
/// the facet builds agree, and a wrong route would be visible).
#[test]
fn the_table_matches_the_facet_builds_for_every_pool_function() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let from = f.vf.alice;
    let abi = pool_abi();
    let mut checked = 0;
    for func in abi.functions() {
        let args: Vec<DynSolValue> = func.inputs.iter().map(|p| zero(&p.resolve().expect("type"))).collect();
        let sel: [u8; 4] = func.selector().0;
        let mut data = sel.to_vec();
        data.extend(DynSolValue::Tuple(args).abi_encode_params());
        let owner = proxy::facet_for(&data);
        let via_proxy = f.vf.bed.simulate(from, pool.address, data.clone(), U256::ZERO);
        assert_ne!(via_proxy.output.to_vec(), unknown_selector(sel), "{} not implemented by facet {}", func.signature(), FACETS[owner]);
        for (j, facet) in f.facets.iter().enumerate() {
            if j != owner {
                let r = f.vf.bed.simulate(from, *facet, data.clone(), U256::ZERO);
                assert!(!r.success);
                assert_eq!(r.output.to_vec(), unknown_selector(sel), "{} is also implemented by {}", func.signature(), FACETS[j]);
            }
        }
        checked += 1;
    }
    // Every routed selector is a function of the ABI (none routed by mistake).
    for (sel, _) in ROUTES {
        assert!(abi.functions().any(|func| func.selector().0 == sel), "0x{} routed but not in IWeightedPool.json", alloy_primitives::hex::encode(sel));
    }
    assert!(checked > 30, "{checked} functions");
}

#[test]
fn pool_errors_results_sender_and_value_pass_through_the_proxy() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let (alice, bob) = (f.vf.alice, f.vf.bob);
    // Swap facet: msg.sender is the caller's (not the proxy's), error bytes exact.
    let swap = wp::onSwapCall {
        request: integration::pool_fixture::SwapRequestT {
            kind: 0,
            tokenIn: pool.tokens[0],
            tokenOut: pool.tokens[1],
            amount: U256::from(1),
            poolId: pool.pool_id,
            lastChangeBlock: U256::ZERO,
            from: bob,
            to: bob,
            userData: Default::default(),
        },
        balanceTokenIn: e(1, 18),
        balanceTokenOut: e(1, 18),
    };
    let r = f.call_pool(bob, pool.address, &swap);
    assert_eq!(r.output.to_vec(), pe::CallerNotVault { caller: bob }.abi_encode());
    // Liquidity facet.
    let join = wp::onJoinPoolCall {
        poolId: pool.pool_id,
        sender: bob,
        recipient: bob,
        balances: vec![U256::ZERO; 2],
        lastChangeBlock: U256::ZERO,
        protocolSwapFeePercentage: U256::ZERO,
        userData: Default::default(),
    };
    let r = f.call_pool(bob, pool.address, &join);
    assert_eq!(r.output.to_vec(), pe::CallerNotVault { caller: bob }.abi_encode());
    // Token facet: an error with arguments, and exact return data.
    let held = f.bpt_balance(&pool, alice);
    let r = f.call_pool(alice, pool.address, &wp::transferCall { to: bob, value: held + U256::from(1) });
    let err = expect_error::<pe::ERC20InsufficientBalance>(&r);
    assert_eq!(r.output.to_vec(), pe::ERC20InsufficientBalance { sender: alice, balance: held, needed: held + U256::from(1) }.abi_encode());
    assert_eq!(err.balance, held);
    let r = f.vf.bed.simulate(alice, pool.address, wp::nameCall {}.abi_encode(), U256::ZERO);
    assert_eq!(r.output.to_vec(), ("Balancer 80 A 20 B".to_string(),).abi_encode_params());
    let r = f.vf.bed.simulate(alice, pool.address, wp::getNormalizedWeightsCall {}.abi_encode(), U256::ZERO);
    assert_eq!(r.output.to_vec(), (pool.weights.clone(),).abi_encode_params());
    // Unknown selector and short calldata: the token facet's answer.
    let r = f.vf.bed.simulate(alice, pool.address, vec![0xde, 0xad, 0xbe, 0xef], U256::ZERO);
    assert_eq!(r.output.to_vec(), unknown_selector([0xde, 0xad, 0xbe, 0xef]));
    let r = f.vf.bed.simulate(alice, pool.address, vec![0x9d, 0x2c, 0x11], U256::ZERO);
    assert_eq!(r.output.to_vec(), unknown_selector([0; 4]));
    // Value: every facet is non-payable; the revert returns it.
    f.vf.bed.fund(alice, e(1, 18));
    for data in [swap.abi_encode(), join.abi_encode(), wp::nameCall {}.abi_encode()] {
        let r = f.vf.bed.call(alice, pool.address, data, U256::from(5));
        assert_eq!(r.output.to_vec(), pe::NonPayable {}.abi_encode());
        assert_eq!(f.vf.bed.balance(pool.address), U256::ZERO);
    }
}

#[test]
fn factory_pools_are_the_proxy_at_the_predicted_address() {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(2, &[18]);
    let (alice, bob) = (f.pf.vf.alice, f.pf.vf.bob);
    for (who, s) in [(alice, 1), (alice, 2), (bob, 1)] {
        let predicted = f.predicted_address(who, salt(s));
        assert!(f.pf.vf.bed.world().code(predicted).is_empty());
        let (pool, _) = f.create_pool(who, &tokens, &equal_weights(2), e(1, 16), salt(s));
        assert_eq!(pool.address, predicted);
        assert_eq!(f.pf.vf.bed.world().code(pool.address).to_vec(), proxy::runtime_code(&f.pf.facets).to_vec());
    }
    eprintln!("proxy: {} bytes runtime, {} bytes creation code", proxy::RUNTIME_LEN, proxy::CREATION_LEN);
}
