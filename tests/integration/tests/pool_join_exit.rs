//! Every join and exit kind through the real Vault, with exact expected amounts from
//! the oracle (upscale exact, amounts in rounded up, out rounded down), protocol swap
//! fees, pause behaviour and the recovery exit.
//! Run `bash deploy/build-contracts.sh` and `node tests/solidity/build.mjs` first.

use alloy_primitives::{Address, U256};
use alloy_sol_types::SolValue;
use integration::pool_fixture::*;
use integration::vault_fixture::v;
use weighted_math as wm;

struct Before {
    balances: Vec<U256>,
    scaled: Vec<U256>,
    supply: U256,
    bpt: U256,
}

fn before(f: &mut PoolFixture, pool: &Pool, user: Address) -> Before {
    let balances = f.balances(pool);
    let scaled = oracle::scaled(&balances, &pool.factors());
    let supply = f.supply(pool);
    let bpt = f.bpt_balance(pool, user);
    Before { balances, scaled, supply, bpt }
}

fn ok(r: &stylus_testbed::CallResult) {
    assert!(r.success, "reverted: 0x{}", alloy_primitives::hex::encode(&r.output));
}

#[test]
fn joins_of_every_kind_take_exactly_the_rounded_up_amounts() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let bob = f.vf.bob;
    let fee = e(1, 16);
    let fac = pool.factors();
    let units: Vec<U256> = pool.decimals.iter().map(|d| U256::from(10u8).pow(U256::from(*d))).collect();

    // EXACT_TOKENS_IN_FOR_BPT_OUT (unbalanced: fee on the excess).
    let b = before(&mut f, &pool, bob);
    let amounts = vec![U256::from(5) * units[0], U256::from(3) * units[1]];
    let expected = wm::calc_bpt_out_given_exact_tokens_in(&b.scaled, &pool.weights, &oracle::scaled(&amounts, &fac), b.supply, fee).unwrap();
    let r = f.join(&pool, bob, (U256::from(1), amounts.clone(), expected + U256::from(1)).abi_encode_params());
    let err = expect_error::<pe::BptOutMinAmount>(&r);
    assert_eq!(err.bptAmountOut, expected);
    ok(&f.join(&pool, bob, (U256::from(1), amounts.clone(), expected).abi_encode_params()));
    assert_eq!(f.bpt_balance(&pool, bob), b.bpt + expected);
    let after = f.balances(&pool);
    assert_eq!(after, vec![b.balances[0] + amounts[0], b.balances[1] + amounts[1]]);

    // TOKEN_IN_FOR_EXACT_BPT_OUT into each token.
    for i in 0..2 {
        let b = before(&mut f, &pool, bob);
        let bpt_out = b.supply / U256::from(100);
        let scaled_in = wm::calc_token_in_given_exact_bpt_out(b.scaled[i], pool.weights[i], bpt_out, b.supply, fee).unwrap();
        let expected_in = oracle::up(scaled_in, fac[i]);
        ok(&f.join(&pool, bob, (U256::from(2), bpt_out, U256::from(i)).abi_encode_params()));
        assert_eq!(f.bpt_balance(&pool, bob), b.bpt + bpt_out);
        let after = f.balances(&pool);
        assert_eq!(after[i], b.balances[i] + expected_in, "token {i}");
        assert_eq!(after[1 - i], b.balances[1 - i]);
    }
    let r = f.join(&pool, bob, (U256::from(2), e(1, 18), U256::from(2)).abi_encode_params());
    expect_error::<pe::TokenIndexOutOfBounds>(&r);
    // Above 3x the invariant.
    let supply = f.supply(&pool);
    let r = f.join(&pool, bob, (U256::from(2), supply * U256::from(3), U256::ZERO).abi_encode_params());
    expect_error::<pe::MaxInvariantRatio>(&r);

    // ALL_TOKENS_IN_FOR_EXACT_BPT_OUT (proportional).
    let b = before(&mut f, &pool, bob);
    let bpt_out = b.supply / U256::from(7);
    let scaled_in = wm::proportional_amounts_in(&b.scaled, b.supply, bpt_out).unwrap();
    ok(&f.join(&pool, bob, (U256::from(3), bpt_out).abi_encode_params()));
    let after = f.balances(&pool);
    for k in 0..2 {
        assert_eq!(after[k], b.balances[k] + oracle::up(scaled_in[k], fac[k]), "token {k}");
    }
    assert_eq!(f.bpt_balance(&pool, bob), b.bpt + bpt_out);
    // lastInvariant tracks the balances after the join.
    let balances_after = f.balances(&pool);
    let inv = oracle::invariant(&pool.weights, &balances_after, &fac);
    let last = f.view(pool.address, &wp::getLastInvariantCall {});
    // Stored from the unrounded (scaled) amounts in, as V2 does: at most the invariant of the
    // balances the Vault holds (amounts rounded up to whole token units), and at least that of
    // the balances one raw unit lower per token (a rounded-up amount exceeds the unrounded one by
    // less than one raw unit: 1e12 scaled wei for a 6-decimal token).
    let one_unit_less: Vec<U256> = balances_after.iter().map(|b| *b - U256::from(1)).collect();
    let inv_floor = oracle::invariant(&pool.weights, &one_unit_less, &fac);
    assert!(inv_floor <= last && last <= inv, "last {last} not within [{inv_floor}, {inv}]");

    // Bad userData: unknown kind, INIT again, truncated.
    let r = f.join(&pool, bob, (U256::from(9), U256::ZERO).abi_encode_params());
    assert_eq!(expect_error::<pe::UnhandledJoinKind>(&r).kind, U256::from(9));
    let r = f.join(&pool, bob, (U256::ZERO, vec![U256::from(1), U256::from(1)]).abi_encode_params());
    expect_error::<pe::PoolAlreadyFunded>(&r);
    let r = f.join(&pool, bob, U256::from(1).abi_encode());
    expect_error::<pe::MalformedUserData>(&r);
    let r = f.join(&pool, bob, (U256::from(1), vec![U256::from(1)], U256::ZERO).abi_encode_params());
    expect_error::<pe::InputLengthMismatch>(&r);
}

#[test]
fn exits_of_every_kind_pay_exactly_the_rounded_down_amounts() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let alice = f.vf.alice;
    let fee = e(1, 16);
    let fac = pool.factors();

    // EXACT_BPT_IN_FOR_ONE_TOKEN_OUT from each token.
    for i in 0..2 {
        let b = before(&mut f, &pool, alice);
        let bpt_in = b.supply / U256::from(50);
        let scaled_out = wm::calc_token_out_given_exact_bpt_in(b.scaled[i], pool.weights[i], bpt_in, b.supply, fee).unwrap();
        ok(&f.exit(&pool, alice, (U256::ZERO, bpt_in, U256::from(i)).abi_encode_params()));
        let after = f.balances(&pool);
        assert_eq!(after[i], b.balances[i] - oracle::down(scaled_out, fac[i]), "token {i}");
        assert_eq!(f.bpt_balance(&pool, alice), b.bpt - bpt_in);
        assert_eq!(f.supply(&pool), b.supply - bpt_in);
    }
    let supply = f.supply(&pool);
    let r = f.exit(&pool, alice, (U256::ZERO, supply / U256::from(2), U256::ZERO).abi_encode_params());
    expect_error::<pe::MinInvariantRatio>(&r);

    // EXACT_BPT_IN_FOR_TOKENS_OUT.
    let b = before(&mut f, &pool, alice);
    let bpt_in = b.supply / U256::from(9);
    let scaled_out = wm::proportional_amounts_out(&b.scaled, b.supply, bpt_in).unwrap();
    ok(&f.exit(&pool, alice, (U256::from(1), bpt_in).abi_encode_params()));
    let after = f.balances(&pool);
    for k in 0..2 {
        assert_eq!(after[k], b.balances[k] - oracle::down(scaled_out[k], fac[k]), "token {k}");
    }

    // BPT_IN_FOR_EXACT_TOKENS_OUT.
    let b = before(&mut f, &pool, alice);
    let amounts = vec![b.balances[0] / U256::from(20), b.balances[1] / U256::from(40)];
    let expected_bpt = wm::calc_bpt_in_given_exact_tokens_out(&b.scaled, &pool.weights, &oracle::scaled(&amounts, &fac), b.supply, fee).unwrap();
    let r = f.exit(&pool, alice, (U256::from(2), amounts.clone(), expected_bpt - U256::from(1)).abi_encode_params());
    assert_eq!(expect_error::<pe::BptInMaxAmount>(&r).bptAmountIn, expected_bpt);
    ok(&f.exit(&pool, alice, (U256::from(2), amounts.clone(), expected_bpt).abi_encode_params()));
    assert_eq!(f.bpt_balance(&pool, alice), b.bpt - expected_bpt);
    assert_eq!(f.balances(&pool), vec![b.balances[0] - amounts[0], b.balances[1] - amounts[1]]);

    // More BPT than the sender holds.
    let bob = f.vf.bob;
    let r = f.exit(&pool, bob, (U256::from(1), U256::from(1000)).abi_encode_params());
    expect_error::<pe::ERC20InsufficientBalance>(&r);
    let r = f.exit(&pool, alice, (U256::from(7), U256::from(1)).abi_encode_params());
    expect_error::<pe::UnhandledExitKind>(&r);
}

#[test]
fn pause_allows_only_proportional_and_recovery_exits() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let (alice, owner) = (f.vf.alice, f.owner);

    // Recovery exit is the emergency path: refused while not paused.
    let r = f.exit(&pool, alice, (U256::from(255), U256::from(1000)).abi_encode_params());
    expect_error::<pe::PoolNotPaused>(&r);

    ok(&f.call_pool(owner, pool.address, &wp::pauseCall {}));
    let r = f.exit(&pool, alice, (U256::ZERO, U256::from(1000), U256::ZERO).abi_encode_params());
    expect_error::<pe::PoolPaused>(&r);
    let r = f.exit(&pool, alice, (U256::from(2), vec![U256::from(1), U256::from(1)], U256::MAX).abi_encode_params());
    expect_error::<pe::PoolPaused>(&r);

    // Recovery: floor(balance * bptIn / supply) in token units, no math beyond that.
    let b = before(&mut f, &pool, alice);
    let last = f.view(pool.address, &wp::getLastInvariantCall {});
    let bpt_in = b.bpt / U256::from(3);
    ok(&f.exit(&pool, alice, (U256::from(255), bpt_in).abi_encode_params()));
    let after = f.balances(&pool);
    for k in 0..2 {
        assert_eq!(after[k], b.balances[k] - b.balances[k] * bpt_in / b.supply, "token {k}");
    }
    assert_eq!(f.bpt_balance(&pool, alice), b.bpt - bpt_in);
    let remaining = b.supply - bpt_in;
    let expected_last = wm::mul_up(last, wm::div_up(remaining, b.supply).unwrap()).unwrap();
    assert_eq!(f.view(pool.address, &wp::getLastInvariantCall {}), expected_last);

    // The proportional exit also works while paused.
    ok(&f.exit(&pool, alice, (U256::from(1), U256::from(1_000_000)).abi_encode_params()));
}

#[test]
fn protocol_fee_is_charged_on_invariant_growth_in_the_max_weight_token() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let (admin, bob) = (f.vf.admin, f.vf.bob);
    let fac = pool.factors();
    // 50% of swap fees to the protocol (Vault-wide setting).
    let set = v::setSwapFeePercentageCall { newSwapFeePercentage: e(5, 17) };
    let r = f.vf.call(admin, &set);
    ok(&r);
    // Swaps grow the invariant (1% fee).
    let (t0, t1) = (pool.tokens[0], pool.tokens[1]);
    let units0 = U256::from(10u8).pow(U256::from(pool.decimals[0]));
    let units1 = U256::from(10u8).pow(U256::from(pool.decimals[1]));
    for _ in 0..3 {
        ok(&f.swap(&pool, bob, GIVEN_IN, t0, t1, U256::from(20) * units0));
        ok(&f.swap(&pool, bob, GIVEN_IN, t1, t0, U256::from(20) * units1));
    }
    let last = f.view(pool.address, &wp::getLastInvariantCall {});
    let b = before(&mut f, &pool, bob);
    let current = wm::calculate_invariant(&pool.weights, &b.scaled).unwrap();
    assert!(current > last);
    let max = if pool.weights[0] >= pool.weights[1] { 0 } else { 1 };
    let due_scaled = wm::calc_due_token_protocol_swap_fee_amount(b.scaled[max], pool.weights[max], last, current, e(5, 17)).unwrap();
    let due = oracle::down(due_scaled, fac[max]);
    assert!(due > U256::ZERO);
    // Proportional join: amounts computed on balances net of the fee.
    let mut net = b.scaled.clone();
    net[max] -= due_scaled;
    let bpt_out = b.supply / U256::from(10);
    let scaled_in = wm::proportional_amounts_in(&net, b.supply, bpt_out).unwrap();
    ok(&f.join(&pool, bob, (U256::from(3), bpt_out).abi_encode_params()));
    let after = f.balances(&pool);
    for k in 0..2 {
        let fee_k = if k == max { due } else { U256::ZERO };
        assert_eq!(after[k], b.balances[k] + oracle::up(scaled_in[k], fac[k]) - fee_k, "token {k}");
    }
    // The stored invariant now reflects the post-join balances: the next join owes only
    // what rounding added since (computed the same way).
    let last2 = f.view(pool.address, &wp::getLastInvariantCall {});
    let b2 = before(&mut f, &pool, bob);
    let current2 = wm::calculate_invariant(&pool.weights, &b2.scaled).unwrap();
    let due2_scaled = wm::calc_due_token_protocol_swap_fee_amount(b2.scaled[max], pool.weights[max], last2, current2, e(5, 17)).unwrap();
    assert!(due2_scaled < due_scaled / U256::from(1000), "fee charged twice: {due2_scaled}");
    let mut net2 = b2.scaled.clone();
    net2[max] -= due2_scaled;
    ok(&f.join(&pool, bob, (U256::from(3), bpt_out).abi_encode_params()));
    let scaled_in2 = wm::proportional_amounts_in(&net2, b2.supply, bpt_out).unwrap();
    let after2 = f.balances(&pool);
    for k in 0..2 {
        let fee_k = if k == max { oracle::down(due2_scaled, fac[k]) } else { U256::ZERO };
        assert_eq!(after2[k], b2.balances[k] + oracle::up(scaled_in2[k], fac[k]) - fee_k, "token {k}");
    }
}
