//! Vault registry, joins and exits, with a test pool whose hook replies the test sets.
//! Run: `bash deploy/build-contracts.sh && node tests/solidity/build.mjs &&
//! cargo test -p integration --test vault_registry`.

use alloy_primitives::{Address, Bytes, B256, U256};
use alloy_sol_types::{SolCall, SolEvent};
use integration::vault_fixture::*;

fn two_token(f: &mut VaultFixture) -> (Address, B256, Vec<Address>) {
    let tokens = vec![f.tokens[0], f.tokens[1]];
    let (pool, id) = f.test_pool(TWO_TOKEN, &tokens);
    (pool, id, tokens)
}

#[test]
fn registers_two_token_pool_with_v2_pool_id() {
    let mut f = VaultFixture::new();
    let (pool, id, tokens) = two_token(&mut f);
    assert_eq!(&id[..20], pool.as_slice(), "poolId starts with the pool address");
    assert_eq!(&id[20..22], &[0, TWO_TOKEN], "then the specialization");
    let got = f.view(&v::getPoolCall { poolId: id });
    assert_eq!((got._0, got._1), (pool, TWO_TOKEN));
    let t = f.view(&v::getPoolTokensCall { poolId: id });
    assert_eq!(t.tokens, tokens);
    assert_eq!(t.balances, vec![U256::ZERO; 2]);
    // a second pool gets the next nonce
    let (_, id2) = f.test_pool(MINIMAL_SWAP_INFO, &[f.tokens[2], f.tokens[0], f.tokens[1]]);
    assert_eq!(id2[31], id[31] + 1);
    let t = f.view(&v::getPoolTokensCall { poolId: id2 });
    assert_eq!(t.tokens, vec![f.tokens[2], f.tokens[0], f.tokens[1]], "registration order kept");
}

#[test]
fn registration_rules() {
    let mut f = VaultFixture::new();
    let pool = f.bed.deploy_artifact("MaliciousPool", &f.vault.abi_encode_word()).unwrap();
    // GENERAL is refused
    let r = f.bed.call(f.admin, pool, IMaliciousPool::registerCall { specialization: 0, tokens: vec![f.tokens[0]] }.abi_encode(), U256::ZERO);
    assert_reverted_with::<e::UnsupportedSpecialization>(&r);
    // two-token pools need sorted tokens
    let unsorted = vec![f.tokens[1], f.tokens[0]];
    let r = f.bed.call(f.admin, pool, IMaliciousPool::registerCall { specialization: TWO_TOKEN, tokens: unsorted }.abi_encode(), U256::ZERO);
    assert_reverted_with::<e::UnsortedTokens>(&r);
    // and exactly two
    let r = f.bed.call(f.admin, pool, IMaliciousPool::registerCall { specialization: TWO_TOKEN, tokens: f.tokens.clone() }.abi_encode(), U256::ZERO);
    assert_reverted_with::<e::TokensLengthMustBe2>(&r);

    let (pool, id) = f.test_pool(MINIMAL_SWAP_INFO, &[f.tokens[0]]);
    // only the pool registers its tokens
    let reg = v::registerTokensCall { poolId: id, tokens: vec![f.tokens[1]], assetManagers: vec![Address::ZERO] };
    f.fails_with::<_, e::CallerNotPool>(f.alice, &reg);
    // asset managers are not supported
    let with_manager = v::registerTokensCall { poolId: id, tokens: vec![f.tokens[1]], assetManagers: vec![f.alice] };
    let r = f.bed.call(f.admin, pool, IMaliciousPool::callVaultCall { data: with_manager.abi_encode().into() }.abi_encode(), U256::ZERO);
    assert_reverted_with::<e::AssetManagersUnsupported>(&r);
    // no duplicates, no zero token, lengths must match
    for (tokens, managers) in [
        (vec![f.tokens[0]], vec![Address::ZERO]),
        (vec![Address::ZERO], vec![Address::ZERO]),
        (vec![f.tokens[1]], vec![]),
    ] {
        let call = v::registerTokensCall { poolId: id, tokens, assetManagers: managers };
        let r = f.bed.call(f.admin, pool, IMaliciousPool::callVaultCall { data: call.abi_encode().into() }.abi_encode(), U256::ZERO);
        assert!(!r.success);
    }
    // nothing changed
    assert_eq!(f.view(&v::getPoolTokensCall { poolId: id }).tokens, vec![f.tokens[0]]);
    // unknown pool ids
    let unknown = B256::repeat_byte(7);
    let r = f.bed.static_call(f.alice, f.vault, v::getPoolCall { poolId: unknown }.abi_encode());
    assert_reverted_with::<e::InvalidPoolId>(&r);
}

#[test]
fn join_and_exit_move_tokens_and_book_balances() {
    let mut f = VaultFixture::new();
    let (pool, id, tokens) = two_token(&mut f);
    let amounts = vec![pow10(21), pow10(9)];
    f.set_join_return(pool, &amounts, &[U256::ZERO, U256::ZERO]);
    let before = (f.balance_of(tokens[0], f.alice), f.balance_of(tokens[1], f.alice));
    let join = f.join_call(id, f.alice, &tokens, amounts.clone(), false);
    let r = f.ok(f.alice, &join);
    assert_eq!(f.pool_balances(id), amounts);
    assert_eq!(f.balance_of(tokens[0], f.alice), before.0 - amounts[0]);
    assert_eq!(f.balance_of(tokens[1], f.alice), before.1 - amounts[1]);
    assert_eq!(f.balance_of(tokens[0], f.vault), amounts[0]);
    let ev = r.events::<v::PoolBalanceChanged>();
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].poolId, id);
    assert_eq!(ev[0].liquidityProvider, f.alice);
    assert_eq!(ev[0].tokens, tokens);
    assert_eq!(ev[0].deltas, vec![i(10i128.pow(21)), i(10i128.pow(9))]);

    // max amounts in are enforced and nothing changes
    let low = f.join_call(id, f.alice, &tokens, vec![amounts[0], amounts[1] - U256::from(1u8)], false);
    f.fails_with::<_, e::JoinAboveMax>(f.alice, &low);
    assert_eq!(f.pool_balances(id), amounts);
    // assets must be the pool's tokens, in order
    let swapped = f.join_call(id, f.alice, &[tokens[1], tokens[0]], amounts.clone(), false);
    f.fails_with::<_, e::TokensMismatch>(f.alice, &swapped);
    let short = f.join_call(id, f.alice, &tokens, vec![amounts[0]], false);
    f.fails_with::<_, e::InputLengthMismatch>(f.alice, &short);

    // exit half to bob... as alice's own recipient; min amounts out enforced
    let out = vec![amounts[0] / U256::from(2u8), amounts[1] / U256::from(2u8)];
    f.set_exit_return(pool, &out, &[U256::ZERO, U256::ZERO]);
    let greedy = f.exit_call(id, f.alice, &tokens, vec![out[0] + U256::from(1u8), U256::ZERO], false);
    f.fails_with::<_, e::ExitBelowMin>(f.alice, &greedy);
    let exit = f.exit_call(id, f.alice, &tokens, out.clone(), false);
    let r = f.ok(f.alice, &exit);
    assert_eq!(f.pool_balances(id), out);
    assert_eq!(f.balance_of(tokens[0], f.alice), before.0 - amounts[0] + out[0]);
    let ev = r.events::<v::PoolBalanceChanged>();
    assert_eq!(ev[0].deltas, vec![i(-(10i128.pow(21) / 2)), i(-(10i128.pow(9) / 2))]);
    // the pool cannot pay out more than it holds
    f.set_exit_return(pool, &[out[0] + U256::from(1u8), U256::ZERO], &[U256::ZERO, U256::ZERO]);
    let exit = f.exit_call(id, f.alice, &tokens, vec![U256::ZERO; 2], false);
    f.fails_with::<_, e::InsufficientPoolBalance>(f.alice, &exit);
    assert_eq!(f.pool_balances(id), out);
}

#[test]
fn protocol_fees_are_credited_to_the_fee_recipient() {
    let mut f = VaultFixture::new();
    let (pool, id, tokens) = two_token(&mut f);
    f.seed(pool, id, f.alice, &tokens, &[pow10(20), pow10(8)]);
    let pct = pow10(17); // 10% protocol share
    f.ok(f.admin, &v::setSwapFeePercentageCall { newSwapFeePercentage: pct });
    assert_eq!(f.view(&v::getSwapFeePercentageCall {}), pct);
    assert_eq!(f.view(&v::getProtocolFeesCollectorCall {}), f.vault);
    let collector = f.bed.account("treasury");
    f.ok(f.admin, &v::setProtocolFeeRecipientCall { newRecipient: collector });
    // a join whose pool owes 7 and 3 units of protocol fees
    let amounts = [U256::from(1000u32), U256::from(500u32)];
    let fees = [U256::from(7u8), U256::from(3u8)];
    f.set_join_return(pool, &amounts, &fees);
    let join = f.join_call(id, f.alice, &tokens, amounts.to_vec(), false);
    let r = f.ok(f.alice, &join);
    assert_eq!(
        f.pool_balances(id),
        vec![pow10(20) + amounts[0] - fees[0], pow10(8) + amounts[1] - fees[1]]
    );
    assert_eq!(f.internal(collector, tokens[0]), fees[0]);
    assert_eq!(f.internal(collector, tokens[1]), fees[1]);
    assert_eq!(r.events::<v::PoolBalanceChanged>()[0].protocolFeeAmounts, fees.to_vec());
    // the collector withdraws its fees with manageUserBalance
    let ops = vec![v::UserBalanceOp { kind: 1, asset: tokens[0], amount: fees[0], sender: collector, recipient: collector }];
    f.ok(collector, &v::manageUserBalanceCall { ops });
    assert_eq!(f.balance_of(tokens[0], collector), fees[0]);
    // bounds of V2's collector
    f.fails_with::<_, e::SwapFeePercentageTooHigh>(f.admin, &v::setSwapFeePercentageCall { newSwapFeePercentage: pow10(17) * U256::from(6u8) });
    f.fails_with::<_, e::SenderNotAllowed>(f.alice, &v::setSwapFeePercentageCall { newSwapFeePercentage: U256::ZERO });
}

#[test]
fn deregister_only_with_zero_balances() {
    let mut f = VaultFixture::new();
    let (pool, id) = f.test_pool(MINIMAL_SWAP_INFO, &f.tokens.clone());
    let tokens = f.tokens.clone();
    f.seed(pool, id, f.alice, &tokens, &[U256::from(10u8), U256::ZERO, U256::from(5u8)]);
    let call = |t: Vec<Address>| IMaliciousPool::callVaultCall { data: v::deregisterTokensCall { poolId: id, tokens: t }.abi_encode().into() }.abi_encode();
    let r = f.bed.call(f.admin, pool, call(vec![tokens[0]]), U256::ZERO);
    assert_reverted_with::<e::NonZeroTokenBalance>(&r);
    // the empty middle token can go; the last one takes its index
    let r = f.bed.call(f.admin, pool, call(vec![tokens[1]]), U256::ZERO);
    assert!(r.success);
    assert_eq!(r.events::<v::TokensDeregistered>()[0].tokens, vec![tokens[1]]);
    let t = f.view(&v::getPoolTokensCall { poolId: id });
    assert_eq!(t.tokens, vec![tokens[0], tokens[2]]);
    assert_eq!(t.balances, vec![U256::from(10u8), U256::from(5u8)]);
    // joins now take the two remaining tokens in that order
    f.set_join_return(pool, &[U256::from(1u8), U256::from(2u8)], &[U256::ZERO, U256::ZERO]);
    let join = f.join_call(id, f.alice, &[tokens[0], tokens[2]], vec![U256::MAX, U256::MAX], false);
    f.ok(f.alice, &join);
    assert_eq!(f.pool_balances(id), vec![U256::from(11u8), U256::from(7u8)]);
    let r = f.bed.call(f.admin, pool, call(vec![tokens[1]]), U256::ZERO);
    assert_reverted_with::<e::TokenNotRegistered>(&r);
    let _ = Bytes::new();
    let _ = v::TokensRegistered::SIGNATURE_HASH;
}
