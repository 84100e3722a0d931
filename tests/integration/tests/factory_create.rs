//! PoolFactory.create through the release wasm: pools of 2, 3 and 8 tokens are deployed (dispatch proxies),
//! initialised and registered with the Vault; addresses are CREATE2-deterministic per
//! (sender, salt); records and events are right.

use alloy_primitives::{Address, U256};
use alloy_sol_types::SolCall;
use integration::factory_fixture::{equal_weights, fe, salt, wf, FactoryFixture};
use integration::pool_fixture::{e, wp};
use integration::vault_fixture::{assert_reverted_with, v, MINIMAL_SWAP_INFO, TWO_TOKEN};

/// Creates an n-token pool of mixed 6/18-decimal tokens and checks everything the
/// factory and the pool promise about it.
fn creates_registered_pool(n: usize) {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(n, &[6, 18]);
    let weights = equal_weights(n);
    let alice = f.pf.vf.alice;
    let expected = f.predicted_address(alice, salt(n as u64));
    let (pool, r) = f.create_pool(alice, &tokens, &weights, e(3, 15), salt(n as u64));

    assert_eq!(pool.address, expected, "CREATE2 address of (factory, alice, salt)");
    let created = r.events_from::<wf::PoolCreated>(f.factory);
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].pool, pool.address);
    assert!(f.view(&wf::isPoolFromFactoryCall { pool: pool.address }));

    // Registered with the Vault, with its tokens, in ascending order.
    let (registered, specialization) = {
        let r = f.pf.vf.view(&v::getPoolCall { poolId: pool.pool_id });
        (r._0, r._1)
    };
    assert_eq!(registered, pool.address);
    assert_eq!(specialization, if n == 2 { TWO_TOKEN } else { MINIMAL_SWAP_INFO });
    let pool_tokens = f.pf.vf.view(&v::getPoolTokensCall { poolId: pool.pool_id });
    assert_eq!(pool_tokens.tokens, tokens);
    assert_eq!(pool_tokens.balances, vec![U256::ZERO; n]);
    assert_eq!(&pool.pool_id[..20], pool.address.as_slice(), "V2 poolId layout: address first");

    // The proxy holds its own state, initialised from create's arguments.
    assert_eq!(f.pf.view(pool.address, &wp::getVaultCall {}), f.pf.vf.vault);
    assert_eq!(f.pf.view(pool.address, &wp::getNormalizedWeightsCall {}), weights);
    assert_eq!(f.pf.view(pool.address, &wp::getSwapFeePercentageCall {}), e(3, 15));
    assert_eq!(f.pf.view(pool.address, &wp::getOwnerCall {}), f.pf.owner);
    assert_eq!(f.pf.view(pool.address, &wp::nameCall {}), "Factory Weighted Pool");
    assert_eq!(f.pf.view(pool.address, &wp::symbolCall {}), "FWP");
    assert_eq!(f.pf.view(pool.address, &wp::totalSupplyCall {}), U256::ZERO);
    let code = f.pf.vf.bed.world().code(pool.address);
    assert_eq!(code.to_vec(), pool_factory::proxy::runtime_code(&f.pf.facets).to_vec(), "the pool is the dispatch proxy");
    println!("create() of a {n}-token pool: {} gas", r.gas_used);
}

#[test]
fn creates_a_two_token_pool() {
    creates_registered_pool(2);
}

#[test]
fn creates_a_three_token_pool() {
    creates_registered_pool(3);
}

#[test]
fn creates_an_eight_token_pool() {
    creates_registered_pool(8);
}

#[test]
fn getters_return_the_wiring() {
    let mut f = FactoryFixture::new();
    assert_eq!(f.view(&wf::getVaultCall {}), f.pf.vf.vault);
    assert_eq!(f.view(&wf::getFacetsCall {}), f.pf.facets.to_vec());
}

#[test]
fn is_pool_from_factory_is_false_for_other_addresses() {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(2, &[18]);
    // A pool proxy deployed and initialised by hand (same code, not from this factory).
    let manual = f.pf.create(&tokens, &equal_weights(2), e(1, 16));
    let alice = f.pf.vf.alice;
    let others = [vec![manual.address, alice, f.pf.vf.vault, Address::ZERO], f.pf.facets.to_vec()].concat();
    for other in others {
        assert!(!f.view(&wf::isPoolFromFactoryCall { pool: other }), "{other} is not from the factory");
    }
}

#[test]
fn same_salt_from_different_senders_gives_different_pools() {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(2, &[18]);
    let w = equal_weights(2);
    let (alice, bob) = (f.pf.vf.alice, f.pf.vf.bob);
    let (a, _) = f.create_pool(alice, &tokens, &w, e(1, 16), salt(42));
    let (b, _) = f.create_pool(bob, &tokens, &w, e(1, 16), salt(42));
    assert_ne!(a.address, b.address);
    assert_ne!(a.pool_id, b.pool_id);
    assert_eq!(a.address, f.predicted_address(alice, salt(42)));
    assert_eq!(b.address, f.predicted_address(bob, salt(42)));
    assert!(f.view(&wf::isPoolFromFactoryCall { pool: a.address }));
    assert!(f.view(&wf::isPoolFromFactoryCall { pool: b.address }));
}

#[test]
fn same_sender_and_salt_twice_reverts_and_changes_nothing() {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(2, &[18]);
    let w = equal_weights(2);
    let alice = f.pf.vf.alice;
    let (first, _) = f.create_pool(alice, &tokens, &w, e(1, 16), salt(7));
    let before = f.pf.vf.bed.world().storage(first.address, U256::ZERO);
    let pool_tokens_before = f.pf.vf.view(&v::getPoolTokensCall { poolId: first.pool_id });

    // Different parameters, same salt: the address is taken.
    let r = f.create(alice, &tokens, &w, e(2, 16), salt(7));
    assert_reverted_with::<fe::PoolAddressInUse>(&r);
    let err = <fe::PoolAddressInUse as alloy_sol_types::SolError>::abi_decode(&r.output).expect("decode");
    assert_eq!(err.pool, first.address);
    assert!(r.logs.is_empty());

    assert_eq!(f.pf.vf.bed.world().storage(first.address, U256::ZERO), before);
    assert_eq!(f.pf.view(first.address, &wp::getSwapFeePercentageCall {}), e(1, 16));
    let pool_tokens_after = f.pf.vf.view(&v::getPoolTokensCall { poolId: first.pool_id });
    assert_eq!(pool_tokens_after.tokens, pool_tokens_before.tokens);
    assert!(f.view(&wf::isPoolFromFactoryCall { pool: first.address }));
}

#[test]
fn create_returns_the_address_abi_encoded() {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(2, &[18]);
    let alice = f.pf.vf.alice;
    let r = f.create(alice, &tokens, &equal_weights(2), e(1, 16), salt(1));
    assert!(r.success);
    assert_eq!(r.output.len(), 32);
    let pool = wf::createCall::abi_decode_returns(&r.output).expect("decode");
    assert_eq!(pool, f.predicted_address(alice, salt(1)));
}
