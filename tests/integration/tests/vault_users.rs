//! Internal balances, relayers, admin roles and the pause window.

use alloy_primitives::{Address, U256};
use alloy_sol_types::SolCall;
use integration::vault_fixture::*;

fn op(kind: u8, asset: Address, amount: u64, sender: Address, recipient: Address) -> v::UserBalanceOp {
    v::UserBalanceOp { kind, asset, amount: U256::from(amount), sender, recipient }
}

#[test]
fn internal_balance_operations() {
    let mut f = VaultFixture::new();
    let (t, a, b) = (f.tokens[0], f.alice, f.bob);
    let wallet = f.balance_of(t, a);
    let r = f.ok(a, &v::manageUserBalanceCall { ops: vec![op(0, t, 1000, a, a)] });
    let ev = r.events::<v::InternalBalanceChanged>();
    assert_eq!((ev[0].user, ev[0].token, ev[0].delta), (a, t, i(1000)));
    assert_eq!(f.internal(a, t), U256::from(1000u32));
    assert_eq!(f.balance_of(t, a), wallet - U256::from(1000u32));
    // transfer internal to bob, withdraw part to bob's wallet... by bob
    f.ok(a, &v::manageUserBalanceCall { ops: vec![op(2, t, 400, a, b)] });
    assert_eq!((f.internal(a, t), f.internal(b, t)), (U256::from(600u32), U256::from(400u32)));
    let bob_wallet = f.balance_of(t, b);
    f.ok(b, &v::manageUserBalanceCall { ops: vec![op(1, t, 150, b, b)] });
    assert_eq!(f.balance_of(t, b), bob_wallet + U256::from(150u32));
    assert_eq!(f.internal(b, t), U256::from(250u32));
    // external transfer: Vault as the allowance holder
    let r = f.ok(a, &v::manageUserBalanceCall { ops: vec![op(3, t, 5, a, b)] });
    let ev = r.events::<v::ExternalBalanceTransfer>();
    assert_eq!((ev[0].token, ev[0].sender, ev[0].recipient, ev[0].amount), (t, a, b, U256::from(5u8)));
    assert_eq!(f.balance_of(t, b), bob_wallet + U256::from(155u32));
    // too much / unknown kind / ETH
    f.fails_with::<_, e::InsufficientInternalBalance>(a, &v::manageUserBalanceCall { ops: vec![op(1, t, 601, a, a)] });
    f.fails_with::<_, e::InsufficientInternalBalance>(a, &v::manageUserBalanceCall { ops: vec![op(2, t, 601, a, b)] });
    f.fails_with::<_, e::EthNotSupported>(a, &v::manageUserBalanceCall { ops: vec![op(0, Address::ZERO, 1, a, a)] });
    let mut data = v::manageUserBalanceCall { ops: vec![op(0, t, 1, a, a)] }.abi_encode();
    data[4 + 32 * 2 + 31] = 4; // kind = 4
    let r = f.bed.call(a, f.vault, data, U256::ZERO);
    assert_reverted_with::<e::MalformedCalldata>(&r);
    // a batch is atomic: the failing second op undoes the first
    let ops = vec![op(1, t, 100, a, a), op(1, t, 10_000, a, a)];
    f.fails_with::<_, e::InsufficientInternalBalance>(a, &v::manageUserBalanceCall { ops });
    assert_eq!(f.internal(a, t), U256::from(600u32));
    // the Vault holds exactly what users own
    assert_eq!(f.balance_of(t, f.vault), f.owed(t, &[], &[a, b]));
}

#[test]
fn relayers_need_the_users_approval() {
    let mut f = VaultFixture::new();
    let (t, a, b) = (f.tokens[0], f.alice, f.bob);
    f.ok(a, &v::manageUserBalanceCall { ops: vec![op(0, t, 1000, a, a)] });
    let steal = v::manageUserBalanceCall { ops: vec![op(1, t, 1000, a, b)] };
    f.fails_with::<_, e::RelayerNotApproved>(b, &steal);
    // nobody approves on someone else's behalf, not even a relayer
    f.fails_with::<_, e::SenderNotCaller>(b, &v::setRelayerApprovalCall { sender: a, relayer: b, approved: true });
    let r = f.ok(a, &v::setRelayerApprovalCall { sender: a, relayer: b, approved: true });
    let ev = r.events::<v::RelayerApprovalChanged>();
    assert_eq!((ev[0].relayer, ev[0].sender, ev[0].approved), (b, a, true));
    assert!(f.view(&v::hasApprovedRelayerCall { user: a, relayer: b }));
    f.ok(b, &steal);
    assert_eq!(f.internal(a, t), U256::ZERO);
    f.ok(a, &v::setRelayerApprovalCall { sender: a, relayer: b, approved: false });
    assert!(!f.view(&v::hasApprovedRelayerCall { user: a, relayer: b }));
    f.fails_with::<_, e::RelayerNotApproved>(b, &v::manageUserBalanceCall { ops: vec![op(0, t, 1, a, b)] });
}

#[test]
fn admin_roles() {
    let mut f = VaultFixture::new();
    assert_eq!(f.view(&v::getAuthorizerCall {}), f.admin);
    let again = v::initializeCall { authorizer: f.alice, weth: Address::ZERO, pauseWindowDuration: U256::ZERO, bufferPeriodDuration: U256::ZERO };
    f.fails_with::<_, e::AlreadyInitialized>(f.alice, &again);
    f.fails_with::<_, e::SenderNotAllowed>(f.alice, &v::setAuthorizerCall { newAuthorizer: f.alice });
    f.fails_with::<_, e::ZeroAddress>(f.admin, &v::setAuthorizerCall { newAuthorizer: Address::ZERO });
    f.ok(f.admin, &v::setAuthorizerCall { newAuthorizer: f.bob });
    assert_eq!(f.view(&v::getAuthorizerCall {}), f.bob);
    f.fails_with::<_, e::SenderNotAllowed>(f.admin, &v::setPausedCall { paused: true });
    assert_ne!(f.view(&v::WETHCall {}), Address::ZERO);
    assert_eq!(f.view(&v::getProtocolFeeRecipientCall {}), f.admin, "fee recipient defaults to the first authorizer");
}

#[test]
fn initialize_bounds() {
    let mut bed_f = VaultFixture::new();
    // a fresh, uninitialised Vault
    let fresh = bed_f.bed.deploy_wasm_file(stylus_testbed::release_wasm_path("vault")).unwrap();
    let call = |w: u64, b: u64| v::initializeCall {
        authorizer: Address::repeat_byte(1),
        weth: Address::ZERO,
        pauseWindowDuration: U256::from(w),
        bufferPeriodDuration: U256::from(b),
    };
    let admin = bed_f.admin;
    let r = bed_f.bed.call(admin, fresh, call(271 * 86400, 0).abi_encode(), U256::ZERO);
    assert_reverted_with::<e::MaxPauseWindowDuration>(&r);
    let r = bed_f.bed.call(admin, fresh, call(0, 91 * 86400).abi_encode(), U256::ZERO);
    assert_reverted_with::<e::MaxBufferPeriodDuration>(&r);
    let zero = v::initializeCall { authorizer: Address::ZERO, weth: Address::ZERO, pauseWindowDuration: U256::ZERO, bufferPeriodDuration: U256::ZERO };
    let r = bed_f.bed.call(admin, fresh, zero.abi_encode(), U256::ZERO);
    assert_reverted_with::<e::ZeroAddress>(&r);
    // ETH is refused everywhere
    let r = bed_f.bed.call(admin, fresh, call(0, 0).abi_encode(), U256::from(1u8));
    assert_reverted_with::<e::EthNotSupported>(&r);
}

#[test]
fn pause_blocks_entry_but_not_exits_or_withdrawals() {
    let mut f = VaultFixture::new();
    let (t, a) = (f.tokens[0], f.alice);
    let tokens = vec![f.tokens[0], f.tokens[1]];
    let (pool, id) = f.test_pool(TWO_TOKEN, &tokens);
    f.seed(pool, id, a, &tokens, &[U256::from(100u8), U256::from(100u8)]);
    f.ok(a, &v::manageUserBalanceCall { ops: vec![op(0, t, 50, a, a)] });

    f.fails_with::<_, e::SenderNotAllowed>(a, &v::setPausedCall { paused: true });
    let r = f.ok(f.admin, &v::setPausedCall { paused: true });
    assert_eq!(r.events::<v::PausedStateChanged>()[0].paused, true);
    let state = f.view(&v::getPausedStateCall {});
    assert!(state.paused);
    assert_eq!(state.bufferPeriodEndTime - state.pauseWindowEndTime, U256::from(BUFFER_PERIOD));

    f.set_swap_return(pool, U256::from(1u8));
    let swap = f.swap_call(id, GIVEN_IN, tokens[0], tokens[1], U256::from(1u8), a, U256::ZERO);
    f.fails_with::<_, e::Paused>(a, &swap);
    let join = f.join_call(id, a, &tokens, vec![U256::MAX; 2], false);
    f.fails_with::<_, e::Paused>(a, &join);
    f.fails_with::<_, e::Paused>(a, &v::manageUserBalanceCall { ops: vec![op(0, t, 1, a, a)] });
    f.fails_with::<_, e::Paused>(a, &v::manageUserBalanceCall { ops: vec![op(2, t, 1, a, f.bob)] });
    let loan = v::flashLoanCall { recipient: a, tokens: vec![t], amounts: vec![U256::from(1u8)], userData: Default::default() };
    f.fails_with::<_, e::Paused>(a, &loan);
    f.fails_with::<_, e::Paused>(f.admin, &v::registerPoolCall { specialization: TWO_TOKEN });
    // exits and withdrawals keep working
    f.set_exit_return(pool, &[U256::from(100u8), U256::from(100u8)], &[U256::ZERO, U256::ZERO]);
    f.ok(a, &f.exit_call(id, a, &tokens, vec![U256::ZERO; 2], false));
    f.ok(a, &v::manageUserBalanceCall { ops: vec![op(1, t, 50, a, a)] });
    assert_eq!(f.pool_balances(id), vec![U256::ZERO; 2]);

    // unpause, then the window closes: no more pausing, and after the buffer the Vault
    // is unpaused for good
    f.ok(f.admin, &v::setPausedCall { paused: false });
    f.bed.advance_time(PAUSE_WINDOW + 1);
    f.fails_with::<_, e::PauseWindowExpired>(f.admin, &v::setPausedCall { paused: true });
}

#[test]
fn pause_expires_after_the_buffer_period() {
    let mut f = VaultFixture::new();
    f.ok(f.admin, &v::setPausedCall { paused: true });
    f.bed.advance_time(PAUSE_WINDOW + BUFFER_PERIOD + 1);
    let state = f.view(&v::getPausedStateCall {});
    assert!(!state.paused, "paused flag no longer applies after the buffer period");
    f.fails_with::<_, e::BufferPeriodExpired>(f.admin, &v::setPausedCall { paused: false });
    f.ok(f.alice, &v::manageUserBalanceCall { ops: vec![op(0, f.tokens[0], 1, f.alice, f.alice)] });
}
