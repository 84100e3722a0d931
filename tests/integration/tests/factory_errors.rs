//! Failures of PoolFactory: invalid pool parameters revert with the pool's own typed
//! error (passed on unchanged) and leave nothing behind; the factory's own errors.

use alloy_primitives::{Address, B256, Bytes, U256};
use alloy_sol_types::{SolCall, SolError};
use integration::factory_fixture::{deploy_factory, equal_weights, fe, salt, wf, FactoryFixture};
use integration::pool_fixture::{e, expect_error, pe, PoolFixture};
use integration::vault_fixture::assert_reverted_with;
use pool_factory::proxy::FACET_COUNT;

/// Sends `create` and checks: reverted with exactly `E`, no log, no proxy at the
/// address, not recorded; then the same sender + salt still works with valid params.
fn rejected<E: SolError>(f: &mut FactoryFixture, tokens: &[Address], weights: &[U256], fee: U256) -> E {
    let alice = f.pf.vf.alice;
    // A salt this fixture has not used yet (each call ends by using its salt).
    let s = salt(1_000 + f.pf.vf.bed.world().nonce(alice));
    let r = f.create(alice, tokens, weights, fee, s);
    assert_reverted_with::<E>(&r);
    assert!(r.logs.is_empty());
    let predicted = f.predicted_address(alice, s);
    assert!(f.pf.vf.bed.world().code(predicted).is_empty(), "no proxy left behind");
    assert!(!f.view(&wf::isPoolFromFactoryCall { pool: predicted }));
    let err = E::abi_decode(&r.output).expect("decode");
    // Nothing was used up: the same salt deploys once the parameters are valid.
    let valid = f.tokens(2, &[18]);
    let (pool, _) = f.create_pool(alice, &valid, &equal_weights(2), e(1, 16), s);
    assert_eq!(pool.address, predicted);
    err
}

#[test]
fn unsorted_tokens_revert_with_the_pools_error() {
    let mut f = FactoryFixture::new();
    let mut tokens = f.tokens(3, &[18, 6]);
    tokens.swap(1, 2);
    let err = rejected::<pe::TokensNotSorted>(&mut f, &tokens, &equal_weights(3), e(1, 16));
    assert_eq!(err.index, U256::from(2));
}

#[test]
fn duplicate_tokens_revert_with_the_pools_error() {
    let mut f = FactoryFixture::new();
    let t = f.tokens(2, &[18]);
    let tokens = vec![t[0], t[0]];
    let err = rejected::<pe::DuplicateToken>(&mut f, &tokens, &equal_weights(2), e(1, 16));
    assert_eq!(err.token, t[0]);
}

#[test]
fn weights_not_summing_to_one_revert() {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(2, &[18]);
    let weights = vec![e(5, 17), e(5, 17) - U256::from(1)];
    let err = rejected::<pe::NormalizedWeightInvariant>(&mut f, &tokens, &weights, e(1, 16));
    assert_eq!(err.sum, e(1, 18) - U256::from(1));
    let weights = vec![e(5, 17), e(5, 17) + U256::from(1)];
    rejected::<pe::NormalizedWeightInvariant>(&mut f, &tokens, &weights, e(1, 16));
}

#[test]
fn weight_below_one_percent_reverts() {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(2, &[18]);
    let weights = vec![e(1, 16) - U256::from(1), e(99, 16) + U256::from(1)];
    rejected::<pe::MinWeight>(&mut f, &tokens, &weights, e(1, 16));
}

#[test]
fn swap_fee_out_of_bounds_reverts() {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(2, &[18]);
    let w = equal_weights(2);
    let err = rejected::<pe::SwapFeeOutOfBounds>(&mut f, &tokens, &w, e(1, 12) - U256::from(1));
    assert_eq!(err.min, e(1, 12));
    let err = rejected::<pe::SwapFeeOutOfBounds>(&mut f, &tokens, &w, e(1, 17) + U256::from(1));
    assert_eq!(err.max, e(1, 17));
}

#[test]
fn one_token_reverts() {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(1, &[18]);
    let err = rejected::<pe::TokenCountOutOfRange>(&mut f, &tokens, &[e(1, 18)], e(1, 16));
    assert_eq!(err.count, U256::from(1));
}

/// The pool takes up to its MAX_TOKENS (16: DESIGN "more tokens than 8 where gas
/// allows"); one more is refused with the pool's error.
#[test]
fn more_tokens_than_the_pool_allows_revert() {
    let mut f = FactoryFixture::new();
    let n = weighted_pool::MAX_TOKENS + 1;
    let tokens = f.tokens(n, &[18, 6]);
    let err = rejected::<pe::TokenCountOutOfRange>(&mut f, &tokens, &equal_weights(n), e(1, 16));
    assert_eq!(err.count, U256::from(n));
    assert_eq!(err.max, U256::from(weighted_pool::MAX_TOKENS));
}

#[test]
fn nine_tokens_follow_the_pools_limit() {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(9, &[18, 6]);
    let alice = f.pf.vf.alice;
    let r = f.create(alice, &tokens, &equal_weights(9), e(1, 16), salt(9));
    if 9 <= weighted_pool::MAX_TOKENS {
        assert!(r.success, "9 tokens are within the pool's limit: 0x{}", alloy_primitives::hex::encode(&r.output));
    } else {
        assert_reverted_with::<pe::TokenCountOutOfRange>(&r);
    }
}

#[test]
fn mismatched_weights_length_reverts() {
    let mut f = FactoryFixture::new();
    let tokens = f.tokens(3, &[18]);
    rejected::<pe::InputLengthMismatch>(&mut f, &tokens, &equal_weights(2), e(1, 16));
}

#[test]
fn initialize_twice_reverts() {
    let mut f = FactoryFixture::new();
    let admin = f.pf.vf.admin;
    let again = wf::initializeCall { vault: f.pf.vf.vault, facets: f.pf.facets.to_vec() };
    let r = f.call(admin, &again);
    assert_reverted_with::<fe::FactoryAlreadyInitialized>(&r);
    // A stranger cannot rewire it either.
    let bob = f.pf.vf.bob;
    let r = f.call(bob, &wf::initializeCall { vault: bob, facets: vec![f.factory; FACET_COUNT] });
    assert_reverted_with::<fe::FactoryAlreadyInitialized>(&r);
    assert_eq!(f.view(&wf::getVaultCall {}), f.pf.vf.vault);
    assert_eq!(f.view(&wf::getFacetsCall {}), f.pf.facets.to_vec());
}

#[test]
fn uninitialised_factory_refuses_create_and_bad_wiring() {
    let mut pf = PoolFixture::new();
    let factory = deploy_factory(&mut pf);
    let alice = pf.vf.alice;
    let tokens = pf.vf.tokens[..2].to_vec();
    let create = wf::createCall {
        name: "x".into(),
        symbol: "x".into(),
        tokens,
        weights: equal_weights(2),
        swapFeePercentage: e(1, 16),
        owner: alice,
        salt: B256::ZERO,
    };
    let r = pf.vf.bed.call(alice, factory, create.abi_encode(), U256::ZERO);
    assert_reverted_with::<fe::FactoryNotInitialized>(&r);

    let facets = pf.facets.to_vec();
    let vault = pf.vf.vault;
    let mut init = |vault: Address, facets: Vec<Address>| {
        let call = wf::initializeCall { vault, facets };
        pf.vf.bed.call(alice, factory, call.abi_encode(), U256::ZERO)
    };
    assert_reverted_with::<fe::ZeroAddress>(&init(Address::ZERO, facets.clone()));
    for i in 0..facets.len() {
        let mut with_zero = facets.clone();
        with_zero[i] = Address::ZERO;
        assert_reverted_with::<fe::ZeroAddress>(&init(vault, with_zero));
        let mut with_eoa = facets.clone();
        with_eoa[i] = alice;
        let err = expect_error::<fe::FacetHasNoCode>(&init(vault, with_eoa));
        assert_eq!(err.facet, alice);
    }
    for wrong in [vec![], facets[..2].to_vec(), [facets.clone(), vec![facets[0]]].concat()] {
        let n = wrong.len();
        let err = expect_error::<fe::FacetCountMismatch>(&init(vault, wrong));
        assert_eq!((err.expected, err.given), (U256::from(FACET_COUNT), U256::from(n)));
    }
    // None of the failed attempts wired it.
    assert_eq!(pf.vf.bed.view_sol(factory, &wf::getVaultCall {}).expect("view"), Address::ZERO);
    assert_eq!(pf.vf.bed.view_sol(factory, &wf::getFacetsCall {}).expect("view"), vec![Address::ZERO; FACET_COUNT]);
    // Then a valid wiring works once.
    let ok = wf::initializeCall { vault, facets: facets.clone() };
    assert!(pf.vf.bed.call(alice, factory, ok.abi_encode(), U256::ZERO).success);
    assert_eq!(pf.vf.bed.view_sol(factory, &wf::getFacetsCall {}).expect("view"), facets);
}

#[test]
fn calldata_and_value_are_checked() {
    let mut f = FactoryFixture::new();
    let alice = f.pf.vf.alice;
    let factory = f.factory;
    let bed = &mut f.pf.vf.bed;
    assert_reverted_with::<fe::UnknownFunction>(&bed.call(alice, factory, Bytes::from(vec![1, 2, 3, 4]), U256::ZERO));
    assert_reverted_with::<fe::UnknownFunction>(&bed.call(alice, factory, Bytes::new(), U256::ZERO));
    // create with fewer than its 7 head words.
    let mut short = wf::createCall::SELECTOR.to_vec();
    short.extend_from_slice(&[0u8; 6 * 32]);
    assert_reverted_with::<fe::MalformedCalldata>(&bed.call(alice, factory, short, U256::ZERO));
    // An address argument with dirty high bytes.
    let mut dirty = wf::isPoolFromFactoryCall::SELECTOR.to_vec();
    dirty.extend_from_slice(&[0xff; 32]);
    assert_reverted_with::<fe::MalformedCalldata>(&bed.call(alice, factory, dirty, U256::ZERO));
    let view = wf::getVaultCall {}.abi_encode();
    assert_reverted_with::<fe::EthNotSupported>(&bed.call(alice, factory, view, U256::from(1)));
}

#[test]
fn garbage_pool_arguments_are_rejected_by_the_pool_and_leave_nothing() {
    let mut f = FactoryFixture::new();
    let alice = f.pf.vf.alice;
    // Seven head words whose offsets point nowhere: the pool's decoder refuses them.
    let mut data = wf::createCall::SELECTOR.to_vec();
    for _ in 0..7 {
        data.extend_from_slice(&[0x7f; 32]);
    }
    let r = f.pf.vf.bed.call(alice, f.factory, data, U256::ZERO);
    assert!(!r.success);
    assert!(r.logs.is_empty());
    let predicted = f.predicted_address(alice, B256::from([0x7f; 32]));
    assert!(f.pf.vf.bed.world().code(predicted).is_empty());
}
