//! ERC-20 calls with SafeERC20 semantics.
//!
//! A call succeeds when it does not revert and either returns a word equal to 1
//! (`true`) or returns nothing from an account that has code (USDT-style tokens).
//! `false`, malformed data, a revert, or an account without code all fail with
//! `TokenCallFailed(token)`. Fee-on-transfer tokens are not supported: the Vault
//! credits exactly the requested amount; flash loans detect them by balance checks.

use alloc::vec::Vec;
use alloy_primitives::{Address, U256};
use alloy_sol_types::SolCall;
use stylus_sdk::{call::RawCall, host::VM, prelude::*};

use crate::abi::{balanceOfCall, transferCall, transferFromCall};
use crate::errors::{Res, TokenCallFailed, VaultError};

fn failed(token: Address) -> Vec<u8> {
    VaultError::TokenCallFailed(TokenCallFailed { token }).into()
}

/// Low-level call to `token`; the storage cache is flushed first so that whatever the
/// token does sees the Vault's committed state.
fn call(vm: &VM, token: Address, data: &[u8]) -> Res<()> {
    // SAFETY: no storage reference is alive across the call; the cache is flushed.
    let out = unsafe { RawCall::new(vm).flush_storage_cache().call(token, data) }
        .map_err(|_| failed(token))?;
    let ok = if out.is_empty() {
        vm.code_size(token) > 0
    } else {
        out.get(..32).is_some_and(|w| U256::from_be_slice(w) == U256::from(1u8))
    };
    if ok {
        Ok(())
    } else {
        Err(failed(token))
    }
}

/// Sends `amount` of `token` from the Vault to `to`.
pub fn transfer(vm: &VM, token: Address, to: Address, amount: U256) -> Res<()> {
    call(vm, token, &transferCall { to, amount }.abi_encode())
}

/// Pulls `amount` of `token` from `from` (which approved the Vault) to `to`.
pub fn transfer_from(vm: &VM, token: Address, from: Address, to: Address, amount: U256) -> Res<()> {
    call(vm, token, &transferFromCall { from, to, amount }.abi_encode())
}

/// The Vault's own balance of `token` (used by flash loans only).
pub fn balance_of_vault(vm: &VM, token: Address) -> Res<U256> {
    let data = balanceOfCall { account: vm.contract_address() }.abi_encode();
    // SAFETY: static call, no storage reference alive.
    let out = unsafe { RawCall::new_static(vm).call(token, &data) }.map_err(|_| failed(token))?;
    match out.get(..32) {
        Some(word) => Ok(U256::from_be_slice(word)),
        None => Err(failed(token)),
    }
}
