//! Single swaps, batch swaps, queries and internal-balance settlement, against test pools
//! whose `onSwap` reply the test sets (so every amount below is exact).

use alloy_primitives::{Address, Bytes, B256, U256};
use alloy_sol_types::SolCall;
use integration::vault_fixture::*;

const SEED: u64 = 24; // 1e24 units of each token in each pool

struct Setup {
    f: VaultFixture,
    pool: Address,
    id: B256,
    t: Vec<Address>,
}

fn setup() -> Setup {
    let mut f = VaultFixture::new();
    let t = vec![f.tokens[0], f.tokens[1]];
    let (pool, id) = f.test_pool(TWO_TOKEN, &t);
    f.seed(pool, id, f.bob, &t, &[pow10(SEED), pow10(SEED)]);
    Setup { f, pool, id, t }
}

#[test]
fn swap_given_in_moves_exact_amounts() {
    let Setup { mut f, pool, id, t } = setup();
    f.set_swap_return(pool, U256::from(90u8));
    let (a0, a1) = (f.balance_of(t[0], f.alice), f.balance_of(t[1], f.alice));
    let call = f.swap_call(id, GIVEN_IN, t[0], t[1], U256::from(100u8), f.alice, U256::from(90u8));
    let r = f.ok(f.alice, &call);
    assert_eq!(v::swapCall::abi_decode_returns(&r.output).unwrap(), U256::from(90u8));
    assert_eq!(f.balance_of(t[0], f.alice), a0 - U256::from(100u8));
    assert_eq!(f.balance_of(t[1], f.alice), a1 + U256::from(90u8));
    assert_eq!(f.pool_balances(id), vec![pow10(SEED) + U256::from(100u8), pow10(SEED) - U256::from(90u8)]);
    let ev = r.events::<v::Swap>();
    assert_eq!(ev.len(), 1);
    assert_eq!((ev[0].poolId, ev[0].tokenIn, ev[0].tokenOut), (id, t[0], t[1]));
    assert_eq!((ev[0].amountIn, ev[0].amountOut), (U256::from(100u8), U256::from(90u8)));
    // the pool saw the balances before the swap, in (in, out) order
    let seen_in = f.bed.view_sol(pool, &IMaliciousPool::lastBalanceTokenInCall {}).unwrap();
    assert_eq!(seen_in, pow10(SEED));
    // reverse direction: balances given to the pool follow the token order asked
    let call = f.swap_call(id, GIVEN_IN, t[1], t[0], U256::from(5u8), f.alice, U256::ZERO);
    f.ok(f.alice, &call);
    let seen_in = f.bed.view_sol(pool, &IMaliciousPool::lastBalanceTokenInCall {}).unwrap();
    assert_eq!(seen_in, pow10(SEED) - U256::from(90u8));
}

#[test]
fn swap_given_out_and_limits() {
    let Setup { mut f, pool, id, t } = setup();
    f.set_swap_return(pool, U256::from(120u8)); // amount in for 100 out
    let call = f.swap_call(id, GIVEN_OUT, t[0], t[1], U256::from(100u8), f.alice, U256::from(119u8));
    f.fails_with::<_, e::SwapLimit>(f.alice, &call);
    assert_eq!(f.pool_balances(id), vec![pow10(SEED); 2], "a failed swap changes nothing");
    let call = f.swap_call(id, GIVEN_OUT, t[0], t[1], U256::from(100u8), f.alice, U256::from(120u8));
    let r = f.ok(f.alice, &call);
    assert_eq!(v::swapCall::abi_decode_returns(&r.output).unwrap(), U256::from(120u8));
    assert_eq!(f.pool_balances(id), vec![pow10(SEED) + U256::from(120u8), pow10(SEED) - U256::from(100u8)]);
    // GIVEN_IN limit is a minimum out
    f.set_swap_return(pool, U256::from(10u8));
    let call = f.swap_call(id, GIVEN_IN, t[0], t[1], U256::from(100u8), f.alice, U256::from(11u8));
    f.fails_with::<_, e::SwapLimit>(f.alice, &call);
}

#[test]
fn swap_rejects_bad_input() {
    let Setup { mut f, pool, id, t } = setup();
    f.set_swap_return(pool, U256::from(1u8));
    let c = f.swap_call(id, GIVEN_IN, t[0], t[0], U256::from(1u8), f.alice, U256::ZERO);
    f.fails_with::<_, e::CannotSwapSameToken>(f.alice, &c);
    let c = f.swap_call(id, GIVEN_IN, t[0], t[1], U256::ZERO, f.alice, U256::ZERO);
    f.fails_with::<_, e::UnknownAmountInFirstSwap>(f.alice, &c);
    let c = f.swap_call(id, GIVEN_IN, t[0], f.tokens[2], U256::from(1u8), f.alice, U256::ZERO);
    f.fails_with::<_, e::TokenNotRegistered>(f.alice, &c);
    let mut c = f.swap_call(id, GIVEN_IN, t[0], t[1], U256::from(1u8), f.alice, U256::ZERO);
    f.bed.advance_time(100);
    c.deadline = U256::from(f.bed.block_timestamp() - 1);
    f.fails_with::<_, e::SwapDeadline>(f.alice, &c);
    // GENERAL / unknown specialization in the id
    let mut bad_id = id;
    bad_id[21] = 0;
    let c = f.swap_call(bad_id, GIVEN_IN, t[0], t[1], U256::from(1u8), f.alice, U256::ZERO);
    f.fails_with::<_, e::InvalidPoolId>(f.alice, &c);
    // swapping on behalf of bob needs bob's approval
    let mut c = f.swap_call(id, GIVEN_IN, t[0], t[1], U256::from(1u8), f.bob, U256::ZERO);
    c.funds.recipient = f.alice;
    f.fails_with::<_, e::RelayerNotApproved>(f.alice, &c);
    // invalid enum value in calldata
    let mut data = f.swap_call(id, GIVEN_IN, t[0], t[1], U256::from(1u8), f.alice, U256::ZERO).abi_encode();
    // SingleSwap.kind is the second word of the tuple the first head word points to
    let off = 4 + 32 * 7 + 32 + 31;
    data[off] = 2;
    let r = f.bed.call(f.alice, f.vault, data, U256::ZERO);
    assert_reverted_with::<e::MalformedCalldata>(&r);
    let r = f.bed.call(f.alice, f.vault, vec![0xde, 0xad, 0xbe, 0xef], U256::ZERO);
    assert_reverted_with::<e::UnknownFunction>(&r);
    assert_eq!(f.pool_balances(id), vec![pow10(SEED); 2]);
}

fn step(id: B256, i: u64, o: u64, amount: U256) -> v::BatchSwapStep {
    v::BatchSwapStep { poolId: id, assetInIndex: U256::from(i), assetOutIndex: U256::from(o), amount, userData: Bytes::new() }
}

#[test]
fn batch_swap_multi_hop_nets_deltas_and_query_matches() {
    let Setup { mut f, pool, id, t } = setup();
    let t2 = f.tokens[2];
    let (pool_b, id_b) = f.test_pool(TWO_TOKEN, &[t[1], t2]);
    f.seed(pool_b, id_b, f.bob, &[t[1], t2], &[pow10(SEED), pow10(SEED)]);
    f.set_swap_return(pool, U256::from(900u32)); // 1000 t0 -> 900 t1
    f.set_swap_return(pool_b, U256::from(800u32)); // 900 t1 -> 800 t2
    let assets = vec![t[0], t[1], t2];
    let steps = vec![step(id, 0, 1, U256::from(1000u32)), step(id_b, 1, 2, U256::ZERO)];
    let query = v::queryBatchSwapCall { kind: GIVEN_IN, swaps: steps.clone(), assets: assets.clone(), funds: funds(f.alice, false) };
    let r = f.ok(f.alice, &query);
    let expected = vec![i(1000), i(0), i(-800)];
    assert_eq!(v::queryBatchSwapCall::abi_decode_returns(&r.output).unwrap(), expected);
    assert!(r.logs.is_empty(), "queries emit nothing");
    assert_eq!(f.pool_balances(id), vec![pow10(SEED); 2], "queries write nothing");
    // (this test pool records every onSwap in storage, so a STATICCALL query would fail
    // inside the pool; eth_call-style simulation is what integrators use)

    let a2 = f.balance_of(t2, f.alice);
    let mut call = v::batchSwapCall {
        kind: GIVEN_IN,
        swaps: steps.clone(),
        assets: assets.clone(),
        funds: funds(f.alice, false),
        limits: vec![i(1000), i(0), i(-801)],
        deadline: U256::MAX,
    };
    f.fails_with::<_, e::SwapLimit>(f.alice, &call);
    call.limits = vec![i(1000), i(0), i(-800)];
    let r = f.ok(f.alice, &call);
    assert_eq!(v::batchSwapCall::abi_decode_returns(&r.output).unwrap(), expected);
    assert_eq!(r.events::<v::Swap>().len(), 2);
    assert_eq!(f.balance_of(t2, f.alice), a2 + U256::from(800u32));
    assert_eq!(f.pool_balances(id), vec![pow10(SEED) + U256::from(1000u32), pow10(SEED) - U256::from(900u32)]);
    assert_eq!(f.pool_balances(id_b), vec![pow10(SEED) + U256::from(900u32), pow10(SEED) - U256::from(800u32)]);
    // the intermediate token never moved: the Vault holds exactly what pools own
    assert_eq!(f.balance_of(t[1], f.vault), f.owed(t[1], &[id, id_b], &[]));

    // V2 multihop rules
    let bad = vec![step(id, 0, 1, U256::from(10u8)), step(id_b, 2, 1, U256::ZERO)];
    call.swaps = bad;
    call.limits = vec![i(i128::MAX); 3];
    f.fails_with::<_, e::MalconstructedMultihopSwap>(f.alice, &call);
    call.swaps = vec![step(id, 0, 1, U256::ZERO)];
    f.fails_with::<_, e::UnknownAmountInFirstSwap>(f.alice, &call);
    call.swaps = vec![step(id, 0, 5, U256::from(1u8))];
    f.fails_with::<_, e::OutOfBounds>(f.alice, &call);
    call.swaps = steps;
    call.limits = vec![i(0); 2];
    f.fails_with::<_, e::InputLengthMismatch>(f.alice, &call);
}

#[test]
fn batch_swap_same_pool_twice_reads_updated_balances() {
    let Setup { mut f, pool, id, t } = setup();
    f.set_swap_return(pool, U256::from(50u8));
    let assets = vec![t[0], t[1]];
    let steps = vec![step(id, 0, 1, U256::from(60u8)), step(id, 0, 1, U256::from(70u8))];
    let call = v::batchSwapCall { kind: GIVEN_IN, swaps: steps, assets, funds: funds(f.alice, false), limits: vec![i(130), i(-100)], deadline: U256::MAX };
    f.ok(f.alice, &call);
    // second hop saw the first one's balances
    let seen_in = f.bed.view_sol(pool, &IMaliciousPool::lastBalanceTokenInCall {}).unwrap();
    assert_eq!(seen_in, pow10(SEED) + U256::from(60u8));
    assert_eq!(f.pool_balances(id), vec![pow10(SEED) + U256::from(130u8), pow10(SEED) - U256::from(100u8)]);
}

#[test]
fn swaps_settle_through_internal_balances() {
    let Setup { mut f, pool, id, t } = setup();
    let deposit = v::UserBalanceOp { kind: 0, asset: t[0], amount: U256::from(1000u32), sender: f.alice, recipient: f.alice };
    f.ok(f.alice, &v::manageUserBalanceCall { ops: vec![deposit] });
    assert_eq!(f.internal(f.alice, t[0]), U256::from(1000u32));
    f.set_swap_return(pool, U256::from(333u32));
    let (w0, w1) = (f.balance_of(t[0], f.alice), f.balance_of(t[1], f.alice));
    let mut call = f.swap_call(id, GIVEN_IN, t[0], t[1], U256::from(400u32), f.alice, U256::ZERO);
    call.funds = funds(f.alice, true);
    f.ok(f.alice, &call);
    assert_eq!(f.internal(f.alice, t[0]), U256::from(600u32));
    assert_eq!(f.internal(f.alice, t[1]), U256::from(333u32));
    assert_eq!((f.balance_of(t[0], f.alice), f.balance_of(t[1], f.alice)), (w0, w1), "wallet untouched");
    // more than the internal balance: the rest comes from the wallet (V2 semantics)
    let mut call = f.swap_call(id, GIVEN_IN, t[0], t[1], U256::from(700u32), f.alice, U256::ZERO);
    call.funds = funds(f.alice, true);
    f.ok(f.alice, &call);
    assert_eq!(f.internal(f.alice, t[0]), U256::ZERO);
    assert_eq!(f.balance_of(t[0], f.alice), w0 - U256::from(100u32));
    for tok in t.clone() {
        let held = f.balance_of(tok, f.vault);
        let owed = f.owed(tok, &[id], &[f.alice, f.bob]);
        assert_eq!(held, owed);
    }
}

#[test]
fn minimal_swap_info_pool_swaps_any_pair() {
    let mut f = VaultFixture::new();
    let t = f.tokens.clone();
    let (pool, id) = f.test_pool(MINIMAL_SWAP_INFO, &t);
    f.seed(pool, id, f.bob, &t, &[pow10(20), pow10(8), pow10(20)]);
    f.set_swap_return(pool, U256::from(7u8));
    let c = f.swap_call(id, GIVEN_IN, t[2], t[0], U256::from(9u8), f.alice, U256::ZERO);
    f.ok(f.alice, &c);
    assert_eq!(f.pool_balances(id), vec![pow10(20) - U256::from(7u8), pow10(8), pow10(20) + U256::from(9u8)]);
    let info = f.view(&v::getPoolTokenInfoCall { poolId: id, token: t[2] });
    assert_eq!(info.cash, pow10(20) + U256::from(9u8));
    assert_eq!(info.managed, U256::ZERO);
    assert_eq!(info.assetManager, Address::ZERO);
}
