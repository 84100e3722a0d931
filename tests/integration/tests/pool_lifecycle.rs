//! WeightedPool clones: initialisation, getters, INIT join, owner functions, and every
//! invalid `initialize` input -> its typed error with nothing registered.
//! Run `bash deploy/build-contracts.sh` and `node tests/solidity/build.mjs` first.

use alloy_primitives::{Address, U256};
use alloy_sol_types::SolValue;
use integration::pool_fixture::*;
use integration::vault_fixture::v;

#[test]
fn clone_initialises_registers_and_reports_its_state() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let a = pool.address;

    // poolId = pool address | TWO_TOKEN | nonce, and the Vault knows the pool's tokens.
    assert_eq!(&pool.pool_id.as_slice()[..20], a.as_slice());
    assert_eq!(&pool.pool_id.as_slice()[20..22], &[0u8, 2]);
    let (pool_addr, spec) = {
        let r = f.vf.view(&v::getPoolCall { poolId: pool.pool_id });
        (r._0, r._1)
    };
    assert_eq!((pool_addr, spec), (a, 2));
    let registered = f.vf.view(&v::getPoolTokensCall { poolId: pool.pool_id });
    assert_eq!(registered.tokens, pool.tokens);

    assert_eq!(f.view(a, &wp::getVaultCall {}), f.vf.vault);
    assert_eq!(f.view(a, &wp::getOwnerCall {}), f.owner);
    assert_eq!(f.view(a, &wp::getNormalizedWeightsCall {}), pool.weights);
    assert_eq!(f.view(a, &wp::getSwapFeePercentageCall {}), e(1, 16));
    let expected_factors: Vec<U256> = pool.factors().iter().map(|x| *x * U256::from(ONE)).collect();
    assert_eq!(f.view(a, &wp::getScalingFactorsCall {}), expected_factors);
    assert_eq!(f.view(a, &wp::nameCall {}), "Balancer 80 A 20 B");
    assert_eq!(f.view(a, &wp::symbolCall {}), "B-80A-20B");
    assert_eq!(f.view(a, &wp::decimalsCall {}), 18);
    let paused = f.view(a, &wp::getPausedStateCall {});
    assert!(!paused.paused);

    // INIT: BPT = invariant x n, 1e6 locked at address(0), the rest to alice.
    let balances = f.balances(&pool);
    let invariant = oracle::invariant(&pool.weights, &balances, &pool.factors());
    let total = invariant * U256::from(2u8);
    assert_eq!(f.supply(&pool), total);
    assert_eq!(f.bpt_balance(&pool, Address::ZERO), U256::from(MINIMUM_BPT));
    let alice = f.vf.alice;
    assert_eq!(f.bpt_balance(&pool, alice), total - U256::from(MINIMUM_BPT));
    assert_eq!(f.view(a, &wp::getLastInvariantCall {}), invariant);
    assert_eq!(f.view(a, &wp::getInvariantCall {}), invariant);

    // Spot price (tokenIn per tokenOut, whole tokens, 18 decimals): 800 A at 80% vs
    // 200 B at 20% -> (800/0.8)/(200/0.2) = 1 (rounded up by at most a few wei).
    let (t0, t1) = (pool.tokens[0], pool.tokens[1]);
    let sans = f.view(a, &wp::getSpotPriceSansFeeCall { tokenIn: t0, tokenOut: t1 });
    assert!(sans >= U256::from(ONE) && sans <= U256::from(ONE + 2), "spot {sans}");
    let with_fee = f.view(a, &wp::getSpotPriceCall { tokenIn: t0, tokenOut: t1 });
    // 1 / (1 - 1%) = 1.0101...
    assert!(with_fee > sans && with_fee <= U256::from(1_010_101_010_101_010_103u64), "spot with fee {with_fee}");
}

#[test]
fn second_initialize_is_rejected_and_changes_nothing() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let again = f.init_call(&pool.tokens, &pool.weights, e(2, 16));
    let admin = f.vf.admin;
    let r = f.call_pool(admin, pool.address, &again);
    expect_error::<pe::AlreadyInitialized>(&r);
    assert_eq!(f.view(pool.address, &wp::getSwapFeePercentageCall {}), e(1, 16));
    assert_eq!(f.view(pool.address, &wp::getPoolIdCall {}), pool.pool_id);
}

/// Runs `initialize` on a fresh clone and returns the result; the clone must stay
/// uninitialised (getVault = 0) when it reverts.
fn try_init(f: &mut PoolFixture, tokens: Vec<Address>, weights: Vec<U256>, fee: U256) -> stylus_testbed::CallResult {
    let proxy = f.clone_proxy();
    let call = f.init_call(&tokens, &weights, fee);
    let admin = f.vf.admin;
    let r = f.call_pool(admin, proxy, &call);
    if !r.success {
        assert_eq!(f.view(proxy, &wp::getVaultCall {}), Address::ZERO, "state written by a failed initialize");
    }
    r
}

#[test]
fn invalid_initialize_inputs_fail_with_typed_errors() {
    let mut f = PoolFixture::new();
    let t = f.vf.tokens.clone(); // sorted, 3 tokens
    let half = e(5, 17);

    let r = try_init(&mut f, vec![t[1], t[0]], vec![half, half], e(1, 16));
    assert_eq!(expect_error::<pe::TokensNotSorted>(&r).index, U256::from(1));

    let r = try_init(&mut f, vec![t[0], t[0]], vec![half, half], e(1, 16));
    assert_eq!(expect_error::<pe::DuplicateToken>(&r).token, t[0]);

    let r = try_init(&mut f, vec![t[0]], vec![U256::from(ONE)], e(1, 16));
    assert_eq!(expect_error::<pe::TokenCountOutOfRange>(&r).count, U256::from(1));

    let r = try_init(&mut f, vec![t[0], t[1]], vec![half], e(1, 16));
    expect_error::<pe::InputLengthMismatch>(&r);

    let r = try_init(&mut f, vec![t[0], t[1]], vec![half, half - U256::from(1)], e(1, 16));
    assert_eq!(expect_error::<pe::NormalizedWeightInvariant>(&r).sum, U256::from(ONE - 1));

    let r = try_init(&mut f, vec![t[0], t[1]], vec![e(1, 16) - U256::from(1), e(99, 16) + U256::from(1)], e(1, 16));
    assert_eq!(expect_error::<pe::MinWeight>(&r).index, U256::ZERO);

    let r = try_init(&mut f, vec![t[0], t[1]], vec![half, half], e(1, 12) - U256::from(1));
    expect_error::<pe::SwapFeeOutOfBounds>(&r);
    let r = try_init(&mut f, vec![t[0], t[1]], vec![half, half], e(1, 17) + U256::from(1));
    expect_error::<pe::SwapFeeOutOfBounds>(&r);

    let r = try_init(&mut f, vec![Address::ZERO, t[1]], vec![half, half], e(1, 16));
    expect_error::<pe::ZeroAddressToken>(&r);

    // A 24-decimal token cannot be scaled to 18 decimals exactly.
    let big = f.vf.bed.deploy_test_token("BIG", 24).expect("token");
    let mut pair = vec![t[0], big];
    pair.sort();
    let r = try_init(&mut f, pair, vec![half, half], e(1, 16));
    let err = expect_error::<pe::TokenDecimalsTooHigh>(&r);
    assert_eq!((err.token, err.decimals), (big, U256::from(24)));

    // The bounds themselves are accepted.
    assert!(try_init(&mut f, vec![t[0], t[1]], vec![e(1, 16), e(99, 16)], e(1, 12)).success);
    assert!(try_init(&mut f, vec![t[0], t[1]], vec![half, half], e(1, 17)).success);
}

#[test]
fn owner_controls_fee_and_pause_others_cannot() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let a = pool.address;
    let (owner, bob) = (f.owner, f.vf.bob);

    let r = f.call_pool(bob, a, &wp::setSwapFeePercentageCall { swapFeePercentage: e(2, 16) });
    assert_eq!(expect_error::<pe::CallerNotOwner>(&r).caller, bob);
    let r = f.call_pool(bob, a, &wp::pauseCall {});
    expect_error::<pe::CallerNotOwner>(&r);
    assert_eq!(f.view(a, &wp::getSwapFeePercentageCall {}), e(1, 16));

    let r = f.call_pool(owner, a, &wp::setSwapFeePercentageCall { swapFeePercentage: e(11, 16) });
    expect_error::<pe::SwapFeeOutOfBounds>(&r);
    let r = f.call_pool(owner, a, &wp::setSwapFeePercentageCall { swapFeePercentage: e(2, 16) });
    assert!(r.success);
    assert_eq!(r.events_from::<SwapFeePercentageChanged>(a).len(), 1);
    assert_eq!(f.view(a, &wp::getSwapFeePercentageCall {}), e(2, 16));

    let r = f.call_pool(owner, a, &wp::pauseCall {});
    assert!(r.success);
    assert!(f.view(a, &wp::getPausedStateCall {}).paused);
    // Paused: swaps and joins revert with PoolPaused (bubbled by the Vault).
    let (t0, t1) = (pool.tokens[0], pool.tokens[1]);
    let alice = f.vf.alice;
    let r = f.swap(&pool, alice, GIVEN_IN, t0, t1, e(1, 18));
    expect_error::<pe::PoolPaused>(&r);
    let r = f.join(&pool, alice, (U256::from(3), e(1, 18)).abi_encode_params());
    expect_error::<pe::PoolPaused>(&r);
    let r = f.call_pool(owner, a, &wp::unpauseCall {});
    assert!(r.success);
    assert!(f.swap(&pool, alice, GIVEN_IN, t0, t1, e(1, 18)).success);
}

#[test]
fn hooks_reject_callers_other_than_the_vault() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let bob = f.vf.bob;
    let req = SwapRequestT {
        kind: GIVEN_IN,
        tokenIn: pool.tokens[0],
        tokenOut: pool.tokens[1],
        amount: e(1, 18),
        poolId: pool.pool_id,
        lastChangeBlock: U256::ZERO,
        from: bob,
        to: bob,
        userData: Default::default(),
    };
    let r = f.call_pool(bob, pool.address, &wp::onSwapCall { request: req, balanceTokenIn: e(1, 21), balanceTokenOut: e(1, 9) });
    assert_eq!(expect_error::<pe::CallerNotVault>(&r).caller, bob);
    let join = wp::onJoinPoolCall {
        poolId: pool.pool_id,
        sender: bob,
        recipient: bob,
        balances: vec![e(1, 18), e(1, 6)],
        lastChangeBlock: U256::ZERO,
        protocolSwapFeePercentage: U256::ZERO,
        userData: (U256::from(3), e(1, 18)).abi_encode_params().into(),
    };
    let r = f.call_pool(bob, pool.address, &join);
    expect_error::<pe::CallerNotVault>(&r);
    let exit = wp::onExitPoolCall {
        poolId: pool.pool_id,
        sender: f.vf.alice,
        recipient: bob,
        balances: vec![e(1, 18), e(1, 6)],
        lastChangeBlock: U256::ZERO,
        protocolSwapFeePercentage: U256::ZERO,
        userData: (U256::from(1), e(1, 18)).abi_encode_params().into(),
    };
    let r = f.call_pool(bob, pool.address, &exit);
    expect_error::<pe::CallerNotVault>(&r);
    assert_eq!(f.bpt_balance(&pool, bob), U256::ZERO);
}
