//! The WeightedPool program: storage, the public ABI, and the glue between the Vault's
//! hooks and the pure arithmetic in `swap` / `join_exit`.
//!
//! Each pool is a proxy that delegatecalls into the facet programs built from this crate,
//! so all storage (`storage.rs`) lives in the proxy and `contract_address()` is the proxy.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::sol;
use stylus_sdk::prelude::*;

/// V2's swap request, declared once with the ABI (`crate::abi`).
pub use crate::abi::SwapRequest;
use crate::bpt;
use crate::errors::*;
use crate::external;
use crate::join_exit::{self, Outcome, PoolView, MINIMUM_BPT};
use crate::layout::{self, Config, TokenConfig, TOKENS_PER_WORD};
use crate::permit;
use crate::scaling::{self, MAX_DECIMALS};
use crate::storage::{self as slot};
use crate::swap::{self, SwapSide};
use crate::text::{self, TextId};
use crate::user_data::{self, JoinRequest};

/// Pool size limits. Swap gas does not depend on the size (two token entries are read
/// whatever n is); joins/exits grow linearly with n.
pub const MIN_TOKENS: usize = 2;
pub const MAX_TOKENS: usize = 16;
pub const MIN_WEIGHT: u64 = 10_000_000_000_000_000; // 1%
pub const ONE: u64 = 1_000_000_000_000_000_000;
pub const MIN_SWAP_FEE: u64 = 1_000_000_000_000; // 0.0001%
pub const MAX_SWAP_FEE: u64 = 100_000_000_000_000_000; // 10%

/// Vault pool specializations (V2 enum values).
pub const MINIMAL_SWAP_INFO: u8 = 1;
pub const TWO_TOKEN: u8 = 2;
/// SwapKind.GIVEN_IN (V2 enum value); anything else is GIVEN_OUT.
const GIVEN_IN: u8 = 0;

sol! {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event SwapFeePercentageChanged(uint256 swapFeePercentage);
    event PausedStateChanged(bool paused);
}

/// The pool. Its storage is raw slots (`storage.rs` has the layout), so the struct holds
/// nothing but the host. The deployed entry point is `entrypoint::user_entrypoint` (lean
/// router); `#[public]` below provides the typed API and export-abi.
#[storage]
pub struct WeightedPool {}

/// What join/exit need beyond the config word.
struct FullState {
    weights: Vec<U256>,
    exponents: Vec<u8>,
}

impl WeightedPool {
    fn load_config(&self) -> Config {
        Config::unpack(self.sload(slot::CONFIG))
    }

    fn only_vault(&self, config: &Config) -> Result<(), PoolError> {
        let caller = self.vm().msg_sender();
        if config.vault.is_zero() || caller != config.vault {
            return Err(PoolError::CallerNotVault(CallerNotVault { caller }));
        }
        Ok(())
    }

    fn only_owner(&self) -> Result<(), PoolError> {
        let caller = self.vm().msg_sender();
        let owner = self.sload_address(slot::OWNER);
        if owner.is_zero() || caller != owner {
            return Err(PoolError::CallerNotOwner(CallerNotOwner { caller }));
        }
        Ok(())
    }

    fn check_pool_id(&self, pool_id: B256) -> Result<(), PoolError> {
        if pool_id != self.pool_id() {
            return Err(PoolError::InvalidPoolId(InvalidPoolId { poolId: pool_id }));
        }
        Ok(())
    }

    /// Swap-path poolId check without the cold read of the stored id: the id's address
    /// part must be this pool and its specialization the one this pool registered with.
    /// The pool registers exactly once (in `initialize`), and the Vault only calls a
    /// pool for ids it issued, so this equals comparing the whole id.
    fn check_swap_pool_id(&self, pool_id: B256, config: &Config) -> Result<(), PoolError> {
        let bytes = pool_id.as_slice();
        let this = self.vm().contract_address();
        let spec = specialization(usize::from(config.num_tokens));
        let address_matches = bytes.get(..20) == Some(this.as_slice());
        let spec_matches = bytes.get(20..22) == Some(&[0u8, spec][..]);
        if !(address_matches && spec_matches) {
            return Err(PoolError::InvalidPoolId(InvalidPoolId { poolId: pool_id }));
        }
        Ok(())
    }

    fn token_word(&self, word: usize) -> U256 {
        self.sload(slot::token_word(word))
    }

    fn pool_id(&self) -> B256 {
        B256::new(crate::codec::u256_word(self.sload(slot::POOL_ID)))
    }

    pub(crate) fn total_supply_value(&self) -> U256 {
        self.sload(slot::TOTAL_SUPPLY)
    }

    pub(crate) fn balance_value(&self, account: Address) -> U256 {
        self.sload(slot::balance(account))
    }

    pub(crate) fn allowance_value(&self, owner: Address, spender: Address) -> U256 {
        self.sload(slot::allowance(owner, spender))
    }

    /// What the join/exit math reads: the loaded weights and exponents, the fee, the
    /// supply and the invariant after the last join or exit (for protocol fees).
    #[inline(always)]
    fn pool_view<'a>(&self, config: &Config, state: &'a FullState, total_supply: U256) -> PoolView<'a> {
        PoolView {
            weights: &state.weights,
            exponents: &state.exponents,
            swap_fee: U256::from(config.swap_fee),
            total_supply,
            last_invariant: self.sload(slot::LAST_INVARIANT),
        }
    }

    fn load_full_state(&self, n: usize) -> FullState {
        let mut weights = Vec::with_capacity(n);
        let mut exponents = Vec::with_capacity(n);
        let mut word = U256::ZERO;
        for i in 0..n {
            if i % TOKENS_PER_WORD == 0 {
                word = self.token_word(i / TOKENS_PER_WORD);
            }
            let t = layout::get_token(word, i);
            weights.push(U256::from(t.weight));
            exponents.push(t.scaling_exponent);
        }
        FullState { weights, exponents }
    }

    /// The two tokens of a swap. Two-token pools: tokens are sorted, so the smaller
    /// address is index 0 and both live in token word 0 (one read, no lookup). The Vault
    /// only calls with the pool's registered tokens.
    fn swap_tokens(&self, config: &Config, token_in: Address, token_out: Address) -> Result<(TokenConfig, TokenConfig), PoolError> {
        if token_in == token_out {
            return Err(PoolError::SameToken(SameToken { token: token_in }));
        }
        if config.num_tokens == 2 {
            let word = self.token_word(0);
            let (i, o) = if token_in < token_out { (0, 1) } else { (1, 0) };
            return Ok((layout::get_token(word, i), layout::get_token(word, o)));
        }
        let lookup = |token: Address| {
            layout::unpack_entry(self.sload(slot::token_entry(token)))
                .map(|(_, t)| t)
                .ok_or(PoolError::UnknownToken(UnknownToken { token }))
        };
        Ok((lookup(token_in)?, lookup(token_out)?))
    }

    fn vault_balances(&self, config: &Config) -> Result<Vec<U256>, PoolError> {
        external::pool_balances(self.vm(), config.vault, self.pool_id())
    }

    fn store_initial_config(
        &mut self,
        vault: Address,
        tokens: &[Address],
        weights: &[U256],
        exponents: &[u8],
        swap_fee: u64,
    ) -> Result<(), PoolError> {
        let n = tokens.len();
        let mut words = vec![U256::ZERO; n.div_ceil(TOKENS_PER_WORD)];
        for (i, ((token, w), e)) in tokens.iter().zip(weights).zip(exponents).enumerate() {
            let weight = u64::try_from(*w).map_err(|_| overflow())?;
            let t = TokenConfig { weight, scaling_exponent: *e };
            let (word_index, _) = layout::token_word_position(i);
            let word = words.get_mut(word_index).ok_or_else(overflow)?;
            *word = layout::put_token(*word, i, t);
            self.sstore(slot::token_entry(*token), layout::pack_entry(i, t));
            self.sstore_address(slot::token(i), *token);
        }
        for (k, word) in words.iter().enumerate() {
            self.sstore(slot::token_word(k), *word);
        }
        let num_tokens = u8::try_from(n).map_err(|_| overflow())?;
        self.sstore(slot::CONFIG, Config { vault, swap_fee, num_tokens, paused: false }.pack());
        Ok(())
    }

    fn apply_join(&mut self, recipient: Address, outcome: &Outcome, locked: U256) -> Result<(), PoolError> {
        if !locked.is_zero() {
            bpt::mint(self, Address::ZERO, locked)?;
        }
        let to_recipient = outcome.bpt.checked_sub(locked).ok_or_else(overflow)?;
        bpt::mint(self, recipient, to_recipient)?;
        self.sstore(slot::LAST_INVARIANT, outcome.last_invariant);
        Ok(())
    }
}

pub fn specialization(num_tokens: usize) -> u8 {
    if num_tokens == 2 {
        TWO_TOKEN
    } else {
        MINIMAL_SWAP_INFO
    }
}

/// Validates `initialize`'s pool parameters (everything but token decimals).
pub fn validate_pool_params(tokens: &[Address], weights: &[U256], swap_fee: U256) -> Result<u64, PoolError> {
    let n = tokens.len();
    if !(MIN_TOKENS..=MAX_TOKENS).contains(&n) {
        return Err(PoolError::TokenCountOutOfRange(TokenCountOutOfRange {
            count: U256::from(n),
            min: U256::from(MIN_TOKENS),
            max: U256::from(MAX_TOKENS),
        }));
    }
    if weights.len() != n {
        return Err(PoolError::InputLengthMismatch(InputLengthMismatch {
            expected: U256::from(n),
            actual: U256::from(weights.len()),
        }));
    }
    let mut previous: Option<Address> = None;
    for (i, token) in tokens.iter().enumerate() {
        if token.is_zero() {
            return Err(PoolError::ZeroAddressToken(ZeroAddressToken { index: U256::from(i) }));
        }
        if let Some(prev) = previous {
            if *token == prev {
                return Err(PoolError::DuplicateToken(DuplicateToken { token: *token }));
            }
            if *token < prev {
                return Err(PoolError::TokensNotSorted(TokensNotSorted { index: U256::from(i) }));
            }
        }
        previous = Some(*token);
    }
    let mut sum = U256::ZERO;
    for (i, w) in weights.iter().enumerate() {
        if *w < U256::from(MIN_WEIGHT) {
            return Err(PoolError::MinWeight(MinWeight { index: U256::from(i), weight: *w }));
        }
        sum = sum.checked_add(*w).ok_or_else(overflow)?;
    }
    if sum != U256::from(ONE) {
        return Err(PoolError::NormalizedWeightInvariant(NormalizedWeightInvariant { sum }));
    }
    validate_swap_fee(swap_fee)
}

pub fn validate_swap_fee(fee: U256) -> Result<u64, PoolError> {
    if fee < U256::from(MIN_SWAP_FEE) || fee > U256::from(MAX_SWAP_FEE) {
        return Err(PoolError::SwapFeeOutOfBounds(SwapFeeOutOfBounds {
            swapFeePercentage: fee,
            min: U256::from(MIN_SWAP_FEE),
            max: U256::from(MAX_SWAP_FEE),
        }));
    }
    u64::try_from(fee).map_err(|_| overflow())
}

#[public]
impl WeightedPool {
    // ------------------------------------------------------------------ lifecycle

    /// One-time initialiser (the factory calls it on a fresh clone in the creating call).
    /// Validates everything, reads each token's decimals, registers the pool and its
    /// tokens with `vault`, and stores the poolId.
    #[allow(clippy::too_many_arguments)]
    pub fn initialize(
        &mut self,
        vault: Address,
        name: String,
        symbol: String,
        tokens: Vec<Address>,
        normalized_weights: Vec<U256>,
        swap_fee_percentage: U256,
        owner: Address,
    ) -> Result<(), PoolError> {
        self.initialize_raw(vault, name.as_bytes(), symbol.as_bytes(), tokens, normalized_weights, swap_fee_percentage, owner)
    }

    // ------------------------------------------------------------------ Vault hooks

    /// V2 IMinimalSwapInfoPool.onSwap. Reads two storage words for two-token pools
    /// (config + token word), three otherwise (config + two token entries); no calls.
    pub fn on_swap(&self, request: SwapRequest, balance_token_in: U256, balance_token_out: U256) -> Result<U256, PoolError> {
        let sides = (request.tokenIn, balance_token_in, request.tokenOut, balance_token_out);
        self.swap(request.kind, request.poolId, sides, request.amount)
    }

    /// V2 IBasePool.onJoinPool: mints BPT to `recipient`; returns amounts in (rounded up)
    /// and due protocol fees (rounded down).
    #[allow(clippy::too_many_arguments)]
    pub fn on_join_pool(
        &mut self,
        pool_id: B256,
        _sender: Address,
        recipient: Address,
        balances: Vec<U256>,
        _last_change_block: U256,
        protocol_swap_fee_percentage: U256,
        user_data: alloy_primitives::Bytes,
    ) -> Result<(Vec<U256>, Vec<U256>), PoolError> {
        self.join_pool(pool_id, recipient, balances, protocol_swap_fee_percentage, &user_data)
    }

    /// V2 IBasePool.onExitPool: burns BPT from `sender`; returns amounts out and due
    /// protocol fees (both rounded down).
    #[allow(clippy::too_many_arguments)]
    pub fn on_exit_pool(
        &mut self,
        pool_id: B256,
        sender: Address,
        _recipient: Address,
        balances: Vec<U256>,
        _last_change_block: U256,
        protocol_swap_fee_percentage: U256,
        user_data: alloy_primitives::Bytes,
    ) -> Result<(Vec<U256>, Vec<U256>), PoolError> {
        self.exit_pool(pool_id, sender, balances, protocol_swap_fee_percentage, &user_data)
    }

    // ------------------------------------------------------------------ pool getters

    pub fn get_pool_id(&self) -> B256 {
        self.pool_id()
    }

    pub fn get_vault(&self) -> Address {
        self.load_config().vault
    }

    pub fn get_owner(&self) -> Address {
        self.sload_address(slot::OWNER)
    }

    pub fn get_swap_fee_percentage(&self) -> U256 {
        U256::from(self.load_config().swap_fee)
    }

    /// Registration order, 18-decimal fixed point.
    pub fn get_normalized_weights(&self) -> Vec<U256> {
        self.load_full_state(usize::from(self.load_config().num_tokens)).weights
    }

    /// `1e18 * 10^(18 - decimals)` per token (V2's getScalingFactors convention).
    pub fn get_scaling_factors(&self) -> Result<Vec<U256>, PoolError> {
        let state = self.load_full_state(usize::from(self.load_config().num_tokens));
        state
            .exponents
            .iter()
            .map(|e| scaling::mul_u64(scaling::scaling_factor(*e)?, ONE).ok_or_else(overflow))
            .collect()
    }

    /// Invariant stored after the last join/exit (basis of the protocol swap fee).
    pub fn get_last_invariant(&self) -> U256 {
        self.sload(slot::LAST_INVARIANT)
    }

    /// Current invariant from the Vault's balances (scaled to 18 decimals), rounded down.
    pub fn get_invariant(&self) -> Result<U256, PoolError> {
        let config = self.load_config();
        let balances = self.vault_balances(&config)?;
        let state = self.load_full_state(usize::from(config.num_tokens));
        let scaled = scaling::upscale_all(&balances, &state.exponents)?;
        Ok(weighted_math::calculate_invariant(&state.weights, &scaled)?)
    }

    /// Spot price incl. swap fee: tokenIn per tokenOut (whole tokens), 18 decimals.
    pub fn get_spot_price(&self, token_in: Address, token_out: Address) -> Result<U256, PoolError> {
        self.spot_price(token_in, token_out, true)
    }

    /// Spot price excl. swap fee: `(B_in/W_in)/(B_out/W_out)`, tokenIn per tokenOut
    /// (whole tokens), 18 decimals.
    pub fn get_spot_price_sans_fee(&self, token_in: Address, token_out: Address) -> Result<U256, PoolError> {
        self.spot_price(token_in, token_out, false)
    }

    /// V2 signature. There is no pause window: the owner may pause at any time, so both
    /// end times are reported as the maximum uint256.
    pub fn get_paused_state(&self) -> (bool, U256, U256) {
        (self.load_config().paused, U256::MAX, U256::MAX)
    }

    // ------------------------------------------------------------------ owner

    pub fn set_swap_fee_percentage(&mut self, swap_fee_percentage: U256) -> Result<(), PoolError> {
        self.only_owner()?;
        let fee = validate_swap_fee(swap_fee_percentage)?;
        let mut config = self.load_config();
        config.swap_fee = fee;
        self.sstore(slot::CONFIG, config.pack());
        crate::events::emit(self.vm(), crate::events::swap_fee_percentage_changed(swap_fee_percentage));
        Ok(())
    }

    /// Stops swaps, joins and non-proportional exits; enables the recovery exit.
    pub fn pause(&mut self) -> Result<(), PoolError> {
        self.set_paused(true)
    }

    pub fn unpause(&mut self) -> Result<(), PoolError> {
        self.set_paused(false)
    }

    // ------------------------------------------------------------------ BPT (ERC-20)

    pub fn name(&self) -> String {
        String::from_utf8_lossy(&self.name_bytes()).into_owned()
    }

    pub fn symbol(&self) -> String {
        String::from_utf8_lossy(&self.symbol_bytes()).into_owned()
    }

    pub fn decimals(&self) -> u8 {
        18
    }

    pub fn total_supply(&self) -> U256 {
        self.total_supply_value()
    }

    pub fn balance_of(&self, account: Address) -> U256 {
        self.balance_value(account)
    }

    pub fn allowance(&self, owner: Address, spender: Address) -> U256 {
        self.allowance_value(owner, spender)
    }

    pub fn transfer(&mut self, to: Address, value: U256) -> Result<bool, PoolError> {
        let from = self.vm().msg_sender();
        bpt::transfer(self, from, to, value)?;
        Ok(true)
    }

    pub fn approve(&mut self, spender: Address, value: U256) -> Result<bool, PoolError> {
        let owner = self.vm().msg_sender();
        bpt::approve(self, owner, spender, value)?;
        Ok(true)
    }

    /// An infinite (max uint256) allowance is never decremented.
    pub fn transfer_from(&mut self, from: Address, to: Address, value: U256) -> Result<bool, PoolError> {
        let spender = self.vm().msg_sender();
        bpt::spend_allowance(self, from, spender, value)?;
        bpt::transfer(self, from, to, value)?;
        Ok(true)
    }

    pub fn increase_allowance(&mut self, spender: Address, added_value: U256) -> Result<bool, PoolError> {
        let owner = self.vm().msg_sender();
        let current = self.allowance_value(owner, spender);
        let new = current.checked_add(added_value).ok_or_else(overflow)?;
        bpt::approve(self, owner, spender, new)?;
        Ok(true)
    }

    pub fn decrease_allowance(&mut self, spender: Address, subtracted_value: U256) -> Result<bool, PoolError> {
        let owner = self.vm().msg_sender();
        let current = self.allowance_value(owner, spender);
        let new = current.checked_sub(subtracted_value).ok_or(PoolError::ERC20InsufficientAllowance(
            ERC20InsufficientAllowance { spender, allowance: current, needed: subtracted_value },
        ))?;
        bpt::approve(self, owner, spender, new)?;
        Ok(true)
    }

    // ------------------------------------------------------------------ EIP-2612

    #[allow(clippy::too_many_arguments)]
    pub fn permit(
        &mut self,
        owner: Address,
        spender: Address,
        value: U256,
        deadline: U256,
        v: u8,
        r: B256,
        s: B256,
    ) -> Result<(), PoolError> {
        if U256::from(self.vm().block_timestamp()) > deadline {
            return Err(PoolError::ERC2612ExpiredSignature(ERC2612ExpiredSignature { deadline }));
        }
        if s > permit::MAX_S {
            return Err(PoolError::ECDSAInvalidSignatureS(ECDSAInvalidSignatureS { s }));
        }
        let nonce = self.sload(slot::nonce(owner));
        let digest = permit::permit_digest(self.domain_separator_value(), owner, spender, value, nonce, deadline);
        let signer = external::ecrecover(self.vm(), digest, v, r, s)?
            .ok_or(PoolError::ECDSAInvalidSignature(ECDSAInvalidSignature {}))?;
        if signer != owner {
            return Err(PoolError::ERC2612InvalidSigner(ERC2612InvalidSigner { signer, owner }));
        }
        self.sstore(slot::nonce(owner), nonce.checked_add(U256::from(1u8)).ok_or_else(overflow)?);
        bpt::approve(self, owner, spender, value)
    }

    pub fn nonces(&self, owner: Address) -> U256 {
        self.sload(slot::nonce(owner))
    }

    #[selector(name = "DOMAIN_SEPARATOR")]
    pub fn domain_separator(&self) -> B256 {
        self.domain_separator_value()
    }
}

impl WeightedPool {
    /// `onSwap` with the request's fields the pool uses (the router decodes only these).
    /// `sides` is (tokenIn, its balance, tokenOut, its balance).
    pub fn swap(&self, kind: u8, pool_id: B256, sides: (Address, U256, Address, U256), amount: U256) -> Result<U256, PoolError> {
        let (token_in, balance_token_in, token_out, balance_token_out) = sides;
        let config = self.load_config();
        self.only_vault(&config)?;
        self.check_swap_pool_id(pool_id, &config)?;
        if config.paused {
            return Err(PoolError::PoolPaused(PoolPaused {}));
        }
        let (tin, tout) = self.swap_tokens(&config, token_in, token_out)?;
        let side_in = SwapSide { balance: balance_token_in, token: tin };
        let side_out = SwapSide { balance: balance_token_out, token: tout };
        if kind == GIVEN_IN {
            swap::given_in(amount, side_in, side_out, config.swap_fee)
        } else {
            swap::given_out(amount, side_in, side_out, config.swap_fee)
        }
    }

    /// `onJoinPool` with `userData` borrowed from the calldata.
    pub fn join_pool(
        &mut self,
        pool_id: B256,
        recipient: Address,
        balances: Vec<U256>,
        protocol_swap_fee_percentage: U256,
        user_data: &[u8],
    ) -> Result<(Vec<U256>, Vec<U256>), PoolError> {
        let config = self.load_config();
        self.only_vault(&config)?;
        self.check_pool_id(pool_id)?;
        if config.paused {
            return Err(PoolError::PoolPaused(PoolPaused {}));
        }
        let request = user_data::decode_join(user_data)?;
        let state = self.load_full_state(usize::from(config.num_tokens));
        let supply = self.total_supply_value();
        let view = self.pool_view(&config, &state, supply);
        let (outcome, locked) = match (&request, supply.is_zero()) {
            (JoinRequest::Init { amounts_in }, true) => (join_exit::init(&view, amounts_in)?, U256::from(MINIMUM_BPT)),
            (JoinRequest::Init { .. }, false) => return Err(PoolError::PoolAlreadyFunded(PoolAlreadyFunded {})),
            (_, true) => return Err(PoolError::PoolNotFunded(PoolNotFunded {})),
            (_, false) => (join_exit::join(&view, &balances, protocol_swap_fee_percentage, &request)?, U256::ZERO),
        };
        self.apply_join(recipient, &outcome, locked)?;
        Ok((outcome.amounts, outcome.due_protocol_fees))
    }

    /// `onExitPool` with `userData` borrowed from the calldata.
    pub fn exit_pool(
        &mut self,
        pool_id: B256,
        sender: Address,
        balances: Vec<U256>,
        protocol_swap_fee_percentage: U256,
        user_data: &[u8],
    ) -> Result<(Vec<U256>, Vec<U256>), PoolError> {
        let config = self.load_config();
        self.only_vault(&config)?;
        self.check_pool_id(pool_id)?;
        let supply = self.total_supply_value();
        if supply.is_zero() {
            return Err(PoolError::PoolNotFunded(PoolNotFunded {}));
        }
        let request = user_data::decode_exit(user_data)?;
        let state = self.load_full_state(usize::from(config.num_tokens));
        let view = self.pool_view(&config, &state, supply);
        let outcome = join_exit::exit(&view, &balances, protocol_swap_fee_percentage, &request, config.paused)?;
        bpt::burn(self, sender, outcome.bpt)?;
        self.sstore(slot::LAST_INVARIANT, outcome.last_invariant);
        Ok((outcome.amounts, outcome.due_protocol_fees))
    }

    /// `initialize` with name/symbol as raw bytes (what the router decodes).
    #[allow(clippy::too_many_arguments)]
    pub fn initialize_raw(
        &mut self,
        vault: Address,
        name: &[u8],
        symbol: &[u8],
        tokens: Vec<Address>,
        normalized_weights: Vec<U256>,
        swap_fee_percentage: U256,
        owner: Address,
    ) -> Result<(), PoolError> {
        if !self.load_config().vault.is_zero() {
            return Err(PoolError::AlreadyInitialized(AlreadyInitialized {}));
        }
        if vault.is_zero() {
            return Err(PoolError::ZeroAddressVault(ZeroAddressVault {}));
        }
        let swap_fee = validate_pool_params(&tokens, &normalized_weights, swap_fee_percentage)?;
        let mut exponents = Vec::with_capacity(tokens.len());
        for token in &tokens {
            let decimals = external::decimals(self.vm(), *token)?;
            let d = u8::try_from(decimals).ok().filter(|d| *d <= MAX_DECIMALS).ok_or(
                PoolError::TokenDecimalsTooHigh(TokenDecimalsTooHigh { token: *token, decimals }),
            )?;
            exponents.push(MAX_DECIMALS.checked_sub(d).ok_or_else(overflow)?);
        }
        self.store_initial_config(vault, &tokens, &normalized_weights, &exponents, swap_fee)?;
        text::write(self, TextId::Name, name)?;
        text::write(self, TextId::Symbol, symbol)?;
        self.sstore_address(slot::OWNER, owner);
        let pool_id = external::register_pool(self.vm(), vault, specialization(tokens.len()))?;
        self.sstore(slot::POOL_ID, crate::codec::word_u256(pool_id.0));
        external::register_tokens(self.vm(), vault, pool_id, &tokens)?;
        crate::events::emit(self.vm(), crate::events::swap_fee_percentage_changed(swap_fee_percentage));
        Ok(())
    }

    pub fn name_bytes(&self) -> Vec<u8> {
        text::read(self, TextId::Name)
    }

    pub fn symbol_bytes(&self) -> Vec<u8> {
        text::read(self, TextId::Symbol)
    }

    fn domain_separator_value(&self) -> B256 {
        permit::domain_separator(&self.name_bytes(), self.vm().chain_id(), self.vm().contract_address())
    }

    fn set_paused(&mut self, paused: bool) -> Result<(), PoolError> {
        self.only_owner()?;
        let mut config = self.load_config();
        config.paused = paused;
        self.sstore(slot::CONFIG, config.pack());
        crate::events::emit(self.vm(), crate::events::paused_state_changed(paused));
        Ok(())
    }

    fn spot_price(&self, token_in: Address, token_out: Address, with_fee: bool) -> Result<U256, PoolError> {
        let config = self.load_config();
        let n = usize::from(config.num_tokens);
        let entry = |token: Address| {
            layout::unpack_entry(self.sload(slot::token_entry(token))).ok_or(PoolError::UnknownToken(UnknownToken { token }))
        };
        let (i, tin) = entry(token_in)?;
        let (o, tout) = entry(token_out)?;
        if i == o {
            return Err(PoolError::SameToken(SameToken { token: token_in }));
        }
        let balances = self.vault_balances(&config)?;
        if balances.len() != n {
            return Err(PoolError::MalformedReturnData(MalformedReturnData { target: config.vault }));
        }
        let balance = |k: usize| balances.get(k).copied().ok_or_else(overflow);
        swap::spot_price(
            SwapSide { balance: balance(i)?, token: tin },
            SwapSide { balance: balance(o)?, token: tout },
            with_fee.then_some(config.swap_fee),
        )
    }
}
