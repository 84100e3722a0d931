//! Batch swaps with net settlement, and `queryBatchSwap`.
//!
//! Steps follow V2: `amount == 0` takes the previous step's calculated amount, which
//! requires the previous step's calculated token to be this step's given token
//! (`MalconstructedMultihopSwap` otherwise). Only the net delta of each asset is
//! settled (positive = into the Vault), each checked against its limit.
//!
//! `queryBatchSwap` runs exactly the same loop on an in-memory overlay of the balances
//! and writes nothing (no storage, no events, no transfers), so it works through
//! `eth_call`, and even through `STATICCALL` as long as the pools' `onSwap` does not
//! write state. V2 needs a revert trick for this; we do not. It refuses to run while a
//! Vault operation is in progress (its answer would expose half-updated balances).

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, I256, U256};


use crate::balances::BalanceCache;
use crate::errors::Res;
use crate::swaps::{Funds, SwapContext, GIVEN_IN, GIVEN_OUT};
use crate::{ensure, err, events, lock, math, Vault};
use stylus_sdk::prelude::*;

/// V2 `BatchSwapStep`, decoded (user data borrowed from the calldata).
pub struct Step<'a> {
    pub pool_id: B256,
    pub asset_in: U256,
    pub asset_out: U256,
    pub amount: U256,
    pub user_data: &'a [u8],
}

/// Borrowing view of V2 `BatchSwapStep`s (typed API).
pub fn steps_of(steps: &[crate::abi::BatchSwapStep]) -> Vec<Step<'_>> {
    steps
        .iter()
        .map(|s| Step {
            pool_id: s.poolId,
            asset_in: s.assetInIndex,
            asset_out: s.assetOutIndex,
            amount: s.amount,
            user_data: &s.userData,
        })
        .collect()
}

impl Vault {
    /// Runs every step in `cache` and returns the per-asset deltas.
    fn swap_with_pools(
        &self,
        cache: &mut BalanceCache,
        ctx: &SwapContext,
        steps: Vec<Step>,
        assets: &[Address],
        emit: bool,
    ) -> Res<Vec<I256>> {
        ensure!(ctx.kind <= GIVEN_OUT, InvalidSwapKind);
        let mut deltas = alloc::vec![I256::ZERO; assets.len()];
        let mut previous_token = Address::ZERO;
        let mut previous_amount = U256::ZERO;
        for (i, step) in steps.into_iter().enumerate() {
            let index = |x: U256| -> Res<(usize, Address)> {
                let i = usize::try_from(x).map_err(|_| err!(OutOfBounds))?;
                assets.get(i).map(|a| (i, *a)).ok_or_else(|| err!(OutOfBounds))
            };
            let ((i_in, token_in), (i_out, token_out)) = (index(step.asset_in)?, index(step.asset_out)?);
            ensure!(token_in != token_out, CannotSwapSameToken);
            let given_token = if ctx.kind == GIVEN_IN { token_in } else { token_out };
            let amount = if step.amount.is_zero() {
                ensure!(i > 0, UnknownAmountInFirstSwap);
                ensure!(previous_token == given_token, MalconstructedMultihopSwap);
                previous_amount
            } else {
                step.amount
            };
            let done =
                self.swap_with_pool(cache, ctx, step.pool_id, token_in, token_out, amount, step.user_data)?;
            if emit {
                events::swap(self.vm(), step.pool_id, token_in, token_out, done.amount_in, done.amount_out);
            }
            previous_token = if ctx.kind == GIVEN_IN { token_out } else { token_in };
            previous_amount = done.calculated;
            math::add_delta(&mut deltas, i_in, math::signed(done.amount_in)?)?;
            math::add_delta(&mut deltas, i_out, math::neg(done.amount_out)?)?;
        }
        Ok(deltas)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn do_batch_swap(
        &mut self,
        kind: u8,
        steps: Vec<Step>,
        assets: Vec<Address>,
        funds: Funds,
        limits: Vec<I256>,
        deadline: U256,
    ) -> Res<Vec<I256>> {
        lock::enter()?;
        ensure!(U256::from(self.now()) <= deadline, SwapDeadline);
        self.config_unpaused()?;
        self.authenticate_for(funds.sender)?;
        ensure!(assets.len() == limits.len(), InputLengthMismatch);
        let ctx = SwapContext { kind, from: funds.sender, to: funds.recipient, block: self.vm().block_number() };
        let mut cache = BalanceCache::default();
        let deltas = self.swap_with_pools(&mut cache, &ctx, steps, &assets, true)?;
        for (delta, limit) in deltas.iter().zip(&limits) {
            ensure!(delta <= limit, SwapLimit);
        }
        cache.commit(self);
        for (&asset, delta) in assets.iter().zip(&deltas) {
            let amount = delta.unsigned_abs();
            if delta.is_positive() {
                self.receive_asset(asset, amount, funds.sender, funds.from_internal)?;
            } else if delta.is_negative() {
                self.send_asset(asset, amount, funds.recipient, funds.to_internal)?;
            }
        }
        lock::exit();
        Ok(deltas)
    }

    pub(crate) fn do_query_batch_swap(
        &self,
        kind: u8,
        steps: Vec<Step>,
        assets: Vec<Address>,
        funds: Funds,
    ) -> Res<Vec<I256>> {
        ensure!(lock::state() == lock::FREE, Reentrancy);
        let ctx = SwapContext { kind, from: funds.sender, to: funds.recipient, block: self.vm().block_number() };
        self.swap_with_pools(&mut BalanceCache::default(), &ctx, steps, &assets, false)
    }
}
