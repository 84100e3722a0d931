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
use alloy_primitives::{Address, I256, U256};

use crate::abi::{BatchSwapStep, FundManagement, Swap};
use crate::balances::BalanceCache;
use crate::errors::Res;
use crate::swaps::{SwapContext, GIVEN_IN, GIVEN_OUT};
use crate::{ensure, err, lock, math, Vault};
use stylus_sdk::prelude::*;

impl Vault {
    /// Runs every step in `cache` and returns the per-asset deltas.
    fn swap_with_pools(
        &self,
        cache: &mut BalanceCache,
        ctx: &SwapContext,
        steps: Vec<BatchSwapStep>,
        assets: &[Address],
        emit: bool,
    ) -> Res<Vec<I256>> {
        ensure!(ctx.kind <= GIVEN_OUT, InvalidSwapKind);
        let mut deltas = alloc::vec![I256::ZERO; assets.len()];
        let mut previous_token = Address::ZERO;
        let mut previous_amount = U256::ZERO;
        for (i, step) in steps.into_iter().enumerate() {
            let index = |x: U256| -> Res<usize> {
                usize::try_from(x).ok().filter(|i| *i < assets.len()).ok_or_else(|| err!(OutOfBounds))
            };
            let (i_in, i_out) = (index(step.assetInIndex)?, index(step.assetOutIndex)?);
            let (token_in, token_out) = (assets[i_in], assets[i_out]);
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
                self.swap_with_pool(cache, ctx, step.poolId, token_in, token_out, amount, step.userData)?;
            if emit {
                self.vm().log(Swap {
                    poolId: step.poolId,
                    tokenIn: token_in,
                    tokenOut: token_out,
                    amountIn: done.amount_in,
                    amountOut: done.amount_out,
                });
            }
            previous_token = if ctx.kind == GIVEN_IN { token_out } else { token_in };
            previous_amount = done.calculated;
            let overflow = || err!(ArithmeticOverflow);
            deltas[i_in] = deltas[i_in].checked_add(math::signed(done.amount_in)?).ok_or_else(overflow)?;
            deltas[i_out] = deltas[i_out].checked_sub(math::signed(done.amount_out)?).ok_or_else(overflow)?;
        }
        Ok(deltas)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn do_batch_swap(
        &mut self,
        kind: u8,
        steps: Vec<BatchSwapStep>,
        assets: Vec<Address>,
        funds: FundManagement,
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
        cache.commit(&mut self.registry.balances);
        for (&asset, delta) in assets.iter().zip(&deltas) {
            let amount = delta.unsigned_abs();
            if delta.is_positive() {
                self.receive_asset(asset, amount, funds.sender, funds.fromInternalBalance)?;
            } else if delta.is_negative() {
                self.send_asset(asset, amount, funds.recipient, funds.toInternalBalance)?;
            }
        }
        lock::exit();
        Ok(deltas)
    }

    pub(crate) fn do_query_batch_swap(
        &self,
        kind: u8,
        steps: Vec<BatchSwapStep>,
        assets: Vec<Address>,
        funds: FundManagement,
    ) -> Res<Vec<I256>> {
        ensure!(lock::state() == lock::FREE, Reentrancy);
        let ctx = SwapContext { kind, from: funds.sender, to: funds.recipient, block: self.vm().block_number() };
        self.swap_with_pools(&mut BalanceCache::default(), &ctx, steps, &assets, false)
    }
}
