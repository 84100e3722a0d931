//! BPT bookkeeping: mint, burn, transfer, approve, allowance spending.
//!
//! Semantics of OpenZeppelin 5's ERC20 (typed errors, Transfer/Approval events), plus
//! V2's two BPT specifics: `mint` accepts address(0) (the MINIMUM_BPT locked at INIT
//! emits `Transfer(0, 0, 1e6)` and counts in totalSupply), and an allowance of
//! max uint256 is never decremented.

use alloy_primitives::{Address, U256};
use stylus_sdk::prelude::*;

use crate::contract::WeightedPool;
use crate::storage as slot;
use crate::events;
use crate::errors::{
    overflow, ERC20InsufficientAllowance, ERC20InsufficientBalance, ERC20InvalidReceiver, ERC20InvalidSender,
    ERC20InvalidSpender, PoolError,
};

pub fn mint(pool: &mut WeightedPool, to: Address, value: U256) -> Result<(), PoolError> {
    let supply = pool.total_supply_value().checked_add(value).ok_or_else(overflow)?;
    let balance = pool.balance_value(to).checked_add(value).ok_or_else(overflow)?;
    pool.sstore(slot::TOTAL_SUPPLY, supply);
    pool.sstore(slot::balance(to), balance);
    events::emit(pool.vm(), events::transfer(Address::ZERO, to, value));
    Ok(())
}

pub fn burn(pool: &mut WeightedPool, from: Address, value: U256) -> Result<(), PoolError> {
    let balance = pool.balance_value(from);
    let remaining = balance.checked_sub(value).ok_or(PoolError::ERC20InsufficientBalance(ERC20InsufficientBalance {
        sender: from,
        balance,
        needed: value,
    }))?;
    // supply ≥ any balance, so this only fails if storage were corrupt.
    let supply = pool.total_supply_value().checked_sub(value).ok_or_else(overflow)?;
    pool.sstore(slot::balance(from), remaining);
    pool.sstore(slot::TOTAL_SUPPLY, supply);
    events::emit(pool.vm(), events::transfer(from, Address::ZERO, value));
    Ok(())
}

pub fn transfer(pool: &mut WeightedPool, from: Address, to: Address, value: U256) -> Result<(), PoolError> {
    if from.is_zero() {
        return Err(PoolError::ERC20InvalidSender(ERC20InvalidSender { sender: from }));
    }
    if to.is_zero() {
        return Err(PoolError::ERC20InvalidReceiver(ERC20InvalidReceiver { receiver: to }));
    }
    let from_balance = pool.balance_value(from);
    let remaining = from_balance.checked_sub(value).ok_or(PoolError::ERC20InsufficientBalance(
        ERC20InsufficientBalance { sender: from, balance: from_balance, needed: value },
    ))?;
    pool.sstore(slot::balance(from), remaining);
    // Read after the write: a self-transfer sees its own debit.
    let to_balance = pool.balance_value(to).checked_add(value).ok_or_else(overflow)?;
    pool.sstore(slot::balance(to), to_balance);
    events::emit(pool.vm(), events::transfer(from, to, value));
    Ok(())
}

pub fn approve(pool: &mut WeightedPool, owner: Address, spender: Address, value: U256) -> Result<(), PoolError> {
    if spender.is_zero() {
        return Err(PoolError::ERC20InvalidSpender(ERC20InvalidSpender { spender }));
    }
    pool.sstore(slot::allowance(owner, spender), value);
    events::emit(pool.vm(), events::approval(owner, spender, value));
    Ok(())
}

pub fn spend_allowance(pool: &mut WeightedPool, owner: Address, spender: Address, value: U256) -> Result<(), PoolError> {
    let current = pool.allowance_value(owner, spender);
    if current == U256::MAX {
        return Ok(());
    }
    let remaining = current.checked_sub(value).ok_or(PoolError::ERC20InsufficientAllowance(
        ERC20InsufficientAllowance { spender, allowance: current, needed: value },
    ))?;
    pool.sstore(slot::allowance(owner, spender), remaining);
    Ok(())
}
