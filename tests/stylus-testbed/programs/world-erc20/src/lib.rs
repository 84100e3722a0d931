//! A minimal Stylus ERC-20 for the test bed's cross-VM self-tests: standard transfer /
//! approve / transferFrom with typed errors, and an unrestricted `mint` faucet.
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#[macro_use]
extern crate alloc;

use alloc::vec::Vec;
use alloy_primitives::{Address, U256};
use alloy_sol_types::sol;
use stylus_sdk::{prelude::*, storage::{StorageMap, StorageU256}};

sol! {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    error InsufficientBalance(address from, uint256 balance, uint256 needed);
    error InsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed);
    error SupplyOverflow();
}

#[derive(SolidityError)]
pub enum TokenError {
    InsufficientBalance(InsufficientBalance),
    InsufficientAllowance(InsufficientAllowance),
    SupplyOverflow(SupplyOverflow),
}

#[storage]
#[entrypoint]
pub struct Token {
    total_supply: StorageU256,
    balances: StorageMap<Address, StorageU256>,
    allowances: StorageMap<Address, StorageMap<Address, StorageU256>>,
}

impl Token {
    fn move_tokens(&mut self, from: Address, to: Address, value: U256) -> Result<(), TokenError> {
        let balance = self.balances.get(from);
        let Some(left) = balance.checked_sub(value) else {
            return Err(TokenError::InsufficientBalance(InsufficientBalance { from, balance, needed: value }));
        };
        self.balances.setter(from).set(left);
        // Cannot overflow: the sum of balances is the total supply, itself checked at mint.
        let credited = self.balances.get(to).saturating_add(value);
        self.balances.setter(to).set(credited);
        self.vm().log(Transfer { from, to, value });
        Ok(())
    }
}

#[public]
impl Token {
    pub fn total_supply(&self) -> U256 {
        self.total_supply.get()
    }

    pub fn balance_of(&self, owner: Address) -> U256 {
        self.balances.get(owner)
    }

    pub fn allowance(&self, owner: Address, spender: Address) -> U256 {
        self.allowances.getter(owner).get(spender)
    }

    pub fn transfer(&mut self, to: Address, value: U256) -> Result<bool, TokenError> {
        let from = self.vm().msg_sender();
        self.move_tokens(from, to, value)?;
        Ok(true)
    }

    pub fn approve(&mut self, spender: Address, value: U256) -> bool {
        let owner = self.vm().msg_sender();
        self.allowances.setter(owner).setter(spender).set(value);
        self.vm().log(Approval { owner, spender, value });
        true
    }

    pub fn transfer_from(&mut self, from: Address, to: Address, value: U256) -> Result<bool, TokenError> {
        let spender = self.vm().msg_sender();
        let allowance = self.allowances.getter(from).get(spender);
        if allowance != U256::MAX {
            let Some(left) = allowance.checked_sub(value) else {
                return Err(TokenError::InsufficientAllowance(InsufficientAllowance { owner: from, spender, allowance, needed: value }));
            };
            self.allowances.setter(from).setter(spender).set(left);
        }
        self.move_tokens(from, to, value)?;
        Ok(true)
    }

    /// Test faucet, unrestricted on purpose.
    pub fn mint(&mut self, to: Address, value: U256) -> Result<(), TokenError> {
        let supply = self.total_supply.get().checked_add(value).ok_or(TokenError::SupplyOverflow(SupplyOverflow {}))?;
        self.total_supply.set(supply);
        let credited = self.balances.get(to).saturating_add(value);
        self.balances.setter(to).set(credited);
        self.vm().log(Transfer { from: Address::ZERO, to, value });
        Ok(())
    }
}
