//! Adversarial pools and tokens, and an invariant over random operation sequences:
//! the Vault always holds at least what pools and users are owed.

use alloy_primitives::{Address, Bytes, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolValue};
use integration::vault_fixture::*;

fn op(kind: u8, asset: Address, amount: U256, sender: Address, recipient: Address) -> v::UserBalanceOp {
    v::UserBalanceOp { kind, asset, amount, sender, recipient }
}

#[test]
fn a_malicious_pool_cannot_take_other_pools_tokens() {
    let mut f = VaultFixture::new();
    let t = vec![f.tokens[0], f.tokens[1]];
    let (honest, honest_id) = f.test_pool(TWO_TOKEN, &t);
    f.seed(honest, honest_id, f.bob, &t, &[pow10(24), pow10(24)]);
    let (evil, evil_id) = f.test_pool(TWO_TOKEN, &t);
    f.seed(evil, evil_id, f.alice, &t, &[U256::from(10u8), U256::from(10u8)]);
    // asks for everything the Vault holds
    f.set_swap_return(evil, pow10(24));
    let c = f.swap_call(evil_id, GIVEN_IN, t[0], t[1], U256::from(1u8), f.alice, U256::ZERO);
    f.fails_with::<_, e::InsufficientPoolBalance>(f.alice, &c);
    f.set_exit_return(evil, &[pow10(24), U256::ZERO], &[U256::ZERO, U256::ZERO]);
    let x = f.exit_call(evil_id, f.alice, &t, vec![U256::ZERO; 2], false);
    f.fails_with::<_, e::InsufficientPoolBalance>(f.alice, &x);
    // fees larger than the balance cannot be booked either
    f.set_exit_return(evil, &[U256::ZERO, U256::ZERO], &[U256::from(11u8), U256::ZERO]);
    f.fails_with::<_, e::InsufficientPoolBalance>(f.alice, &x);
    // a balance beyond 112 bits is refused
    f.set_join_return(evil, &[U256::from(1u8) << 112, U256::ZERO], &[U256::ZERO, U256::ZERO]);
    f.fund(t[0], f.alice, U256::from(1u8) << 113);
    let j = f.join_call(evil_id, f.alice, &t, vec![U256::MAX; 2], false);
    f.fails_with::<_, e::BalanceTooLarge>(f.alice, &j);
    assert_eq!(f.pool_balances(honest_id), vec![pow10(24), pow10(24)]);
    assert_eq!(f.pool_balances(evil_id), vec![U256::from(10u8), U256::from(10u8)]);
}

#[test]
fn malformed_or_reverting_hooks() {
    let mut f = VaultFixture::new();
    let t = vec![f.tokens[0], f.tokens[1]];
    let (pool, id) = f.test_pool(TWO_TOKEN, &t);
    f.seed(pool, id, f.alice, &t, &[U256::from(100u8), U256::from(100u8)]);
    // wrong array lengths
    f.set_join_return(pool, &[U256::from(1u8)], &[U256::ZERO]);
    let j = f.join_call(id, f.alice, &t, vec![U256::MAX; 2], false);
    f.fails_with::<_, e::InvalidPoolResponse>(f.alice, &j);
    // garbage replies
    for (hook, data) in [(0u8, vec![1u8, 2, 3]), (1u8, vec![0xff; 64])] {
        let c = IMaliciousPool::setRawReturnCall { hook, data: Bytes::from(data) };
        f.bed.call_sol(f.admin, pool, &c).unwrap();
    }
    let s = f.swap_call(id, GIVEN_IN, t[0], t[1], U256::from(1u8), f.alice, U256::ZERO);
    f.fails_with::<_, e::InvalidPoolResponse>(f.alice, &s);
    f.fails_with::<_, e::InvalidPoolResponse>(f.alice, &j);
    // a reverting hook's error reaches the caller unchanged
    f.bed.call_sol(f.admin, pool, &IMaliciousPool::setHookRevertCall { on: true }).unwrap();
    let r = f.call(f.alice, &s);
    assert!(!r.success);
    assert_eq!(&r.output[..4], &alloy_primitives::keccak256("PoolHookReverted()")[..4]);
    assert_eq!(f.pool_balances(id), vec![U256::from(100u8); 2]);
}

#[test]
fn a_pool_cannot_reenter_or_read_half_updated_state() {
    let mut f = VaultFixture::new();
    let t = vec![f.tokens[0], f.tokens[1]];
    let (pool, id) = f.test_pool(TWO_TOKEN, &t);
    f.seed(pool, id, f.alice, &t, &[U256::from(100u8), U256::from(100u8)]);
    f.set_swap_return(pool, U256::from(1u8));
    let s = f.swap_call(id, GIVEN_IN, t[0], t[1], U256::from(1u8), f.alice, U256::ZERO);
    let probes: Vec<Vec<u8>> = vec![
        v::getPoolTokensCall { poolId: id }.abi_encode(),
        v::getInternalBalanceCall { user: f.alice, tokens: vec![t[0]] }.abi_encode(),
        v::getPoolTokenInfoCall { poolId: id, token: t[0] }.abi_encode(),
        v::manageUserBalanceCall { ops: vec![op(0, t[0], U256::from(1u8), pool, pool)] }.abi_encode(),
        s.abi_encode(),
        v::queryBatchSwapCall { kind: 0, swaps: vec![], assets: vec![], funds: funds(f.alice, false) }.abi_encode(),
    ];
    for data in probes {
        f.bed.call_sol(f.admin, pool, &IMaliciousPool::setReentryCall { callData: data.into() }).unwrap();
        f.ok(f.alice, &s);
        let ok = f.bed.view_sol(pool, &IMaliciousPool::lastReentrySucceededCall {}).unwrap();
        let ret = f.bed.view_sol(pool, &IMaliciousPool::lastReentryReturnDataCall {}).unwrap();
        assert!(!ok);
        assert_eq!(&ret[..], &e::Reentrancy::SELECTOR[..]);
    }
}

#[test]
fn token_edge_cases() {
    let mut f = VaultFixture::new();
    let a = f.alice;
    let args = ("X".to_string(), "X".to_string(), U256::from(6u8)).abi_encode_params();
    // USDT-style: no return value, works
    let no_ret = f.bed.deploy_artifact("NoReturnToken", &args).unwrap();
    f.fund(no_ret, a, pow10(12));
    f.ok(a, &v::manageUserBalanceCall { ops: vec![op(0, no_ret, U256::from(77u8), a, a)] });
    f.ok(a, &v::manageUserBalanceCall { ops: vec![op(1, no_ret, U256::from(7u8), a, a)] });
    assert_eq!(f.internal(a, no_ret), U256::from(70u8));
    // returns false: typed error naming the token
    let falsy = f.bed.deploy_artifact("ReturnsFalseToken", &args).unwrap();
    f.fund(falsy, a, pow10(12));
    f.bed.call(a, falsy, alloy_primitives::keccak256("setAlwaysFail(bool)")[..4].iter().copied().chain(true.abi_encode()).collect::<Vec<u8>>(), U256::ZERO);
    let r = f.call(a, &v::manageUserBalanceCall { ops: vec![op(0, falsy, U256::from(1u8), a, a)] });
    assert_reverted_with::<e::TokenCallFailed>(&r);
    assert_eq!(e::TokenCallFailed::abi_decode(&r.output).unwrap().token, falsy);
    assert_eq!(f.internal(a, falsy), U256::ZERO);
    // reverting token
    let rev = f.bed.deploy_artifact("RevertingToken", &args).unwrap();
    f.fund(rev, a, pow10(12));
    f.bed.call(a, rev, alloy_primitives::keccak256("setTransfersReverting(bool)")[..4].iter().copied().chain(true.abi_encode()).collect::<Vec<u8>>(), U256::ZERO);
    let r = f.call(a, &v::manageUserBalanceCall { ops: vec![op(0, rev, U256::from(1u8), a, a)] });
    assert_reverted_with::<e::TokenCallFailed>(&r);
    // an account without code is not a token
    let r = f.call(a, &v::manageUserBalanceCall { ops: vec![op(0, f.bob, U256::from(1u8), a, a)] });
    assert_reverted_with::<e::TokenCallFailed>(&r);
    assert_eq!(f.internal(a, f.bob), U256::ZERO);
}

/// Deterministic pseudo-random sequences (xorshift) of joins, exits, swaps, batch swaps,
/// deposits, withdrawals and internal transfers with random amounts and random pool
/// replies; after every step the Vault must hold at least what it owes, and exactly
/// that (no token leaves or enters except through these operations).
#[test]
fn random_sequences_keep_the_vault_solvent() {
    let mut f = VaultFixture::new();
    let t = f.tokens.clone();
    let users = [f.alice, f.bob];
    let (p2, id2) = f.test_pool(TWO_TOKEN, &[t[0], t[1]]);
    let (p3, id3) = f.test_pool(MINIMAL_SWAP_INFO, &t);
    f.seed(p2, id2, f.bob, &[t[0], t[1]], &[pow10(20), pow10(20)]);
    f.seed(p3, id3, f.bob, &t, &[pow10(20), pow10(20), pow10(20)]);
    let pools: [(Address, B256, Vec<Address>); 2] = [(p2, id2, vec![t[0], t[1]]), (p3, id3, t.clone())];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut rnd = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut ok = 0;
    for _ in 0..60 {
        let user = users[rnd(2) as usize];
        let (pool, id, ptoks) = pools[rnd(2) as usize].clone();
        let amount = U256::from(rnd(1_000_000_000)) * pow10(rnd(12));
        let r = match rnd(6) {
            0 => {
                let amounts: Vec<U256> = ptoks.iter().map(|_| U256::from(rnd(1_000_000))).collect();
                f.set_join_return(pool, &amounts, &vec![U256::ZERO; amounts.len()]);
                let c = f.join_call(id, user, &ptoks, vec![U256::MAX; ptoks.len()], rnd(2) == 0);
                f.call(user, &c)
            }
            1 => {
                let amounts: Vec<U256> = ptoks.iter().map(|_| U256::from(rnd(2_000_000))).collect();
                f.set_exit_return(pool, &amounts, &vec![U256::ZERO; amounts.len()]);
                let c = f.exit_call(id, user, &ptoks, vec![U256::ZERO; ptoks.len()], rnd(2) == 0);
                f.call(user, &c)
            }
            2 => {
                f.set_swap_return(pool, U256::from(rnd(3_000_000)));
                let (i, o) = (ptoks[0], ptoks[ptoks.len() - 1]);
                let mut c = f.swap_call(id, rnd(2) as u8, i, o, amount.max(U256::from(1u8)), user, U256::ZERO);
                c.limit = if c.singleSwap.kind == GIVEN_IN { U256::ZERO } else { U256::MAX };
                c.funds = funds(user, rnd(2) == 0);
                f.call(user, &c)
            }
            3 => f.call(user, &v::manageUserBalanceCall { ops: vec![op(0, t[rnd(3) as usize], amount, user, users[rnd(2) as usize])] }),
            4 => f.call(user, &v::manageUserBalanceCall { ops: vec![op(1, t[rnd(3) as usize], U256::from(rnd(5_000_000)), user, user)] }),
            _ => f.call(user, &v::manageUserBalanceCall { ops: vec![op(2, t[rnd(3) as usize], U256::from(rnd(5_000_000)), user, users[rnd(2) as usize])] }),
        };
        ok += r.success as u32;
        for &tok in &t {
            let held = f.balance_of(tok, f.vault);
            let owed = f.owed(tok, &[id2, id3], &users);
            let fees = f.internal(f.admin, tok);
            assert_eq!(held, owed + fees, "token {tok} after a {} op", if r.success { "successful" } else { "failed" });
        }
    }
    assert!(ok > 20, "the sequence should mostly succeed ({ok}/60)");
}
