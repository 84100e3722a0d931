//! `joinPool` / `exitPool`: the pool computes the amounts, the Vault enforces limits,
//! moves tokens and books balances.
//!
//! The `assets` of the request must be exactly the pool's tokens in order. The pool
//! hook gets the current balances, their lastChangeBlock and the protocol swap fee
//! percentage, and returns amounts and `dueProtocolFeeAmounts`. New balance =
//! balance ± amount − protocol fee (checked: `InsufficientPoolBalance`); the protocol
//! fee stays in the Vault and is credited to the fee recipient's internal balance.
//! Balances are written before any token moves. Exits work while paused.

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, I256, U256};
use alloy_sol_types::SolCall;
use stylus_sdk::prelude::*;

use crate::abi::{onExitPoolCall, onJoinPoolCall};
use crate::codec::{array, encode, word, Item, Reader};
use crate::balances::{self, BalanceCache};
use crate::errors::Res;
use crate::registry::pool_address;
use crate::swaps::call_pool;
use crate::{bail, ensure, err, events, lock, math, Vault};

/// A join or an exit, with the fields the two share.
pub struct PoolBalanceChange<'a> {
    pub join: bool,
    pub pool_id: B256,
    pub sender: Address,
    pub recipient: Address,
    pub assets: Vec<Address>,
    pub limits: Vec<U256>,
    pub user_data: &'a [u8],
    pub use_internal_balance: bool,
}

impl Vault {
    /// Asks the pool for (amounts, dueProtocolFeeAmounts). `onJoinPool` and
    /// `onExitPool` share their argument and return layouts.
    fn call_pool_hook(&self, c: &PoolBalanceChange, balances: &[U256], last: U256, fee_pct: U256) -> Res<(Vec<U256>, Vec<U256>)> {
        let selector = if c.join { onJoinPoolCall::SELECTOR } else { onExitPoolCall::SELECTOR };
        let data = encode(Some(selector), &[
            word(c.pool_id),
            word(c.sender),
            word(c.recipient),
            array(balances),
            word(last),
            word(fee_pct),
            Item::Bytes(c.user_data),
        ]);
        let out = call_pool(self.vm(), pool_address(c.pool_id), &data)?;
        let r = Reader::new(&out);
        let invalid = |_| err!(InvalidPoolResponse);
        Ok((r.uints(0).map_err(invalid)?, r.uints(1).map_err(invalid)?))
    }

    pub(crate) fn do_pool_balance_change(&mut self, c: PoolBalanceChange) -> Res<()> {
        lock::enter()?;
        let cfg = if c.join { self.config_unpaused()? } else { self.config() };
        self.authenticate_for(c.sender)?;
        let mut cache = BalanceCache::default();
        let refs = self.pool_refs(&mut cache, c.pool_id, &c.assets)?;
        let n = refs.len();
        ensure!(c.limits.len() == n, InputLengthMismatch);
        let mut current = Vec::with_capacity(n);
        let mut last = U256::ZERO;
        for r in &refs {
            current.push(cache.balance(*r));
            last = last.max(balances::last_change_block(cache.word(r.slot)));
        }
        let (amounts, fees) = self.call_pool_hook(&c, &current, last, U256::from(cfg.swap_fee))?;
        ensure!(amounts.len() == n && fees.len() == n, InvalidPoolResponse);

        let block = self.vm().block_number();
        let mut deltas: Vec<I256> = Vec::with_capacity(n);
        for i in 0..n {
            let (Some(r), Some(&bal), Some(&amount), Some(&fee), Some(&limit)) =
                (refs.get(i), current.get(i), amounts.get(i), fees.get(i), c.limits.get(i))
            else {
                bail!(InputLengthMismatch)
            };
            let new = if c.join {
                ensure!(amount <= limit, JoinAboveMax);
                deltas.push(math::signed(amount)?);
                math::add(bal, amount)?.checked_sub(fee)
            } else {
                ensure!(amount >= limit, ExitBelowMin);
                deltas.push(math::neg(amount)?);
                bal.checked_sub(amount).and_then(|b| b.checked_sub(fee))
            };
            let new = new.ok_or_else(|| err!(InsufficientPoolBalance))?;
            cache.set_balance(*r, new, block)?;
        }
        cache.commit(self);

        let mut collector = Address::ZERO;
        for i in 0..n {
            let (Some(&token), Some(&amount), Some(&fee)) = (c.assets.get(i), amounts.get(i), fees.get(i)) else {
                bail!(InputLengthMismatch)
            };
            if !fee.is_zero() {
                if collector.is_zero() {
                    collector = self.sload_address(crate::storage::FEE_RECIPIENT);
                }
                self.credit_internal(collector, token, fee)?;
            }
            if c.join {
                self.receive_asset(token, amount, c.sender, c.use_internal_balance)?;
            } else {
                self.send_asset(token, amount, c.recipient, c.use_internal_balance)?;
            }
        }
        events::pool_balance_changed(self.vm(), c.pool_id, c.sender, &c.assets, &deltas, &fees);
        lock::exit();
        Ok(())
    }
}
