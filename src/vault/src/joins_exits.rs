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
use alloy_primitives::{Address, Bytes, B256, I256, U256};
use alloy_sol_types::SolCall;
use stylus_sdk::prelude::*;

use crate::abi::{onExitPoolCall, onJoinPoolCall, PoolBalanceChanged};
use crate::balances::{self, BalanceCache};
use crate::errors::Res;
use crate::registry::pool_address;
use crate::swaps::call_pool;
use crate::{ensure, err, lock, math, Vault};

/// A join or an exit, with the fields the two share.
pub struct PoolBalanceChange {
    pub join: bool,
    pub pool_id: B256,
    pub sender: Address,
    pub recipient: Address,
    pub assets: Vec<Address>,
    pub limits: Vec<U256>,
    pub user_data: Bytes,
    pub use_internal_balance: bool,
}

impl Vault {
    /// Asks the pool for (amounts, dueProtocolFeeAmounts).
    fn call_pool_hook(&self, c: &PoolBalanceChange, balances: Vec<U256>, last: U256, fee_pct: U256) -> Res<(Vec<U256>, Vec<U256>)> {
        let pool = pool_address(c.pool_id);
        let (pool_id, sender, recipient, user_data) = (c.pool_id, c.sender, c.recipient, c.user_data.clone());
        if c.join {
            let data = onJoinPoolCall {
                poolId: pool_id,
                sender,
                recipient,
                balances,
                lastChangeBlock: last,
                protocolSwapFeePercentage: fee_pct,
                userData: user_data,
            }
            .abi_encode();
            let out = call_pool(self.vm(), pool, &data)?;
            let r = onJoinPoolCall::abi_decode_returns(&out).map_err(|_| err!(InvalidPoolResponse))?;
            Ok((r.amountsIn, r.dueProtocolFeeAmounts))
        } else {
            let data = onExitPoolCall {
                poolId: pool_id,
                sender,
                recipient,
                balances,
                lastChangeBlock: last,
                protocolSwapFeePercentage: fee_pct,
                userData: user_data,
            }
            .abi_encode();
            let out = call_pool(self.vm(), pool, &data)?;
            let r = onExitPoolCall::abi_decode_returns(&out).map_err(|_| err!(InvalidPoolResponse))?;
            Ok((r.amountsOut, r.dueProtocolFeeAmounts))
        }
    }

    pub(crate) fn do_pool_balance_change(&mut self, c: PoolBalanceChange) -> Res<()> {
        lock::enter()?;
        let cfg = if c.join { self.config_unpaused()? } else { self.config() };
        self.authenticate_for(c.sender)?;
        let mut cache = BalanceCache::default();
        let refs = self.pool_refs(&mut cache, c.pool_id, &c.assets)?;
        let n = refs.len();
        ensure!(c.limits.len() == n, InputLengthMismatch);
        let current: Vec<U256> = refs.iter().map(|r| cache.balance(*r)).collect();
        let last = refs
            .iter()
            .map(|r| balances::last_change_block(cache.word(r.slot)))
            .max()
            .unwrap_or_default();
        let (amounts, fees) = self.call_pool_hook(&c, current.clone(), last, U256::from(cfg.swap_fee))?;
        ensure!(amounts.len() == n && fees.len() == n, InvalidPoolResponse);

        let block = self.vm().block_number();
        let mut deltas: Vec<I256> = Vec::with_capacity(n);
        for ((((r, bal), amount), fee), limit) in refs.iter().zip(&current).zip(&amounts).zip(&fees).zip(&c.limits) {
            let new = if c.join {
                ensure!(amount <= limit, JoinAboveMax);
                deltas.push(math::signed(*amount)?);
                math::add(*bal, *amount)?.checked_sub(*fee)
            } else {
                ensure!(amount >= limit, ExitBelowMin);
                deltas.push(math::neg(*amount)?);
                bal.checked_sub(*amount).and_then(|b| b.checked_sub(*fee))
            };
            let new = new.ok_or_else(|| err!(InsufficientPoolBalance))?;
            cache.set_balance(*r, new, block)?;
        }
        cache.commit(&mut self.registry.balances);

        if fees.iter().any(|f| !f.is_zero()) {
            let collector = self.admin.fee_recipient.get();
            for (&token, fee) in c.assets.iter().zip(&fees) {
                self.credit_internal(collector, token, *fee)?;
            }
        }
        for (&token, amount) in c.assets.iter().zip(&amounts) {
            if c.join {
                self.receive_asset(token, *amount, c.sender, c.use_internal_balance)?;
            } else {
                self.send_asset(token, *amount, c.recipient, c.use_internal_balance)?;
            }
        }
        self.vm().log(PoolBalanceChanged {
            poolId: c.pool_id,
            liquidityProvider: c.sender,
            tokens: c.assets,
            deltas,
            protocolFeeAmounts: fees,
        });
        lock::exit();
        Ok(())
    }
}
