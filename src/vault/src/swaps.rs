//! One swap against one pool, and the single-swap entry point.
//!
//! The pool is asked for the calculated amount with a mutating call to V2's
//! `onSwap(SwapRequest, balanceTokenIn, balanceTokenOut)`: one call per swap, no
//! `balanceOf`. A two-token pool costs one balance word (one cold slot), a
//! minimal-swap-info pool two. Balances change in the caller's [`BalanceCache`].

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::SolCall;
use stylus_sdk::{call::RawCall, host::VM, prelude::*};

use crate::abi::{onSwapCall, FundManagement};
use crate::codec::{encode, word, Item, Reader};
use crate::balances::{self, BalRef, BalanceCache};
use crate::errors::Res;
use crate::registry::{pool_address, specialization, MINIMAL_SWAP_INFO, TWO_TOKEN};
use crate::{bail, ensure, err, events, lock, math, Vault};

pub const GIVEN_IN: u8 = 0;
pub const GIVEN_OUT: u8 = 1;

/// Calls a pool hook. A revert bubbles the pool's revert data up unchanged (as V2);
/// the storage cache is flushed first.
pub fn call_pool(vm: &VM, pool: Address, data: &[u8]) -> Res<Vec<u8>> {
    // SAFETY: no storage reference is alive across the call; the cache is flushed.
    unsafe { RawCall::new(vm).flush_storage_cache().call(pool, data) }.map_err(Into::into)
}

/// V2 `FundManagement`, decoded.
#[derive(Clone, Copy)]
pub struct Funds {
    pub sender: Address,
    pub from_internal: bool,
    pub recipient: Address,
    pub to_internal: bool,
}

impl From<FundManagement> for Funds {
    fn from(f: FundManagement) -> Self {
        Self {
            sender: f.sender,
            from_internal: f.fromInternalBalance,
            recipient: f.recipient,
            to_internal: f.toInternalBalance,
        }
    }
}

/// V2 `SingleSwap`, decoded (user data borrowed from the calldata).
pub struct Single<'a> {
    pub pool_id: B256,
    pub kind: u8,
    pub asset_in: Address,
    pub asset_out: Address,
    pub amount: U256,
    pub user_data: &'a [u8],
}

/// What a batch shares between its steps.
pub struct SwapContext {
    pub kind: u8,
    pub from: Address,
    pub to: Address,
    pub block: u64,
}

/// Amounts of one executed swap.
pub struct SwapAmounts {
    pub calculated: U256,
    pub amount_in: U256,
    pub amount_out: U256,
}

impl Vault {
    /// Where the two balances of a swap live; fails if either token is not the pool's.
    fn swap_refs(
        &self,
        cache: &mut BalanceCache,
        pool_id: B256,
        token_in: Address,
        token_out: Address,
    ) -> Res<(BalRef, BalRef)> {
        let refs = match specialization(pool_id) {
            TWO_TOKEN => {
                let in_first = math::addr_lt(token_in, token_out);
                let (a, b) = if in_first { (token_in, token_out) } else { (token_out, token_in) };
                let slot = cache.load(self, balances::pair_key(pool_id, a, b));
                (BalRef { slot, high: !in_first }, BalRef { slot, high: in_first })
            }
            MINIMAL_SWAP_INFO => {
                let s_in = cache.load(self, balances::token_key(pool_id, token_in));
                let s_out = cache.load(self, balances::token_key(pool_id, token_out));
                (BalRef { slot: s_in, high: false }, BalRef { slot: s_out, high: false })
            }
            _ => bail!(InvalidPoolId),
        };
        ensure!(
            balances::is_registered(cache.word(refs.0.slot))
                && balances::is_registered(cache.word(refs.1.slot)),
            TokenNotRegistered
        );
        Ok(refs)
    }

    /// Executes one swap in `cache` (nothing is written to storage here).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn swap_with_pool(
        &self,
        cache: &mut BalanceCache,
        ctx: &SwapContext,
        pool_id: B256,
        token_in: Address,
        token_out: Address,
        amount: U256,
        user_data: &[u8],
    ) -> Res<SwapAmounts> {
        let (r_in, r_out) = self.swap_refs(cache, pool_id, token_in, token_out)?;
        let bal_in = cache.balance(r_in);
        let bal_out = cache.balance(r_out);
        let last_change_block = balances::last_change_block(cache.word(r_in.slot))
            .max(balances::last_change_block(cache.word(r_out.slot)));
        // V2 SwapRequest(kind, tokenIn, tokenOut, amount, poolId, lastChangeBlock, from, to, userData)
        let request = encode(None, &[
            word(U256::from(ctx.kind)),
            word(token_in),
            word(token_out),
            word(amount),
            word(pool_id),
            word(last_change_block),
            word(ctx.from),
            word(ctx.to),
            Item::Bytes(user_data),
        ]);
        let data = encode(Some(onSwapCall::SELECTOR), &[Item::Tuple(request), word(bal_in), word(bal_out)]);
        let out = call_pool(self.vm(), pool_address(pool_id), &data)?;
        let calculated = Reader::new(&out).uint(0).map_err(|_| err!(InvalidPoolResponse))?;
        let (amount_in, amount_out) =
            if ctx.kind == GIVEN_IN { (amount, calculated) } else { (calculated, amount) };
        let new_out = bal_out.checked_sub(amount_out).ok_or_else(|| err!(InsufficientPoolBalance))?;
        cache.set_balance(r_in, math::add(bal_in, amount_in)?, ctx.block)?;
        cache.set_balance(r_out, new_out, ctx.block)?;
        Ok(SwapAmounts { calculated, amount_in, amount_out })
    }

    pub(crate) fn do_swap(&mut self, single: Single, funds: Funds, limit: U256, deadline: U256) -> Res<U256> {
        lock::enter()?;
        ensure!(U256::from(self.now()) <= deadline, SwapDeadline);
        self.config_unpaused()?;
        self.authenticate_for(funds.sender)?;
        ensure!(single.kind <= GIVEN_OUT, InvalidSwapKind);
        ensure!(!single.amount.is_zero(), UnknownAmountInFirstSwap);
        ensure!(single.asset_in != single.asset_out, CannotSwapSameToken);
        let ctx = SwapContext {
            kind: single.kind,
            from: funds.sender,
            to: funds.recipient,
            block: self.vm().block_number(),
        };
        let mut cache = BalanceCache::default();
        let done = self.swap_with_pool(
            &mut cache,
            &ctx,
            single.pool_id,
            single.asset_in,
            single.asset_out,
            single.amount,
            single.user_data,
        )?;
        if ctx.kind == GIVEN_IN {
            ensure!(done.amount_out >= limit, SwapLimit);
        } else {
            ensure!(done.amount_in <= limit, SwapLimit);
        }
        cache.commit(self);
        events::swap(self.vm(), single.pool_id, single.asset_in, single.asset_out, done.amount_in, done.amount_out);
        self.receive_asset(single.asset_in, done.amount_in, funds.sender, funds.from_internal)?;
        self.send_asset(single.asset_out, done.amount_out, funds.recipient, funds.to_internal)?;
        lock::exit();
        Ok(done.calculated)
    }
}
