//! WeightedPools (release wasm facets behind the factory's dispatch proxy) on a real Vault
//! (release wasm), for the `tests/pool_*.rs` integration tests.
//!
//! Pools are created exactly as in production: the pool proxy of
//! `pool_factory::proxy::creation_code` (EVM bytecode that DELEGATECALLs the swap, join,
//! exit or token facet by selector; the same bytes the factory deploys) over the activated
//! facet programs, then `initialize` on the proxy. The pool ABI is redeclared
//! here from the Solidity interface (not imported from the pool crate), so a misnamed
//! function fails the tests; expected amounts come from the `weighted-math` crate as an
//! independent oracle applied with the rounding rules the design prescribes.
//!
//! Chain rules: Nitro's, code-size limits included ([`TestBed::new`]): every facet fits
//! (tests/size_budget.rs enforces it).

use alloy_primitives::{Address, Bytes, B256, U256};
use alloy_sol_types::{sol, SolCall, SolError, SolValue};
use pool_factory::proxy::{self, FACETS, FACET_COUNT};
use stylus_testbed::{release_wasm_path, CallResult, TestBed};

use crate::vault_fixture::{v, VaultFixture};

pub use weighted_pool::errors as pe;

sol! {
    struct SwapRequestT {
        uint8 kind;
        address tokenIn;
        address tokenOut;
        uint256 amount;
        bytes32 poolId;
        uint256 lastChangeBlock;
        address from;
        address to;
        bytes userData;
    }

    interface IWeightedPoolT {
        function initialize(address vault, string name, string symbol, address[] tokens, uint256[] normalizedWeights, uint256 swapFeePercentage, address owner) external;
        function onSwap(SwapRequestT request, uint256 balanceTokenIn, uint256 balanceTokenOut) external returns (uint256);
        function onJoinPool(bytes32 poolId, address sender, address recipient, uint256[] balances, uint256 lastChangeBlock, uint256 protocolSwapFeePercentage, bytes userData) external returns (uint256[] amountsIn, uint256[] dueProtocolFeeAmounts);
        function onExitPool(bytes32 poolId, address sender, address recipient, uint256[] balances, uint256 lastChangeBlock, uint256 protocolSwapFeePercentage, bytes userData) external returns (uint256[] amountsOut, uint256[] dueProtocolFeeAmounts);
        function getPoolId() external view returns (bytes32);
        function getVault() external view returns (address);
        function getOwner() external view returns (address);
        function getNormalizedWeights() external view returns (uint256[]);
        function getSwapFeePercentage() external view returns (uint256);
        function getScalingFactors() external view returns (uint256[]);
        function getInvariant() external view returns (uint256);
        function getLastInvariant() external view returns (uint256);
        function getSpotPrice(address tokenIn, address tokenOut) external view returns (uint256);
        function getSpotPriceSansFee(address tokenIn, address tokenOut) external view returns (uint256);
        function getPausedState() external view returns (bool paused, uint256 pauseWindowEndTime, uint256 bufferPeriodEndTime);
        function setSwapFeePercentage(uint256 swapFeePercentage) external;
        function pause() external;
        function unpause() external;
        function name() external view returns (string);
        function symbol() external view returns (string);
        function decimals() external view returns (uint8);
        function totalSupply() external view returns (uint256);
        function balanceOf(address account) external view returns (uint256);
        function allowance(address owner, address spender) external view returns (uint256);
        function transfer(address to, uint256 value) external returns (bool);
        function approve(address spender, uint256 value) external returns (bool);
        function transferFrom(address from, address to, uint256 value) external returns (bool);
        function increaseAllowance(address spender, uint256 addedValue) external returns (bool);
        function decreaseAllowance(address spender, uint256 subtractedValue) external returns (bool);
        function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;
        function nonces(address owner) external view returns (uint256);
        function DOMAIN_SEPARATOR() external view returns (bytes32);
    }

    interface IDecimals {
        function decimals() external view returns (uint8);
    }

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event SwapFeePercentageChanged(uint256 swapFeePercentage);
    event PausedStateChanged(bool paused);
}

pub use IWeightedPoolT as wp;

pub const ONE: u64 = 1_000_000_000_000_000_000;
pub const MINIMUM_BPT: u64 = 1_000_000;
pub const GIVEN_IN: u8 = 0;
pub const GIVEN_OUT: u8 = 1;

/// `x * 10^k`.
pub fn e(x: u64, k: u64) -> U256 {
    U256::from(x) * U256::from(10u8).pow(U256::from(k))
}

/// EIP-1167 creation code for a minimal proxy delegating to `implementation` (what the
/// factory deployed before the facet split; kept to measure the dispatch proxy against):
/// `3d602d80600a3d3981f3` (copies the 45-byte runtime and returns it) followed by the
/// runtime `363d3d373d3d3d363d73 <impl> 5af43d82803e903d91602b57fd5bf3`.
pub fn eip1167_creation_code(implementation: Address) -> Vec<u8> {
    let mut code = hex("3d602d80600a3d3981f3363d3d373d3d3d363d73");
    code.extend_from_slice(implementation.as_slice());
    code.extend_from_slice(&hex("5af43d82803e903d91602b57fd5bf3"));
    code
}

fn hex(s: &str) -> Vec<u8> {
    alloy_primitives::hex::decode(s).expect("static hex")
}

/// Asserts `r` reverted with exactly the error `E` and returns it decoded.
pub fn expect_error<E: SolError>(r: &CallResult) -> E {
    assert!(!r.success, "expected {} but the call succeeded", E::SIGNATURE);
    E::abi_decode(&r.output).unwrap_or_else(|_| {
        panic!("expected {} but got revert data 0x{}", E::SIGNATURE, alloy_primitives::hex::encode(&r.output))
    })
}

/// A Vault, its tokens and the WeightedPool facet programs.
pub struct PoolFixture {
    pub vf: VaultFixture,
    /// The facet programs in `pool_factory::proxy::FACETS` order (swap, join, exit, token).
    pub facets: [Address; FACET_COUNT],
    /// The swap facet (`facets[0]`): the program a swap runs, which the swap-gas tests
    /// cache. (Named before the facet split, when it was the one pool program.)
    pub implementation: Address,
    pub owner: Address,
}

/// Deploys the facets' release wasm in table order.
pub fn deploy_facets(bed: &mut TestBed) -> [Address; FACET_COUNT] {
    let mut out = [Address::ZERO; FACET_COUNT];
    for (slot, wasm) in out.iter_mut().zip(FACETS) {
        let path = release_wasm_path(wasm);
        assert!(path.exists(), "{} missing: run `bash deploy/build-contracts.sh` first", path.display());
        *slot = bed.deploy_wasm_file(&path).unwrap_or_else(|e| panic!("deploy {wasm}.wasm: {e}"));
    }
    out
}

/// One initialised pool.
#[derive(Clone, Debug)]
pub struct Pool {
    pub address: Address,
    pub pool_id: B256,
    pub tokens: Vec<Address>,
    pub weights: Vec<U256>,
    pub decimals: Vec<u8>,
}

impl Pool {
    /// `10^(18 - decimals)` per token.
    pub fn factors(&self) -> Vec<U256> {
        self.decimals.iter().map(|d| U256::from(10u8).pow(U256::from(18 - *d as u64))).collect()
    }
}

impl PoolFixture {
    pub fn new() -> Self {
        let mut vf = VaultFixture::new();
        let facets = deploy_facets(&mut vf.bed);
        let owner = vf.bed.account("pool-owner");
        Self { vf, facets, implementation: facets[0], owner }
    }

    /// A fresh pool proxy over the facets (not initialised): the factory's bytecode.
    pub fn clone_proxy(&mut self) -> Address {
        let code = proxy::creation_code(&self.facets);
        self.vf.bed.deploy_evm(&code, &[]).expect("deploy the pool proxy")
    }

    pub fn decimals_of(&mut self, token: Address) -> u8 {
        self.vf.bed.view_sol(token, &IDecimals::decimalsCall {}).expect("decimals")
    }

    pub fn init_call(&self, tokens: &[Address], weights: &[U256], fee: U256) -> wp::initializeCall {
        wp::initializeCall {
            vault: self.vf.vault,
            name: "Balancer 80 A 20 B".into(),
            symbol: "B-80A-20B".into(),
            tokens: tokens.to_vec(),
            normalizedWeights: weights.to_vec(),
            swapFeePercentage: fee,
            owner: self.owner,
        }
    }

    /// Deploys a proxy, initialises it (as `self.vf.admin`) and returns the pool.
    pub fn create(&mut self, tokens: &[Address], weights: &[U256], fee: U256) -> Pool {
        let address = self.clone_proxy();
        let init = self.init_call(tokens, weights, fee);
        let r = self.vf.bed.call(self.vf.admin, address, init.abi_encode(), U256::ZERO);
        assert!(r.success, "initialize reverted: 0x{}", alloy_primitives::hex::encode(&r.output));
        let pool_id = self.view(address, &wp::getPoolIdCall {});
        let decimals = tokens.iter().map(|t| self.decimals_of(*t)).collect();
        Pool { address, pool_id, tokens: tokens.to_vec(), weights: weights.to_vec(), decimals }
    }

    pub fn view<C: SolCall>(&mut self, pool: Address, call: &C) -> C::Return {
        self.vf.bed.view_sol(pool, call).expect("pool view")
    }

    pub fn call_pool<C: SolCall>(&mut self, from: Address, pool: Address, call: &C) -> CallResult {
        self.vf.bed.call(from, pool, call.abi_encode(), U256::ZERO)
    }

    pub fn bpt_balance(&mut self, pool: &Pool, who: Address) -> U256 {
        self.view(pool.address, &wp::balanceOfCall { account: who })
    }

    pub fn supply(&mut self, pool: &Pool) -> U256 {
        self.view(pool.address, &wp::totalSupplyCall {})
    }

    pub fn balances(&mut self, pool: &Pool) -> Vec<U256> {
        self.vf.pool_balances(pool.pool_id)
    }

    /// Vault.joinPool with `user_data`, max amounts unlimited.
    pub fn join(&mut self, pool: &Pool, user: Address, user_data: Vec<u8>) -> CallResult {
        let call = v::joinPoolCall {
            poolId: pool.pool_id,
            sender: user,
            recipient: user,
            request: v::JoinPoolRequest {
                assets: pool.tokens.clone(),
                maxAmountsIn: vec![U256::MAX; pool.tokens.len()],
                userData: Bytes::from(user_data),
                fromInternalBalance: false,
            },
        };
        self.vf.call(user, &call)
    }

    /// Vault.exitPool with `user_data`, no minimum out.
    pub fn exit(&mut self, pool: &Pool, user: Address, user_data: Vec<u8>) -> CallResult {
        let call = v::exitPoolCall {
            poolId: pool.pool_id,
            sender: user,
            recipient: user,
            request: v::ExitPoolRequest {
                assets: pool.tokens.clone(),
                minAmountsOut: vec![U256::ZERO; pool.tokens.len()],
                userData: Bytes::from(user_data),
                toInternalBalance: false,
            },
        };
        self.vf.call(user, &call)
    }

    /// INIT join by `user` with `amounts` (token units); asserts success.
    pub fn init_join(&mut self, pool: &Pool, user: Address, amounts: &[U256]) -> CallResult {
        let r = self.join(pool, user, (U256::ZERO, amounts.to_vec()).abi_encode_params());
        assert!(r.success, "INIT join reverted: 0x{}", alloy_primitives::hex::encode(&r.output));
        r
    }

    /// Vault.swap with wallet funds; no limit.
    pub fn swap(&mut self, pool: &Pool, user: Address, kind: u8, token_in: Address, token_out: Address, amount: U256) -> CallResult {
        let limit = if kind == GIVEN_IN { U256::ZERO } else { U256::MAX };
        let call = self.vf.swap_call(pool.pool_id, kind, token_in, token_out, amount, user, limit);
        self.vf.call(user, &call)
    }

    /// The two-token 80/20 pool used by most tests: the fixture's 18-decimal and
    /// 6-decimal tokens, fee 1%, funded with INIT amounts by alice.
    pub fn funded_80_20(&mut self) -> Pool {
        let (t18, t6) = self.token_pair_18_6();
        let mut tokens = vec![t18, t6];
        tokens.sort();
        let weights: Vec<U256> = tokens
            .iter()
            .map(|t| if *t == t18 { e(8, 17) } else { e(2, 17) })
            .collect();
        let pool = self.create(&tokens, &weights, e(1, 16));
        let amounts: Vec<U256> = tokens.iter().map(|t| if *t == t18 { e(800, 18) } else { e(200, 6) }).collect();
        let alice = self.vf.alice;
        self.init_join(&pool, alice, &amounts);
        pool
    }

    /// (an 18-decimal token, the 6-decimal token) of the Vault fixture.
    pub fn token_pair_18_6(&mut self) -> (Address, Address) {
        let tokens = self.vf.tokens.clone();
        let t6 = *tokens.iter().find(|t| self.decimals_of(**t) == 6).expect("a 6-decimal token");
        let t18 = *tokens.iter().find(|t| self.decimals_of(**t) == 18).expect("an 18-decimal token");
        (t18, t6)
    }
}

impl Default for PoolFixture {
    fn default() -> Self {
        Self::new()
    }
}

/// Independent expectations: the design's rounding rules applied with `weighted-math`.
pub mod oracle {
    use alloy_primitives::U256;
    use weighted_math as wm;

    pub fn upscale(x: U256, factor: U256) -> U256 {
        x * factor
    }

    pub fn down(x: U256, factor: U256) -> U256 {
        x / factor
    }

    pub fn up(x: U256, factor: U256) -> U256 {
        x.div_ceil(factor)
    }

    /// GIVEN_IN: fee taken (rounded up) from the upscaled amount, math, downscale down.
    #[allow(clippy::too_many_arguments)]
    pub fn out_given_in(bin: U256, fin: U256, win: U256, bout: U256, fout: U256, wout: U256, amount: U256, fee: U256) -> U256 {
        let a = upscale(amount, fin);
        let a = a - wm::mul_up(a, fee).unwrap();
        let out = wm::calc_out_given_in(upscale(bin, fin), win, upscale(bout, fout), wout, a).unwrap();
        down(out, fout)
    }

    /// GIVEN_OUT: math (up), gross up by 1 - fee (up), downscale up.
    #[allow(clippy::too_many_arguments)]
    pub fn in_given_out(bin: U256, fin: U256, win: U256, bout: U256, fout: U256, wout: U256, amount: U256, fee: U256) -> U256 {
        let ain = wm::calc_in_given_out(upscale(bin, fin), win, upscale(bout, fout), wout, upscale(amount, fout)).unwrap();
        up(wm::div_up(ain, wm::complement(fee).unwrap()).unwrap(), fin)
    }

    pub fn invariant(weights: &[U256], balances: &[U256], factors: &[U256]) -> U256 {
        let scaled: Vec<U256> = balances.iter().zip(factors).map(|(b, f)| upscale(*b, *f)).collect();
        wm::calculate_invariant(weights, &scaled).unwrap()
    }

    pub fn scaled(v: &[U256], factors: &[U256]) -> Vec<U256> {
        v.iter().zip(factors).map(|(b, f)| upscale(*b, *f)).collect()
    }
}
