//! A deployed Vault (release wasm) with funded users and test tokens, for the
//! `tests/vault_*.rs` integration tests.
//!
//! Calls and events use the Vault crate's own `sol!` declarations (`vault::abi`), and
//! errors its `sol!` error types (`vault::errors`), so a test can only pass against the
//! real V2 selectors and topics. Test pools are `MaliciousPool` (tests/solidity): a
//! pool whose hook replies are set by the test, which makes every Vault rule testable
//! independently of pool math.

use alloy_primitives::{Address, Bytes, B256, I256, U256};
use alloy_sol_types::{sol, SolCall, SolError};
use stylus_testbed::{release_wasm_path, CallResult, TestBed};

pub use vault::abi as v;
pub use vault::errors as e;

sol! {
    interface IERC20T {
        function approve(address spender, uint256 amount) external returns (bool);
        function balanceOf(address account) external view returns (uint256);
        function transfer(address to, uint256 amount) external returns (bool);
        function mint(address to, uint256 amount) external;
    }

    interface IMaliciousPool {
        function register(uint8 specialization, address[] tokens) external returns (bytes32);
        function callVault(bytes data) external payable returns (bytes);
        function setSwapReturn(uint256 amount) external;
        function setJoinReturn(uint256[] amountsIn, uint256[] dueProtocolFeeAmounts) external;
        function setExitReturn(uint256[] amountsOut, uint256[] dueProtocolFeeAmounts) external;
        function setRawReturn(uint8 hook, bytes data) external;
        function setHookRevert(bool on) external;
        function setReentry(bytes callData) external;
        function lastReentrySucceeded() external view returns (bool);
        function lastReentryReturnData() external view returns (bytes);
        function lastBalanceTokenIn() external view returns (uint256);
        function lastBalanceTokenOut() external view returns (uint256);
        function hookCalls() external view returns (uint256);
    }

    interface IFlashBorrower {
        function borrow(address[] tokens, uint256[] amounts, bytes userData) external;
    }

    interface IReenteringRecipient {
        function borrow(address[] tokens, uint256[] amounts, bytes[] reentrantCalls) external;
        function attemptCount() external view returns (uint256);
        function attempt(uint256 i) external view returns (bool success, bytes returnData);
    }

    struct Probe {
        address target;
        bytes callData;
    }

    interface IViewProbeRecipient {
        function borrowAndProbe(address[] tokens, uint256[] amounts, Probe[] probes) external;
        function resultCount() external view returns (uint256);
        function result(uint256 i) external view returns (bool success, bytes returnData);
    }
}

/// Specializations (V2 enum values).
pub const MINIMAL_SWAP_INFO: u8 = 1;
pub const TWO_TOKEN: u8 = 2;
pub const GIVEN_IN: u8 = 0;
pub const GIVEN_OUT: u8 = 1;

/// Pause window and buffer given to `initialize`.
pub const PAUSE_WINDOW: u64 = 90 * 24 * 3600;
pub const BUFFER_PERIOD: u64 = 30 * 24 * 3600;

/// 10^n as U256.
pub fn pow10(n: u64) -> U256 {
    U256::from(10u8).pow(U256::from(n))
}

/// A Vault with three tokens (18, 6 and 18 decimals, sorted by address) and two funded
/// users who approved the Vault for everything.
pub struct VaultFixture {
    pub bed: TestBed,
    pub vault: Address,
    pub admin: Address,
    pub alice: Address,
    pub bob: Address,
    /// Sorted ascending.
    pub tokens: Vec<Address>,
}

impl VaultFixture {
    /// Deploys and initialises the Vault (release wasm) and the tokens.
    pub fn new() -> Self {
        Self::with_bed(TestBed::new())
    }

    /// Same, on a given test bed (e.g. a chain config with another code-size limit).
    pub fn with_bed(mut bed: TestBed) -> Self {
        let admin = bed.account("admin");
        let alice = bed.account("alice");
        let bob = bed.account("bob");
        let vault = bed
            .deploy_wasm_file(release_wasm_path("vault"))
            .expect("deploy vault.wasm (build it with deploy/build-contracts.sh)");
        let weth = bed.deploy_artifact("WETH9", &[]).expect("WETH9 artifact (node tests/solidity/build.mjs)");
        let mut tokens = vec![
            bed.deploy_test_token("TKA", 18).expect("token"),
            bed.deploy_test_token("TKB", 6).expect("token"),
            bed.deploy_test_token("TKC", 18).expect("token"),
        ];
        tokens.sort();
        let mut f = Self { bed, vault, admin, alice, bob, tokens };
        let init = v::initializeCall {
            authorizer: admin,
            weth,
            pauseWindowDuration: U256::from(PAUSE_WINDOW),
            bufferPeriodDuration: U256::from(BUFFER_PERIOD),
        };
        f.ok(admin, &init);
        for user in [alice, bob] {
            for t in f.tokens.clone() {
                f.fund(t, user, pow10(30));
            }
        }
        f
    }

    /// Mints `amount` of `token` to `user` and approves the Vault for everything.
    pub fn fund(&mut self, token: Address, user: Address, amount: U256) {
        self.bed.mint(token, user, amount).expect("mint");
        let approve = IERC20T::approveCall { spender: self.vault, amount: U256::MAX };
        let r = self.bed.call(user, token, approve.abi_encode(), U256::ZERO);
        assert!(r.success, "approve failed");
    }

    /// Sends `call` to the Vault from `from` (committed, even if it reverts).
    pub fn call<C: SolCall>(&mut self, from: Address, call: &C) -> CallResult {
        self.bed.call(from, self.vault, call.abi_encode(), U256::ZERO)
    }

    /// Sends `call` to the Vault and asserts it succeeded; returns the receipt.
    pub fn ok<C: SolCall>(&mut self, from: Address, call: &C) -> CallResult {
        let r = self.call(from, call);
        assert!(r.success, "{} reverted: 0x{}", C::SIGNATURE, alloy_primitives::hex::encode(&r.output));
        r
    }

    /// Sends `call` and asserts it reverted with exactly the error `E`.
    pub fn fails_with<C: SolCall, E: SolError>(&mut self, from: Address, call: &C) -> CallResult {
        let r = self.call(from, call);
        assert_reverted_with::<E>(&r);
        r
    }

    /// Decoded return value of a successful Vault call.
    pub fn ret<C: SolCall>(&mut self, from: Address, call: &C) -> C::Return {
        let r = self.ok(from, call);
        C::abi_decode_returns(&r.output).expect("decode return")
    }

    pub fn view<C: SolCall>(&mut self, call: &C) -> C::Return {
        self.bed.view_sol(self.vault, call).expect("view")
    }

    pub fn balance_of(&mut self, token: Address, who: Address) -> U256 {
        self.bed.view_sol(token, &IERC20T::balanceOfCall { account: who }).expect("balanceOf")
    }

    pub fn internal(&mut self, user: Address, token: Address) -> U256 {
        let r = self.view(&v::getInternalBalanceCall { user, tokens: vec![token] });
        r[0]
    }

    pub fn pool_balances(&mut self, pool_id: B256) -> Vec<U256> {
        self.view(&v::getPoolTokensCall { poolId: pool_id }).balances
    }

    /// Deploys a `MaliciousPool` and registers it with `tokens`.
    pub fn test_pool(&mut self, specialization: u8, tokens: &[Address]) -> (Address, B256) {
        let pool = self.bed.deploy_artifact("MaliciousPool", &self.vault.abi_encode_word()).expect("MaliciousPool");
        let register = IMaliciousPool::registerCall { specialization, tokens: tokens.to_vec() };
        let pool_id = self.bed.call_sol(self.admin, pool, &register).expect("register test pool");
        (pool, pool_id)
    }

    /// Makes the test pool answer `onJoinPool` with `amounts` and joins as `user`.
    pub fn seed(&mut self, pool: Address, pool_id: B256, user: Address, tokens: &[Address], amounts: &[U256]) {
        self.set_join_return(pool, amounts, &vec![U256::ZERO; amounts.len()]);
        let join = self.join_call(pool_id, user, tokens, amounts.to_vec(), false);
        self.ok(user, &join);
    }

    pub fn set_join_return(&mut self, pool: Address, amounts: &[U256], fees: &[U256]) {
        let c = IMaliciousPool::setJoinReturnCall { amountsIn: amounts.to_vec(), dueProtocolFeeAmounts: fees.to_vec() };
        self.bed.call_sol(self.admin, pool, &c).expect("setJoinReturn");
    }

    pub fn set_exit_return(&mut self, pool: Address, amounts: &[U256], fees: &[U256]) {
        let c = IMaliciousPool::setExitReturnCall { amountsOut: amounts.to_vec(), dueProtocolFeeAmounts: fees.to_vec() };
        self.bed.call_sol(self.admin, pool, &c).expect("setExitReturn");
    }

    pub fn set_swap_return(&mut self, pool: Address, amount: U256) {
        self.bed.call_sol(self.admin, pool, &IMaliciousPool::setSwapReturnCall { amount }).expect("setSwapReturn");
    }

    pub fn join_call(&self, pool_id: B256, user: Address, tokens: &[Address], max_in: Vec<U256>, internal: bool) -> v::joinPoolCall {
        v::joinPoolCall {
            poolId: pool_id,
            sender: user,
            recipient: user,
            request: v::JoinPoolRequest {
                assets: tokens.to_vec(),
                maxAmountsIn: max_in,
                userData: Bytes::new(),
                fromInternalBalance: internal,
            },
        }
    }

    pub fn exit_call(&self, pool_id: B256, user: Address, tokens: &[Address], min_out: Vec<U256>, internal: bool) -> v::exitPoolCall {
        v::exitPoolCall {
            poolId: pool_id,
            sender: user,
            recipient: user,
            request: v::ExitPoolRequest {
                assets: tokens.to_vec(),
                minAmountsOut: min_out,
                userData: Bytes::new(),
                toInternalBalance: internal,
            },
        }
    }

    /// A single swap call with wallet funds of `user`.
    pub fn swap_call(&self, pool_id: B256, kind: u8, token_in: Address, token_out: Address, amount: U256, user: Address, limit: U256) -> v::swapCall {
        v::swapCall {
            singleSwap: v::SingleSwap {
                poolId: pool_id,
                kind,
                assetIn: token_in,
                assetOut: token_out,
                amount,
                userData: Bytes::new(),
            },
            funds: funds(user, false),
            limit,
            deadline: U256::MAX,
        }
    }

    /// Sum over every token of what the Vault must hold: pool balances of `pools` and
    /// internal balances of `users`.
    pub fn owed(&mut self, token: Address, pools: &[B256], users: &[Address]) -> U256 {
        let mut total = U256::ZERO;
        for &pool_id in pools {
            let t = self.view(&v::getPoolTokensCall { poolId: pool_id });
            for (tok, bal) in t.tokens.iter().zip(t.balances.iter()) {
                if *tok == token {
                    total += *bal;
                }
            }
        }
        for &u in users {
            total += self.internal(u, token);
        }
        total
    }
}

impl Default for VaultFixture {
    fn default() -> Self {
        Self::new()
    }
}

/// FundManagement using `user`'s wallet (or internal balance) on both sides.
pub fn funds(user: Address, internal: bool) -> v::FundManagement {
    v::FundManagement { sender: user, fromInternalBalance: internal, recipient: user, toInternalBalance: internal }
}

/// Asserts `r` reverted with exactly the error `E` (selector and arguments decode).
pub fn assert_reverted_with<E: SolError>(r: &CallResult) {
    assert!(!r.success, "expected revert with {}, but the call succeeded", E::SIGNATURE);
    let data = &r.output;
    assert!(
        data.len() >= 4 && data[..4] == E::SELECTOR && E::abi_decode(data).is_ok(),
        "expected {}, got 0x{}",
        E::SIGNATURE,
        alloy_primitives::hex::encode(data)
    );
}

/// Signed helper for batch-swap limits.
pub fn i(v: i128) -> I256 {
    I256::try_from(v).expect("fits")
}

/// ABI word of an address (constructor arguments).
pub trait AbiWord {
    fn abi_encode_word(&self) -> Vec<u8>;
}

impl AbiWord for Address {
    fn abi_encode_word(&self) -> Vec<u8> {
        self.into_word().to_vec()
    }
}
