//! abi/json vs what the deployed contracts (release wasm, in the test bed) really answer.
//!
//! abi/rust-alignment.test.mjs (solidity helper) compares abi/json with the Rust
//! *sources*; this test checks the *deployed programs*:
//! * every function of abi/json/IVault.json, IWeightedPool.json and
//!   IWeightedPoolFactory.json is dispatched: called with well-formed zero-valued
//!   arguments (from the JSON's types), the contract does NOT give its unknown-selector
//!   answer (the Vault's and the factory's `UnknownFunction()`, the SDK router's empty
//!   revert for the pool). A control call with an unused selector shows each answer is
//!   what we think it is;
//! * every event of those JSON files has the topic of an event the Rust contract
//!   declares (`sol!` in the crates), and vice versa.

use std::collections::BTreeSet;

use alloy_dyn_abi::{DynSolType, DynSolValue, Specifier};
use alloy_json_abi::JsonAbi;
use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolError, SolEvent};
use integration::factory_fixture::{equal_weights, salt, FactoryFixture};
use integration::pool_fixture::e;
use stylus_testbed::CallResult;

fn load(name: &str) -> JsonAbi {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../abi/json/{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON ABI")
}

/// The zero value of an ABI type (empty arrays, strings and bytes).
fn zero(ty: &DynSolType) -> DynSolValue {
    match ty {
        DynSolType::Bool => DynSolValue::Bool(false),
        DynSolType::Int(bits) => DynSolValue::Int(Default::default(), *bits),
        DynSolType::Uint(bits) => DynSolValue::Uint(U256::ZERO, *bits),
        DynSolType::FixedBytes(n) => DynSolValue::FixedBytes(B256::ZERO, *n),
        DynSolType::Address => DynSolValue::Address(Address::ZERO),
        DynSolType::Function => DynSolValue::Function(Default::default()),
        DynSolType::Bytes => DynSolValue::Bytes(Vec::new()),
        DynSolType::String => DynSolValue::String(String::new()),
        DynSolType::Array(_) => DynSolValue::Array(Vec::new()),
        DynSolType::FixedArray(t, n) => DynSolValue::FixedArray(vec![zero(t); *n]),
        DynSolType::Tuple(ts) => DynSolValue::Tuple(ts.iter().map(zero).collect()),
    }
}

/// Calldata of every function of `abi`: (signature, selector ++ zero-valued arguments).
fn zero_calls(abi: &JsonAbi) -> Vec<(String, Vec<u8>)> {
    abi.functions()
        .map(|f| {
            let args: Vec<DynSolValue> = f.inputs.iter().map(|p| zero(&p.resolve().expect("resolvable type"))).collect();
            let mut data = f.selector().to_vec();
            data.extend(DynSolValue::Tuple(args).abi_encode_params());
            (f.signature(), data)
        })
        .collect()
}

/// Runs every function of `abi` against `to` (state discarded) and returns those that
/// got `is_unknown`'s answer.
fn undispatched(f: &mut FactoryFixture, to: Address, abi: &JsonAbi, is_unknown: &dyn Fn(&CallResult) -> bool) -> Vec<String> {
    let from = f.pf.vf.alice;
    let mut missing = Vec::new();
    for (sig, data) in zero_calls(abi) {
        let r = f.pf.vf.bed.simulate(from, to, data, U256::ZERO);
        if is_unknown(&r) {
            missing.push(sig);
        }
    }
    missing
}

fn unknown_function(r: &CallResult) -> bool {
    !r.success && r.output.as_ref() == vault::errors::UnknownFunction::SELECTOR
}

fn factory_unknown(r: &CallResult) -> bool {
    !r.success && r.output.as_ref() == pool_factory::errors::UnknownFunction::SELECTOR
}

/// The pool router's answer to an unknown selector: `UnknownSelector(bytes4)`.
fn pool_unknown(r: &CallResult) -> bool {
    !r.success && r.output.starts_with(&weighted_pool::errors::UnknownSelector::SELECTOR)
}

/// A deployed system: Vault, factory, one factory-made 2-token pool.
fn system() -> (FactoryFixture, Address) {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(2, &[18]);
    let alice = f.pf.vf.alice;
    let (pool, _) = f.create_pool(alice, &tokens, &equal_weights(2), e(1, 16), salt(1));
    (f, pool.address)
}

#[test]
fn every_abi_function_is_dispatched_by_the_deployed_contracts() {
    let (mut f, pool) = system();
    let (vault, factory) = (f.pf.vf.vault, f.factory);
    let from = f.pf.vf.alice;

    // Controls: an unused selector gets exactly the answer the checks look for.
    let unused = vec![0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0];
    assert!(unknown_function(&f.pf.vf.bed.simulate(from, vault, unused.clone(), U256::ZERO)));
    assert!(factory_unknown(&f.pf.vf.bed.simulate(from, factory, unused.clone(), U256::ZERO)));
    assert!(pool_unknown(&f.pf.vf.bed.simulate(from, pool, unused, U256::ZERO)));

    let vault_abi = load("IVault");
    let pool_abi = load("IWeightedPool");
    let factory_abi = load("IWeightedPoolFactory");
    let report = [
        ("IVault", undispatched(&mut f, vault, &vault_abi, &unknown_function), vault_abi.functions().count()),
        ("IWeightedPool (factory clone)", undispatched(&mut f, pool, &pool_abi, &pool_unknown), pool_abi.functions().count()),
        ("IWeightedPoolFactory", undispatched(&mut f, factory, &factory_abi, &factory_unknown), factory_abi.functions().count()),
    ];
    for (name, missing, total) in &report {
        println!("{name}: {} of {total} functions dispatched", total - missing.len());
    }
    let missing: Vec<_> = report.iter().filter(|r| !r.1.is_empty()).map(|r| (r.0, r.1.clone())).collect();
    assert!(missing.is_empty(), "declared in abi/json but not answered by the deployed contract: {missing:#?}");
}

fn topics(abi: &JsonAbi) -> BTreeSet<(String, B256)> {
    abi.events().map(|e| (e.signature(), e.selector())).collect()
}

fn rust_topics(events: &[(&str, B256)]) -> BTreeSet<(String, B256)> {
    events.iter().map(|(s, t)| (s.to_string(), *t)).collect()
}

#[test]
fn abi_events_are_the_contracts_events() {
    use vault::abi as va;
    let vault_events = rust_topics(&[
        (va::Swap::SIGNATURE, va::Swap::SIGNATURE_HASH),
        (va::FlashLoan::SIGNATURE, va::FlashLoan::SIGNATURE_HASH),
        (va::PoolBalanceChanged::SIGNATURE, va::PoolBalanceChanged::SIGNATURE_HASH),
        (va::PoolRegistered::SIGNATURE, va::PoolRegistered::SIGNATURE_HASH),
        (va::TokensRegistered::SIGNATURE, va::TokensRegistered::SIGNATURE_HASH),
        (va::TokensDeregistered::SIGNATURE, va::TokensDeregistered::SIGNATURE_HASH),
        (va::InternalBalanceChanged::SIGNATURE, va::InternalBalanceChanged::SIGNATURE_HASH),
        (va::ExternalBalanceTransfer::SIGNATURE, va::ExternalBalanceTransfer::SIGNATURE_HASH),
        (va::RelayerApprovalChanged::SIGNATURE, va::RelayerApprovalChanged::SIGNATURE_HASH),
        (va::AuthorizerChanged::SIGNATURE, va::AuthorizerChanged::SIGNATURE_HASH),
        (va::PausedStateChanged::SIGNATURE, va::PausedStateChanged::SIGNATURE_HASH),
        (va::SwapFeePercentageChanged::SIGNATURE, va::SwapFeePercentageChanged::SIGNATURE_HASH),
        (va::FlashLoanFeePercentageChanged::SIGNATURE, va::FlashLoanFeePercentageChanged::SIGNATURE_HASH),
        (va::ProtocolFeeRecipientChanged::SIGNATURE, va::ProtocolFeeRecipientChanged::SIGNATURE_HASH),
    ]);
    let pool_events = rust_topics(&[
        (weighted_pool::Transfer::SIGNATURE, weighted_pool::Transfer::SIGNATURE_HASH),
        (weighted_pool::Approval::SIGNATURE, weighted_pool::Approval::SIGNATURE_HASH),
        (weighted_pool::SwapFeePercentageChanged::SIGNATURE, weighted_pool::SwapFeePercentageChanged::SIGNATURE_HASH),
        (weighted_pool::PausedStateChanged::SIGNATURE, weighted_pool::PausedStateChanged::SIGNATURE_HASH),
    ]);
    let factory_events = rust_topics(&[(pool_factory::PoolCreated::SIGNATURE, pool_factory::PoolCreated::SIGNATURE_HASH)]);
    assert_eq!(topics(&load("IVault")), vault_events, "IVault.json events vs src/vault/src/abi.rs");
    assert_eq!(topics(&load("IWeightedPool")), pool_events, "IWeightedPool.json events vs the pool's sol! events");
    assert_eq!(topics(&load("IWeightedPoolFactory")), factory_events, "IWeightedPoolFactory.json events vs the factory's");
}
