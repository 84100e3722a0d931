//! Internal (in-Vault) user balances, and how every operation moves assets.
//!
//! `receive_asset` / `send_asset` are the only places tokens enter or leave for
//! swaps and joins/exits: with the internal-balance flags they debit/credit internal
//! balances instead of calling the token (V2 semantics: a debit takes what is there and
//! pulls the rest with `transferFrom`). `manageUserBalance` implements V2's four ops;
//! withdrawals keep working while the Vault is paused, the other three do not.

use alloc::vec::Vec;
use alloy_primitives::{Address, U256};
use stylus_sdk::prelude::*;

use crate::abi::UserBalanceOp;
use crate::errors::Res;
use crate::{bail, ensure, events, lock, math, tokens, Vault};

pub const DEPOSIT_INTERNAL: u8 = 0;
pub const WITHDRAW_INTERNAL: u8 = 1;
pub const TRANSFER_INTERNAL: u8 = 2;
pub const TRANSFER_EXTERNAL: u8 = 3;

impl Vault {
    fn internal_balance(&self, user: Address, token: Address) -> U256 {
        self.sload(crate::storage::internal_key(user, token))
    }

    fn set_internal_balance(&mut self, user: Address, token: Address, value: U256) {
        self.sstore(crate::storage::internal_key(user, token), value);
    }

    pub(crate) fn credit_internal(&mut self, user: Address, token: Address, amount: U256) -> Res<()> {
        if amount.is_zero() {
            return Ok(());
        }
        let balance = math::add(self.internal_balance(user, token), amount)?;
        self.set_internal_balance(user, token, balance);
        events::internal_balance_changed(self.vm(), user, token, math::signed(amount)?);
        Ok(())
    }

    /// Debits up to `amount` (everything available if `partial`, else exactly `amount`
    /// or `InsufficientInternalBalance`) and returns what was taken.
    fn debit_internal(&mut self, user: Address, token: Address, amount: U256, partial: bool) -> Res<U256> {
        let balance = self.internal_balance(user, token);
        let taken = if partial { amount.min(balance) } else { amount };
        ensure!(taken <= balance, InsufficientInternalBalance);
        if !taken.is_zero() {
            self.set_internal_balance(user, token, balance - taken);
            events::internal_balance_changed(self.vm(), user, token, math::neg(taken)?);
        }
        Ok(taken)
    }

    /// Takes `amount` of `token` from `sender` into the Vault.
    pub(crate) fn receive_asset(&mut self, token: Address, amount: U256, sender: Address, from_internal: bool) -> Res<()> {
        let mut rest = amount;
        if from_internal {
            let taken = self.debit_internal(sender, token, amount, true)?;
            rest = rest.checked_sub(taken).ok_or_else(|| crate::err!(ArithmeticOverflow))?;
        }
        if rest.is_zero() {
            return Ok(());
        }
        tokens::transfer_from(self.vm(), token, sender, self.vm().contract_address(), rest)
    }

    /// Pays `amount` of `token` out of the Vault to `recipient`.
    pub(crate) fn send_asset(&mut self, token: Address, amount: U256, recipient: Address, to_internal: bool) -> Res<()> {
        if to_internal {
            return self.credit_internal(recipient, token, amount);
        }
        if amount.is_zero() {
            return Ok(());
        }
        tokens::transfer(self.vm(), token, recipient, amount)
    }

    pub(crate) fn do_manage_user_balance(&mut self, ops: Vec<UserBalanceOp>) -> Res<()> {
        lock::enter()?;
        let mut checked_unpaused = false;
        for op in ops {
            self.authenticate_for(op.sender)?;
            ensure!(!op.asset.is_zero(), EthNotSupported);
            if op.kind == WITHDRAW_INTERNAL {
                self.debit_internal(op.sender, op.asset, op.amount, false)?;
                tokens::transfer(self.vm(), op.asset, op.recipient, op.amount)?;
                continue;
            }
            if !checked_unpaused {
                self.config_unpaused()?;
                checked_unpaused = true;
            }
            match op.kind {
                DEPOSIT_INTERNAL => {
                    self.credit_internal(op.recipient, op.asset, op.amount)?;
                    let vault = self.vm().contract_address();
                    tokens::transfer_from(self.vm(), op.asset, op.sender, vault, op.amount)?;
                }
                TRANSFER_INTERNAL => {
                    self.debit_internal(op.sender, op.asset, op.amount, false)?;
                    self.credit_internal(op.recipient, op.asset, op.amount)?;
                }
                TRANSFER_EXTERNAL => {
                    tokens::transfer_from(self.vm(), op.asset, op.sender, op.recipient, op.amount)?;
                    events::external_balance_transfer(self.vm(), op.asset, op.sender, op.recipient, op.amount);
                }
                _ => bail!(InvalidOpKind),
            }
        }
        lock::exit();
        Ok(())
    }

    pub(crate) fn do_get_internal_balance(&self, user: Address, tokens: Vec<Address>) -> Res<Vec<U256>> {
        lock::ensure_consistent()?;
        Ok(tokens.into_iter().map(|t| self.internal_balance(user, t)).collect())
    }
}
