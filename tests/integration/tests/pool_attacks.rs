//! Attacks on real WeightedPools through the real Vault, with proptest-generated inputs.
//!
//! * The November 2025 pattern: one batchSwap that first drains a token's balance down to a
//!   few units (where scaling and rounding errors are large relative to the balance), then
//!   runs long sequences of tiny alternating swaps around the scaling boundary of a
//!   6-decimal token, and finally swaps back. The attacker must never come out ahead:
//!   the pool's balance change, valued at the pool's own spot price before the batch, is
//!   never negative, and the invariant (hence the value of each BPT) never falls.
//! * Random sequences of joins, exits, swaps, batch swaps and internal-balance operations
//!   by two users over two pools: after every step the Vault holds exactly what pools and
//!   users are owed, and each pool's BPT supply is exactly the sum of its holders'.
//!
//! Run `bash deploy/build-contracts.sh` and `node tests/solidity/build.mjs` first.

use alloy_primitives::{Address, Bytes, I256, U256, U512};
use alloy_sol_types::{SolCall, SolValue};
use integration::pool_fixture::*;
use integration::vault_fixture::{funds, v};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::cell::RefCell;

/// Number of proptest cases per property: each case runs a whole batch through the
/// release wasm, so a few dozen cases keep the suite within minutes on two cores.
const CASES: u32 = 16;

fn runner() -> TestRunner {
    TestRunner::new(Config { cases: CASES, failure_persistence: None, ..Config::default() })
}

/// The 80/20 pool of the fixture (18-decimal token weighted 80%, 6-decimal token 20%),
/// swap fee 0.0001% (the minimum: the fee is not what protects the pool here).
fn low_fee_pool(f: &mut PoolFixture) -> Pool {
    let (t18, t6) = f.token_pair_18_6();
    let mut tokens = vec![t18, t6];
    tokens.sort();
    let weights: Vec<U256> = tokens.iter().map(|t| if *t == t18 { e(8, 17) } else { e(2, 17) }).collect();
    let pool = f.create(&tokens, &weights, e(1, 12));
    let amounts: Vec<U256> = tokens.iter().map(|t| if *t == t18 { e(800, 18) } else { e(200, 6) }).collect();
    let alice = f.vf.alice;
    f.init_join(&pool, alice, &amounts);
    pool
}

/// The attack batch, before it becomes `BatchSwapStep`s: `drains` GIVEN_OUT swaps taking
/// 29% of the 6-decimal token each (down to a few dozen units at most), then tiny
/// alternating swaps (`true` = the 6-decimal token goes out), then `refills` swaps taking
/// 5% of the 18-decimal token back each.
#[derive(Clone, Debug)]
struct Attack {
    drains: u32,
    tiny: Vec<(bool, u64)>,
    refills: u32,
}

fn attack_strategy() -> impl Strategy<Value = Attack> {
    // Amounts around the 6-decimal token's unit (1 unit = 1e12 scaled wei) and around the
    // matching boundary of the 18-decimal token: where rounding matters most.
    let tiny_amount = prop_oneof![1u64..=4, 999_999_999_990u64..=1_000_000_000_010, 1u64..=5_000_000_000_000];
    (0u32..=60, prop::collection::vec((any::<bool>(), tiny_amount), 10..80), 0u32..=40)
        .prop_map(|(drains, tiny, refills)| Attack { drains, tiny, refills })
}

/// Value of the pool's balance change `delta` (upscaled, signed) at the marginal price
/// of the weighted invariant at `balances` (upscaled): `sum_i delta_i * w_i / b_i`, scaled
/// by `b_0 * b_1` to stay in integers. Returns (gained, lost) by the pool.
///
/// Why this is the right yardstick: the invariant V is concave, so
/// V(B + delta) <= V(B) + grad V(B) . delta. A pool whose invariant does not fall
/// therefore gains value at its own price before the trade, whatever the path taken.
fn valued_change(delta: &[I256], weights: &[U256], balances: &[U256]) -> (U512, U512) {
    let (mut gained, mut lost) = (U512::ZERO, U512::ZERO);
    for i in 0..2 {
        let other = balances[1 - i];
        let v = U512::from(delta[i].unsigned_abs()) * U512::from(weights[i]) * U512::from(other);
        if delta[i].is_negative() {
            lost += v;
        } else {
            gained += v;
        }
    }
    (gained, lost)
}

/// The checks every attack batch ends with: the pool's balance change (`deltas`, token
/// units), valued at its own marginal price before the batch, is no loss; and its invariant
/// did not fall, so neither did the value of a BPT (swaps leave the supply alone).
fn pool_not_poorer(pool: &Pool, before: &[U256], after: &[U256], deltas: &[I256]) -> Result<(), TestCaseError> {
    let factors = pool.factors();
    let scaled_delta: Vec<I256> = (0..2).map(|k| deltas[k] * I256::try_from(factors[k]).unwrap()).collect();
    let scaled_before: Vec<U256> = (0..2).map(|k| before[k] * factors[k]).collect();
    let (gained, lost) = valued_change(&scaled_delta, &pool.weights, &scaled_before);
    prop_assert!(gained >= lost, "the pool lost value at its own price: gained {}, lost {}, deltas {:?}", gained, lost, deltas);
    let inv_before = oracle::invariant(&pool.weights, before, &factors);
    let inv_after = oracle::invariant(&pool.weights, after, &factors);
    prop_assert!(inv_after >= inv_before, "invariant fell: {} -> {}", inv_before, inv_after);
    Ok(())
}

fn step(pool: &Pool, token_in: usize, token_out: usize, amount: U256) -> v::BatchSwapStep {
    v::BatchSwapStep {
        poolId: pool.pool_id,
        assetInIndex: U256::from(token_in),
        assetOutIndex: U256::from(token_out),
        amount,
        userData: Bytes::new(),
    }
}

/// The batch's steps. Balances are tracked from below (a GIVEN_OUT step removes exactly
/// its amount, a step paying a token in only adds), so every step stays within the 30%
/// ratio limits of the real balances.
fn attack_steps(pool: &Pool, before: &[U256], small: usize, a: &Attack) -> Vec<v::BatchSwapStep> {
    let big = 1 - small;
    let (mut small_low, mut big_low) = (before[small], before[big]);
    let floor = U256::from(20u8); // keep a few dozen units: tiny swaps must stay within limits
    let mut swaps = Vec::new();
    for _ in 0..a.drains {
        let out = small_low * U256::from(29u8) / U256::from(100u8);
        if out.is_zero() || small_low - out < floor {
            break;
        }
        small_low -= out;
        swaps.push(step(pool, big, small, out));
    }
    for &(to_small, amount) in &a.tiny {
        if to_small {
            let out = U256::from(amount % 4 + 1).min(small_low * U256::from(3u8) / U256::from(10u8));
            if out.is_zero() {
                continue;
            }
            small_low -= out;
            swaps.push(step(pool, big, small, out));
        } else {
            let out = U256::from(amount);
            big_low -= out;
            swaps.push(step(pool, small, big, out));
        }
    }
    for _ in 0..a.refills {
        let out = big_low * U256::from(5u8) / U256::from(100u8);
        big_low -= out;
        swaps.push(step(pool, small, big, out));
    }
    swaps
}

#[test]
fn tiny_alternating_batch_swaps_never_profit_the_attacker() {
    let f = RefCell::new(PoolFixture::new());
    let pool = low_fee_pool(&mut f.borrow_mut());
    let small = usize::from(pool.decimals[0] != 6); // index of the 6-decimal token
    let attacker = f.borrow().vf.bob;
    let succeeded = RefCell::new(0u32);
    runner()
        .run(&attack_strategy(), |attack| {
            let mut f = f.borrow_mut();
            let before = f.balances(&pool);
            let supply = f.supply(&pool);
            let call = v::batchSwapCall {
                kind: GIVEN_OUT,
                swaps: attack_steps(&pool, &before, small, &attack),
                assets: pool.tokens.clone(),
                funds: funds(attacker, false),
                limits: vec![I256::MAX; 2],
                deadline: U256::MAX,
            };
            let r = f.vf.call(attacker, &call);
            let after = f.balances(&pool);
            if !r.success {
                // A refused batch must change nothing.
                prop_assert_eq!(&after, &before);
                return Ok(());
            }
            *succeeded.borrow_mut() += 1;
            let deltas = v::batchSwapCall::abi_decode_returns(&r.output).expect("deltas");
            // The Vault's deltas are the pool's balance changes, exactly.
            for k in 0..2 {
                let expected = I256::try_from(after[k]).unwrap() - I256::try_from(before[k]).unwrap();
                prop_assert_eq!(deltas[k], expected);
            }
            // Neither token is given away for free.
            let free = deltas.iter().all(|d| *d <= I256::ZERO) && deltas.iter().any(|d| *d < I256::ZERO);
            prop_assert!(!free, "the attacker received tokens without paying: {:?}", deltas);
            pool_not_poorer(&pool, &before, &after, &deltas)?;
            prop_assert_eq!(f.supply(&pool), supply);
            Ok(())
        })
        .unwrap();
    let succeeded = *succeeded.borrow();
    assert!(succeeded * 2 >= CASES, "most attack batches must execute ({succeeded}/{CASES}) for the test to mean anything");
}

/// GIVEN_IN batches of tiny swaps both ways (a few units of the 6-decimal token, or a
/// few 1e12 wei of the 18-decimal one): amounts that round to zero out are paid for all
/// the same, and no sequence moves value from the pool to the trader.
#[test]
fn tiny_given_in_swaps_pay_nothing_for_nothing() {
    let f = RefCell::new(PoolFixture::new());
    let pool = low_fee_pool(&mut f.borrow_mut());
    let small = usize::from(pool.decimals[0] != 6); // index of the 6-decimal token
    let attacker = f.borrow().vf.bob;
    let strategy = prop::collection::vec((any::<bool>(), 1u64..=2_000_000_000_000), 20..120);
    runner()
        .run(&strategy, |steps| {
            let mut f = f.borrow_mut();
            let before = f.balances(&pool);
            // `true`: the 6-decimal token goes in (1..5 units), else the 18-decimal token
            // goes in (up to 2e12 wei, about two units of the other token).
            let swaps: Vec<v::BatchSwapStep> = steps
                .iter()
                .map(|&(small_in, amount)| {
                    if small_in {
                        step(&pool, small, 1 - small, U256::from(amount % 5 + 1))
                    } else {
                        step(&pool, 1 - small, small, U256::from(amount))
                    }
                })
                .collect();
            let call = v::batchSwapCall {
                kind: GIVEN_IN,
                swaps,
                assets: pool.tokens.clone(),
                funds: funds(attacker, false),
                limits: vec![I256::MAX; 2],
                deadline: U256::MAX,
            };
            let r = f.vf.call(attacker, &call);
            prop_assert!(r.success, "tiny GIVEN_IN batches are valid; reverted with 0x{}", alloy_primitives::hex::encode(&r.output));
            let deltas = v::batchSwapCall::abi_decode_returns(&r.output).expect("deltas");
            let after = f.balances(&pool);
            pool_not_poorer(&pool, &before, &after, &deltas)?;
            Ok(())
        })
        .unwrap();
}

/// One operation of the random-sequence property.
#[derive(Clone, Debug)]
enum Op {
    JoinExactTokensIn { user: bool, pool: bool, a: u64, b: u64 },
    JoinProportional { user: bool, pool: bool, bpt: u64 },
    JoinSingleToken { user: bool, pool: bool, bpt: u64, token: bool },
    ExitProportional { user: bool, pool: bool, permille: u64 },
    ExitSingleToken { user: bool, pool: bool, permille: u64, token: bool },
    ExitExactTokensOut { user: bool, pool: bool, a: u64, b: u64 },
    Swap { user: bool, pool: bool, given_out: bool, forward: bool, amount: u64, internal: bool },
    TwoPoolBatch { user: bool, given_out: bool, amount: u64 },
    Deposit { user: bool, token: u8, amount: u64 },
    Withdraw { user: bool, token: u8, amount: u64 },
    Transfer { user: bool, token: u8, amount: u64 },
}

fn op_strategy() -> impl Strategy<Value = Op> {
    let amt = || 1u64..=5_000_000_000;
    prop_oneof![
        (any::<bool>(), any::<bool>(), amt(), amt()).prop_map(|(user, pool, a, b)| Op::JoinExactTokensIn { user, pool, a, b }),
        (any::<bool>(), any::<bool>(), amt()).prop_map(|(user, pool, bpt)| Op::JoinProportional { user, pool, bpt }),
        (any::<bool>(), any::<bool>(), amt(), any::<bool>()).prop_map(|(user, pool, bpt, token)| Op::JoinSingleToken { user, pool, bpt, token }),
        (any::<bool>(), any::<bool>(), 1u64..=1000).prop_map(|(user, pool, permille)| Op::ExitProportional { user, pool, permille }),
        (any::<bool>(), any::<bool>(), 1u64..=300, any::<bool>()).prop_map(|(user, pool, permille, token)| Op::ExitSingleToken { user, pool, permille, token }),
        (any::<bool>(), any::<bool>(), amt(), amt()).prop_map(|(user, pool, a, b)| Op::ExitExactTokensOut { user, pool, a, b }),
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), amt(), any::<bool>())
            .prop_map(|(user, pool, given_out, forward, amount, internal)| Op::Swap { user, pool, given_out, forward, amount, internal }),
        (any::<bool>(), any::<bool>(), amt()).prop_map(|(user, given_out, amount)| Op::TwoPoolBatch { user, given_out, amount }),
        (any::<bool>(), 0u8..3, amt()).prop_map(|(user, token, amount)| Op::Deposit { user, token, amount }),
        (any::<bool>(), 0u8..3, amt()).prop_map(|(user, token, amount)| Op::Withdraw { user, token, amount }),
        (any::<bool>(), 0u8..3, amt()).prop_map(|(user, token, amount)| Op::Transfer { user, token, amount }),
    ]
}

/// Amounts are drawn in "units" and scaled per token so that both the 6- and the
/// 18-decimal tokens see comparable values: `units * 10^(decimals - 3)`.
fn in_token(f: &mut PoolFixture, token: Address, units: u64) -> U256 {
    let d = u64::from(f.decimals_of(token));
    U256::from(units) * U256::from(10u8).pow(U256::from(d.saturating_sub(3)))
}

#[test]
fn random_operation_sequences_keep_the_vault_exactly_solvent() {
    let f = RefCell::new(PoolFixture::new());
    let (pools, users, all_tokens) = {
        let mut f = f.borrow_mut();
        let t = f.vf.tokens.clone();
        // Pool A: the 18/6-decimal pair 80/20; pool B: tokens 1 and 2 at 50/50 (shares one
        // token with A so that a two-pool batch can route A -> B).
        let a = f.funded_80_20();
        let b_tokens = vec![t[1], t[2]];
        let b = f.create(&b_tokens, &[e(5, 17), e(5, 17)], e(3, 15));
        let amounts: Vec<U256> = b_tokens.iter().map(|tok| U256::from(500u32) * U256::from(10u8).pow(U256::from(f.decimals_of(*tok)))).collect();
        let alice = f.vf.alice;
        f.init_join(&b, alice, &amounts);
        (vec![a, b], [f.vf.alice, f.vf.bob], t)
    };
    let succeeded = RefCell::new(0u32);
    let total = RefCell::new(0u32);
    let strategy = prop::collection::vec(op_strategy(), 5..25);
    runner()
        .run(&strategy, |ops| {
            let mut f = f.borrow_mut();
            for op in &ops {
                let r = apply(&mut f, &pools, &users, &all_tokens, op);
                *total.borrow_mut() += 1;
                *succeeded.borrow_mut() += u32::from(r);
                let ids: Vec<_> = pools.iter().map(|p| p.pool_id).collect();
                for &tok in &all_tokens {
                    let vault = f.vf.vault;
                    let held = f.vf.balance_of(tok, vault);
                    let owed = f.vf.owed(tok, &ids, &users);
                    let admin = f.vf.admin;
                    let collected = f.vf.internal(admin, tok);
                    prop_assert_eq!(held, owed + collected, "token {} after {:?} ({})", tok, op, if r { "ok" } else { "refused" });
                }
                for p in &pools {
                    let supply = f.supply(p);
                    let held: U256 = [users[0], users[1], Address::ZERO, f.vf.admin].iter().map(|u| f.bpt_balance(p, *u)).fold(U256::ZERO, |s, x| s + x);
                    prop_assert_eq!(supply, held, "BPT supply vs holders after {:?}", op);
                }
            }
            Ok(())
        })
        .unwrap();
    let (ok, all) = (*succeeded.borrow(), *total.borrow());
    assert!(ok * 3 >= all, "most operations should succeed ({ok}/{all}) for the property to mean anything");
}

/// Runs one operation; true if it succeeded. A refused operation is fine (the property
/// checks that it changed nothing the Vault owes).
fn apply(f: &mut PoolFixture, pools: &[Pool], users: &[Address; 2], tokens: &[Address], op: &Op) -> bool {
    let who = |u: bool| users[usize::from(u)];
    let pick = |p: bool| &pools[usize::from(p)];
    match *op {
        Op::JoinExactTokensIn { user, pool, a, b } => {
            let p = pick(pool);
            let amounts = vec![in_token(f, p.tokens[0], a), in_token(f, p.tokens[1], b)];
            f.join(p, who(user), (U256::from(1u8), amounts, U256::ZERO).abi_encode_params()).success
        }
        Op::JoinProportional { user, pool, bpt } => {
            let p = pick(pool);
            f.join(p, who(user), (U256::from(3u8), U256::from(bpt) * e(1, 6)).abi_encode_params()).success
        }
        Op::JoinSingleToken { user, pool, bpt, token } => {
            let p = pick(pool);
            let data = (U256::from(2u8), U256::from(bpt) * e(1, 6), U256::from(u8::from(token))).abi_encode_params();
            f.join(p, who(user), data).success
        }
        Op::ExitProportional { user, pool, permille } => {
            let p = pick(pool);
            let bpt = f.bpt_balance(p, who(user)) * U256::from(permille) / U256::from(1000u32);
            f.exit(p, who(user), (U256::from(1u8), bpt).abi_encode_params()).success
        }
        Op::ExitSingleToken { user, pool, permille, token } => {
            let p = pick(pool);
            let bpt = f.bpt_balance(p, who(user)) * U256::from(permille) / U256::from(1000u32);
            f.exit(p, who(user), (U256::ZERO, bpt, U256::from(u8::from(token))).abi_encode_params()).success
        }
        Op::ExitExactTokensOut { user, pool, a, b } => {
            let p = pick(pool);
            let amounts = vec![in_token(f, p.tokens[0], a), in_token(f, p.tokens[1], b)];
            f.exit(p, who(user), (U256::from(2u8), amounts, U256::MAX).abi_encode_params()).success
        }
        Op::Swap { user, pool, given_out, forward, amount, internal } => {
            let p = pick(pool);
            let (i, o) = if forward { (p.tokens[0], p.tokens[1]) } else { (p.tokens[1], p.tokens[0]) };
            let kind = if given_out { GIVEN_OUT } else { GIVEN_IN };
            let amount = in_token(f, if given_out { o } else { i }, amount);
            let mut call = f.vf.swap_call(p.pool_id, kind, i, o, amount, who(user), if given_out { U256::MAX } else { U256::ZERO });
            call.funds = funds(who(user), internal);
            f.vf.call(who(user), &call).success
        }
        Op::TwoPoolBatch { user, given_out, amount } => {
            // A: x -> shared token; B: shared token -> y (GIVEN_IN chains forward, GIVEN_OUT backward).
            let (a, b) = (&pools[0], &pools[1]);
            let shared = *a.tokens.iter().find(|t| b.tokens.contains(t)).expect("pools share a token");
            let x = *a.tokens.iter().find(|t| **t != shared).expect("other token of A");
            let y = *b.tokens.iter().find(|t| **t != shared).expect("other token of B");
            let assets = vec![x, shared, y];
            let step = |id, i: u8, o: u8, amount| v::BatchSwapStep { poolId: id, assetInIndex: U256::from(i), assetOutIndex: U256::from(o), amount, userData: Bytes::new() };
            let (kind, swaps) = if given_out {
                let out = in_token(f, y, amount);
                (GIVEN_OUT, vec![step(b.pool_id, 1, 2, out), step(a.pool_id, 0, 1, U256::ZERO)])
            } else {
                let inp = in_token(f, x, amount);
                (GIVEN_IN, vec![step(a.pool_id, 0, 1, inp), step(b.pool_id, 1, 2, U256::ZERO)])
            };
            let call = v::batchSwapCall { kind, swaps, assets, funds: funds(who(user), false), limits: vec![I256::MAX; 3], deadline: U256::MAX };
            f.vf.call(who(user), &call).success
        }
        Op::Deposit { user, token, amount } => balance_op(f, 0, tokens[usize::from(token)], amount, who(user), who(user)),
        Op::Withdraw { user, token, amount } => balance_op(f, 1, tokens[usize::from(token)], amount, who(user), who(user)),
        Op::Transfer { user, token, amount } => balance_op(f, 2, tokens[usize::from(token)], amount, who(user), who(!user)),
    }
}

fn balance_op(f: &mut PoolFixture, kind: u8, asset: Address, units: u64, sender: Address, recipient: Address) -> bool {
    let amount = in_token(f, asset, units);
    let op = v::UserBalanceOp { kind, asset, amount, sender, recipient };
    f.vf.call(sender, &v::manageUserBalanceCall { ops: vec![op] }).success
}
