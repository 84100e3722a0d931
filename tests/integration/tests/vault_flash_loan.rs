//! Flash loans: repaid with fee, not repaid, re-entering (the lock), views during the
//! callback, fee-on-transfer tokens, bad inputs.

use alloy_primitives::{Address, Bytes, U256};
use alloy_sol_types::{SolCall, SolError, SolValue};
use integration::vault_fixture::*;

/// A Vault holding 1e24 of tokens[0] and tokens[2] (alice's internal balances).
fn funded() -> VaultFixture {
    let mut f = VaultFixture::new();
    let ops = [0usize, 2]
        .iter()
        .map(|k| v::UserBalanceOp { kind: 0, asset: f.tokens[*k], amount: pow10(24), sender: f.alice, recipient: f.alice })
        .collect();
    f.ok(f.alice, &v::manageUserBalanceCall { ops });
    f
}

fn deploy(f: &mut VaultFixture, name: &str, extra: &[u8]) -> Address {
    let mut args = f.vault.abi_encode_word();
    args.extend_from_slice(extra);
    f.bed.deploy_artifact(name, &args).expect(name)
}

#[test]
fn repaid_loan_pays_rounded_up_fee_to_the_collector() {
    let mut f = funded();
    let pct = pow10(15); // 0.1%
    f.ok(f.admin, &v::setFlashLoanFeePercentageCall { newFlashLoanFeePercentage: pct });
    let recipient = deploy(&mut f, "MinimalFlashLoanRecipient", &[]);
    let (t0, t2) = (f.tokens[0], f.tokens[2]);
    let amounts = vec![U256::from(1_000_001u32), pow10(20)];
    // fee = amount * 0.1% rounded up: 1000.001 -> 1001; 1e17 exact
    let fees = [U256::from(1001u32), pow10(17)];
    f.bed.mint(t0, recipient, fees[0]).unwrap();
    f.bed.mint(t2, recipient, fees[1]).unwrap();
    let before = (f.balance_of(t0, f.vault), f.balance_of(t2, f.vault));
    let call = v::flashLoanCall { recipient, tokens: vec![t0, t2], amounts: amounts.clone(), userData: Bytes::from(vec![1, 2, 3]) };
    let r = f.ok(f.alice, &call);
    assert_eq!((f.balance_of(t0, f.vault), f.balance_of(t2, f.vault)), (before.0 + fees[0], before.1 + fees[1]));
    assert_eq!(f.internal(f.admin, t0), fees[0], "fees credited to the fee recipient (authorizer by default)");
    assert_eq!(f.internal(f.admin, t2), fees[1]);
    let ev = r.events::<v::FlashLoan>();
    assert_eq!(ev.len(), 2);
    assert_eq!((ev[0].recipient, ev[0].token, ev[0].amount, ev[0].feeAmount), (recipient, t0, amounts[0], fees[0]));
    // short by one unit of fee: typed error, nothing changes
    f.bed.mint(t0, recipient, fees[0] - U256::from(1u8)).unwrap();
    let call = v::flashLoanCall { recipient, tokens: vec![t0], amounts: vec![amounts[0]], userData: Bytes::new() };
    let r = f.call(f.alice, &call);
    assert!(!r.success);
    assert_eq!(f.internal(f.admin, t0), fees[0]);
    // bounds of V2's collector
    f.fails_with::<_, e::FlashLoanFeePercentageTooHigh>(f.admin, &v::setFlashLoanFeePercentageCall { newFlashLoanFeePercentage: pow10(16) + U256::from(1u8) });
}

#[test]
fn unpaid_loan_reverts_with_typed_error() {
    let mut f = funded();
    let recipient = deploy(&mut f, "NonRepayingRecipient", &U256::from(1u8).abi_encode());
    let t0 = f.tokens[0];
    let before = f.balance_of(t0, f.vault);
    let call = v::flashLoanCall { recipient, tokens: vec![t0], amounts: vec![pow10(18)], userData: Bytes::new() };
    f.fails_with::<_, e::InvalidPostLoanBalance>(f.alice, &call);
    assert_eq!(f.balance_of(t0, f.vault), before);
}

#[test]
fn bad_inputs() {
    let mut f = funded();
    let recipient = deploy(&mut f, "MinimalFlashLoanRecipient", &[]);
    let (t0, t2) = (f.tokens[0], f.tokens[2]);
    let call = |tokens: Vec<Address>, amounts: Vec<U256>| v::flashLoanCall { recipient, tokens, amounts, userData: Bytes::new() };
    f.fails_with::<_, e::UnsortedTokens>(f.alice, &call(vec![t2, t0], vec![U256::from(1u8); 2]));
    f.fails_with::<_, e::UnsortedTokens>(f.alice, &call(vec![t0, t0], vec![U256::from(1u8); 2]));
    f.fails_with::<_, e::InputLengthMismatch>(f.alice, &call(vec![t0], vec![U256::from(1u8); 2]));
    f.fails_with::<_, e::InsufficientFlashLoanBalance>(f.alice, &call(vec![t0], vec![pow10(24) + U256::from(1u8)]));
}

#[test]
fn reentry_during_the_loan_fails_with_reentrancy() {
    let mut f = funded();
    let recipient = deploy(&mut f, "ReenteringRecipient", &[]);
    let t0 = f.tokens[0];
    let (pool, id) = f.test_pool(TWO_TOKEN, &[f.tokens[0], f.tokens[1]]);
    let _ = pool;
    let reentrant: Vec<Bytes> = vec![
        v::manageUserBalanceCall {
            ops: vec![v::UserBalanceOp { kind: 0, asset: t0, amount: U256::from(1u8), sender: recipient, recipient }],
        }
        .abi_encode()
        .into(),
        f.swap_call(id, GIVEN_IN, f.tokens[0], f.tokens[1], U256::from(1u8), recipient, U256::ZERO).abi_encode().into(),
        v::flashLoanCall { recipient, tokens: vec![t0], amounts: vec![U256::from(1u8)], userData: Bytes::new() }.abi_encode().into(),
        v::setRelayerApprovalCall { sender: recipient, relayer: f.alice, approved: true }.abi_encode().into(),
    ];
    let borrow = IReenteringRecipient::borrowCall { tokens: vec![t0], amounts: vec![pow10(18)], reentrantCalls: reentrant };
    let r = f.bed.call(f.alice, recipient, borrow.abi_encode(), U256::ZERO);
    assert!(r.success, "loan itself succeeds, every re-entry failed: 0x{}", alloy_primitives::hex::encode(&r.output));
    let n = f.bed.view_sol(recipient, &IReenteringRecipient::attemptCountCall {}).unwrap();
    assert_eq!(n, U256::from(4u8));
    for k in 0..4u8 {
        let a = f.bed.view_sol(recipient, &IReenteringRecipient::attemptCall { i: U256::from(k) }).unwrap();
        assert!(!a.success);
        assert_eq!(&a.returnData[..], &e::Reentrancy::SELECTOR[..], "attempt {k}");
    }
}

#[test]
fn balance_views_answer_during_the_loan_callback() {
    let mut f = funded();
    let recipient = deploy(&mut f, "ViewProbeRecipient", &[]);
    let (pool, id) = f.test_pool(TWO_TOKEN, &[f.tokens[0], f.tokens[1]]);
    f.seed(pool, id, f.bob, &[f.tokens[0], f.tokens[1]], &[U256::from(5u8), U256::from(6u8)]);
    let probes = vec![
        Probe { target: f.vault, callData: v::getPoolTokensCall { poolId: id }.abi_encode().into() },
        Probe { target: f.vault, callData: v::getInternalBalanceCall { user: f.alice, tokens: vec![f.tokens[0]] }.abi_encode().into() },
    ];
    let t0 = f.tokens[0];
    let call = IViewProbeRecipient::borrowAndProbeCall { tokens: vec![t0], amounts: vec![U256::ZERO], probes };
    let r = f.bed.call(f.alice, recipient, call.abi_encode(), U256::ZERO);
    assert!(r.success, "0x{}", alloy_primitives::hex::encode(&r.output));
    let res = f.bed.view_sol(recipient, &IViewProbeRecipient::resultCall { i: U256::ZERO }).unwrap();
    assert!(res.success, "getPoolTokens answers: state is consistent during a flash loan");
    let got = v::getPoolTokensCall::abi_decode_returns(&res.returnData).unwrap();
    assert_eq!(got.balances, vec![U256::from(5u8), U256::from(6u8)]);
    let res = f.bed.view_sol(recipient, &IViewProbeRecipient::resultCall { i: U256::from(1u8) }).unwrap();
    assert!(res.success);
}

#[test]
fn fee_on_transfer_tokens_are_detected() {
    let mut f = VaultFixture::new();
    let args = ("FOT".to_string(), "FOT".to_string(), U256::from(18u8), U256::from(100u8)).abi_encode_params();
    let fot = f.bed.deploy_artifact("FeeOnTransferToken", &args).unwrap();
    // the Vault holds some (a plain transfer, 1% burnt on the way)
    f.bed.mint(fot, f.vault, pow10(21)).unwrap();
    let recipient = deploy(&mut f, "MinimalFlashLoanRecipient", &[]);
    f.bed.mint(fot, recipient, pow10(19)).unwrap();
    let before = f.balance_of(fot, f.vault);
    let call = v::flashLoanCall { recipient, tokens: vec![fot], amounts: vec![pow10(20)], userData: Bytes::new() };
    let r = f.call(f.alice, &call);
    assert!(!r.success);
    let sel = &r.output[..4];
    assert!(
        sel == e::InvalidPostLoanBalance::SELECTOR || sel == e::InsufficientFlashLoanFeeAmount::SELECTOR,
        "0x{}",
        alloy_primitives::hex::encode(&r.output)
    );
    assert_eq!(f.balance_of(fot, f.vault), before);
}
