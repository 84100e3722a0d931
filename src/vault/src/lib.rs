//! # Vault: a Balancer V2-compatible Vault for Arbitrum Stylus
//!
//! One contract holds every pool's tokens. Same Solidity signatures, selectors, struct
//! layouts, enum values and events as Balancer V2's `IVault` for everything it offers
//! (see `abi.rs`), so V2 routers, SDKs and indexers work unchanged.
//!
//! ## Modules (one job each)
//! * [`registry`]: pool ids, token (de)registration, balance views.
//! * [`balances`]: the packed balance words and the per-operation overlay.
//! * [`swaps`] / [`batch`]: single swaps, batch swaps, `queryBatchSwap`.
//! * [`joins_exits`]: `joinPool` / `exitPool`.
//! * [`flash_loan`], [`internal_balance`], [`relayers`].
//! * [`admin`]: authorizer, protocol fees (the Vault is its own fee collector), pause.
//! * [`lock`]: the Vault-wide transient-storage re-entrancy lock.
//! * [`tokens`]: SafeERC20-style token calls. [`errors`]: typed errors. [`math`].
//!
//! ## Decisions, in short
//! * Specializations: MINIMAL_SWAP_INFO (1) and TWO_TOKEN (2). GENERAL is refused.
//! * Every state-changing entry point takes the lock; `getPoolTokens`,
//!   `getPoolTokenInfo`, `getInternalBalance` and `queryBatchSwap` revert with
//!   `Reentrancy` while an operation is half-way (read-only re-entrancy); during a
//!   flash-loan callback the views answer (state is consistent) but nothing else does.
//! * Roles: a single authorizer address (`initialize`, `setAuthorizer`): pause,
//!   protocol fee percentages and fee recipient. Relayers need only the user's approval.
//! * No native ETH (asset `address(0)`): swaps/joins refuse it as an unregistered
//!   token, `manageUserBalance` with `EthNotSupported`; `WETH()` is still answered.
//! * No asset managers (`managed` is always 0). Fee-on-transfer and rebasing tokens
//!   are unsupported; flash loans detect them.
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#[macro_use]
extern crate alloc;

pub mod abi;
pub mod admin;
pub mod balances;
pub mod batch;
pub mod codec;
pub mod events;
pub mod router;
#[cfg(feature = "contract")]
pub mod entrypoint;
pub mod errors;
pub mod flash_loan;
pub mod internal_balance;
pub mod joins_exits;
pub mod lock;
pub mod math;
pub mod registry;
pub mod relayers;
pub mod storage;
pub mod swaps;
pub mod tokens;

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, I256, U256};
use alloy_primitives::Bytes;
use stylus_sdk::prelude::*;

use alloy_sol_types::SolEvent;
use abi::{
    AuthorizerChanged, BatchSwapStep, ExitPoolRequest, FlashLoanFeePercentageChanged, FundManagement,
    JoinPoolRequest, PausedStateChanged, ProtocolFeeRecipientChanged, SingleSwap, SwapFeePercentageChanged,
    UserBalanceOp,
};
use codec::ToWord;
use errors::Res;
use joins_exits::PoolBalanceChange;

/// The Vault. It has no SDK storage fields: its layout is in [`storage`].
#[storage]
pub struct Vault {}

/// Runs a state-changing entry point under the lock.
fn locked<T>(f: impl FnOnce() -> Res<T>) -> Res<T> {
    lock::enter()?;
    let out = f()?;
    lock::exit();
    Ok(out)
}

/// The Vault's external API, with V2's Solidity signatures. In the deployed wasm these
/// methods are reached through the lean router in [`router`] (same selectors, see the
/// size note in [`codec`]); the SDK router `#[public]` generates is never called there,
/// so the linker drops it. `#[public]` is kept for the typed API and for `export-abi`,
/// which prints the Solidity interface from it.
#[public]
impl Vault {
    // ---------------- admin ----------------

    /// One-time setup; see [`admin`] for the front-running caveat.
    pub fn initialize(
        &mut self,
        authorizer: Address,
        weth: Address,
        pause_window_duration: U256,
        buffer_period_duration: U256,
    ) -> Res<()> {
        locked(|| self.do_initialize(authorizer, weth, pause_window_duration, buffer_period_duration))
    }

    #[selector(name = "WETH")]
    pub fn weth(&self) -> Address {
        self.sload_address(crate::storage::WETH)
    }

    pub fn get_authorizer(&self) -> Address {
        self.sload_address(crate::storage::AUTHORIZER)
    }

    pub fn set_authorizer(&mut self, new_authorizer: Address) -> Res<()> {
        locked(|| {
            self.only_authorizer()?;
            ensure!(!new_authorizer.is_zero(), ZeroAddress);
            self.sstore_address(crate::storage::AUTHORIZER, new_authorizer);
            events::address_changed(self.vm(), AuthorizerChanged::SIGNATURE_HASH, new_authorizer);
            Ok(())
        })
    }

    /// The Vault is its own protocol fees collector.
    pub fn get_protocol_fees_collector(&self) -> Address {
        self.vm().contract_address()
    }

    /// Protocol share of swap fees (V2 `ProtocolFeesCollector.getSwapFeePercentage`).
    pub fn get_swap_fee_percentage(&self) -> U256 {
        U256::from(self.config().swap_fee)
    }

    pub fn get_flash_loan_fee_percentage(&self) -> U256 {
        U256::from(self.config().flash_fee)
    }

    pub fn set_swap_fee_percentage(&mut self, new_swap_fee_percentage: U256) -> Res<()> {
        locked(|| {
            self.do_set_fee(false, new_swap_fee_percentage)?;
            events::value_changed(self.vm(), SwapFeePercentageChanged::SIGNATURE_HASH, new_swap_fee_percentage.to_word());
            Ok(())
        })
    }

    pub fn set_flash_loan_fee_percentage(&mut self, new_flash_loan_fee_percentage: U256) -> Res<()> {
        locked(|| {
            self.do_set_fee(true, new_flash_loan_fee_percentage)?;
            events::value_changed(self.vm(), FlashLoanFeePercentageChanged::SIGNATURE_HASH, new_flash_loan_fee_percentage.to_word());
            Ok(())
        })
    }

    /// Who is credited (internal balance) with collected protocol fees.
    pub fn get_protocol_fee_recipient(&self) -> Address {
        self.sload_address(crate::storage::FEE_RECIPIENT)
    }

    pub fn set_protocol_fee_recipient(&mut self, new_recipient: Address) -> Res<()> {
        locked(|| {
            self.only_authorizer()?;
            ensure!(!new_recipient.is_zero(), ZeroAddress);
            self.sstore_address(crate::storage::FEE_RECIPIENT, new_recipient);
            events::address_changed(self.vm(), ProtocolFeeRecipientChanged::SIGNATURE_HASH, new_recipient);
            Ok(())
        })
    }

    pub fn set_paused(&mut self, paused: bool) -> Res<()> {
        locked(|| {
            self.do_set_paused(paused)?;
            events::value_changed(self.vm(), PausedStateChanged::SIGNATURE_HASH, paused.to_word());
            Ok(())
        })
    }

    /// (paused, pauseWindowEndTime, bufferPeriodEndTime) as V2.
    pub fn get_paused_state(&self) -> (bool, U256, U256) {
        let cfg = self.config();
        (cfg.is_paused(self.now()), U256::from(cfg.pause_end), U256::from(cfg.buffer_end))
    }

    // ---------------- registry ----------------

    pub fn register_pool(&mut self, specialization: u8) -> Res<B256> {
        locked(|| self.do_register_pool(specialization))
    }

    pub fn register_tokens(&mut self, pool_id: B256, tokens: Vec<Address>, asset_managers: Vec<Address>) -> Res<()> {
        locked(|| self.do_register_tokens(pool_id, tokens, asset_managers))
    }

    pub fn deregister_tokens(&mut self, pool_id: B256, tokens: Vec<Address>) -> Res<()> {
        locked(|| self.do_deregister_tokens(pool_id, tokens))
    }

    pub fn get_pool(&self, pool_id: B256) -> Res<(Address, u8)> {
        self.do_get_pool(pool_id)
    }

    pub fn get_pool_tokens(&self, pool_id: B256) -> Res<(Vec<Address>, Vec<U256>, U256)> {
        self.do_get_pool_tokens(pool_id)
    }

    pub fn get_pool_token_info(&self, pool_id: B256, token: Address) -> Res<(U256, U256, U256, Address)> {
        self.do_get_pool_token_info(pool_id, token)
    }

    // ---------------- swaps ----------------

    pub fn swap(&mut self, single_swap: SingleSwap, funds: FundManagement, limit: U256, deadline: U256) -> Res<U256> {
        let single = swaps::Single {
            pool_id: single_swap.poolId,
            kind: single_swap.kind,
            asset_in: single_swap.assetIn,
            asset_out: single_swap.assetOut,
            amount: single_swap.amount,
            user_data: &single_swap.userData,
        };
        self.do_swap(single, funds.into(), limit, deadline)
    }

    pub fn batch_swap(
        &mut self,
        kind: u8,
        swaps: Vec<BatchSwapStep>,
        assets: Vec<Address>,
        funds: FundManagement,
        limits: Vec<I256>,
        deadline: U256,
    ) -> Res<Vec<I256>> {
        self.do_batch_swap(kind, batch::steps_of(&swaps), assets, funds.into(), limits, deadline)
    }

    /// Non-view as in V2's ABI, but writes nothing (see [`batch`]).
    pub fn query_batch_swap(
        &mut self,
        kind: u8,
        swaps: Vec<BatchSwapStep>,
        assets: Vec<Address>,
        funds: FundManagement,
    ) -> Res<Vec<I256>> {
        self.do_query_batch_swap(kind, batch::steps_of(&swaps), assets, funds.into())
    }

    // ---------------- flash loans ----------------

    pub fn flash_loan(&mut self, recipient: Address, tokens: Vec<Address>, amounts: Vec<U256>, user_data: Bytes) -> Res<()> {
        self.do_flash_loan(recipient, tokens, amounts, &user_data)
    }

    // ---------------- joins / exits ----------------

    pub fn join_pool(&mut self, pool_id: B256, sender: Address, recipient: Address, request: JoinPoolRequest) -> Res<()> {
        self.do_pool_balance_change(PoolBalanceChange {
            join: true,
            pool_id,
            sender,
            recipient,
            assets: request.assets,
            limits: request.maxAmountsIn,
            user_data: &request.userData,
            use_internal_balance: request.fromInternalBalance,
        })
    }

    pub fn exit_pool(&mut self, pool_id: B256, sender: Address, recipient: Address, request: ExitPoolRequest) -> Res<()> {
        self.do_pool_balance_change(PoolBalanceChange {
            join: false,
            pool_id,
            sender,
            recipient,
            assets: request.assets,
            limits: request.minAmountsOut,
            user_data: &request.userData,
            use_internal_balance: request.toInternalBalance,
        })
    }

    // ---------------- internal balances & relayers ----------------

    pub fn manage_user_balance(&mut self, ops: Vec<UserBalanceOp>) -> Res<()> {
        self.do_manage_user_balance(ops)
    }

    pub fn get_internal_balance(&self, user: Address, tokens: Vec<Address>) -> Res<Vec<U256>> {
        self.do_get_internal_balance(user, tokens)
    }

    pub fn set_relayer_approval(&mut self, sender: Address, relayer: Address, approved: bool) -> Res<()> {
        self.do_set_relayer_approval(sender, relayer, approved)
    }

    pub fn has_approved_relayer(&self, user: Address, relayer: Address) -> bool {
        !self.sload(crate::storage::relayer_key(user, relayer)).is_zero()
    }
}
