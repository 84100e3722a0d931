//! Flash loans (V2 semantics).
//!
//! Tokens strictly ascending (so unique and non-zero); fee = amount × flash-loan fee
//! rounded up; the Vault's `balanceOf` before, transfer out, call
//! `receiveFlashLoan(tokens, amounts, feeAmounts, userData)` on the recipient, then
//! `balanceOf` after must be ≥ before (`InvalidPostLoanBalance`: covers unpaid loans and
//! fee-on-transfer tokens) and the surplus ≥ fee (`InsufficientFlashLoanFeeAmount`).
//! The whole surplus is the fee, credited to the fee recipient's internal balance.
//! During the callback the lock is in `CALLBACK` state: every state-changing Vault
//! entry point reverts with `Reentrancy`, while balance views answer (state is
//! consistent: loans do not touch pool balances).

use alloc::vec::Vec;
use alloy_primitives::{Address, U256};
use alloy_sol_types::SolCall;
use stylus_sdk::prelude::*;

use crate::abi::receiveFlashLoanCall;
use crate::codec::{array, encode, Item};
use crate::errors::Res;
use crate::swaps::call_pool;
use crate::{bail, ensure, err, events, lock, math, tokens, Vault};

impl Vault {
    pub(crate) fn do_flash_loan(
        &mut self,
        recipient: Address,
        tokens_in: Vec<Address>,
        amounts: Vec<U256>,
        user_data: &[u8],
    ) -> Res<()> {
        lock::enter()?;
        let cfg = self.config_unpaused()?;
        ensure!(tokens_in.len() == amounts.len(), InputLengthMismatch);
        let mut fees = Vec::with_capacity(amounts.len());
        let mut before = Vec::with_capacity(amounts.len());
        let mut previous = Address::ZERO;
        for (&token, &amount) in tokens_in.iter().zip(&amounts) {
            ensure!(math::addr_lt(previous, token), UnsortedTokens);
            previous = token;
            fees.push(math::mul_up(amount, cfg.flash_fee)?);
            let balance = tokens::balance_of_vault(self.vm(), token)?;
            ensure!(balance >= amount, InsufficientFlashLoanBalance);
            before.push(balance);
            tokens::transfer(self.vm(), token, recipient, amount)?;
        }

        lock::set(lock::CALLBACK);
        let data = encode(
            Some(receiveFlashLoanCall::SELECTOR),
            &[array(&tokens_in), array(&amounts), array(&fees), Item::Bytes(user_data)],
        );
        call_pool(self.vm(), recipient, &data)?;
        lock::set(lock::BUSY);

        let collector = self.sload_address(crate::storage::FEE_RECIPIENT);
        for i in 0..tokens_in.len() {
            let (Some(&token), Some(&amount), Some(&fee), Some(&pre)) =
                (tokens_in.get(i), amounts.get(i), fees.get(i), before.get(i))
            else {
                bail!(InputLengthMismatch)
            };
            let post = tokens::balance_of_vault(self.vm(), token)?;
            let received = post.checked_sub(pre).ok_or_else(|| err!(InvalidPostLoanBalance))?;
            ensure!(received >= fee, InsufficientFlashLoanFeeAmount);
            self.credit_internal(collector, token, received)?;
            events::flash_loan(self.vm(), recipient, token, amount, received);
        }
        lock::exit();
        Ok(())
    }
}
