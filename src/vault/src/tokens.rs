//! ERC-20 calls with SafeERC20 semantics.
//!
//! A call succeeds when it does not revert and either returns a word equal to 1
//! (`true`) or returns nothing from an account that has code (USDT-style tokens).
//! `false`, malformed data, a revert, or an account without code all fail with
//! `TokenCallFailed(token)`. Fee-on-transfer tokens are not supported: the Vault
//! credits exactly the requested amount; flash loans detect them by balance checks.

use alloy_primitives::{Address, U256};
use alloy_sol_types::SolCall;
use stylus_sdk::{call::RawCall, host::VM, prelude::*};

use crate::abi::{balanceOfCall, transferCall, transferFromCall};
use crate::codec::{encode, word, Reader};
use crate::errors::{token_call_failed as failed, Res};

/// Low-level call to `token`; the storage cache is flushed first so that whatever the
/// token does sees the Vault's committed state.
fn call(vm: &VM, token: Address, data: &[u8]) -> Res<()> {
    // SAFETY: no storage reference is alive across the call; the cache is flushed.
    let out = unsafe { RawCall::new(vm).flush_storage_cache().call(token, data) }
        .map_err(|_| failed(token))?;
    let ok = if out.is_empty() {
        vm.code_size(token) > 0
    } else {
        Reader::new(&out).uint(0).is_ok_and(|w| w == U256::from(1u8))
    };
    if ok {
        Ok(())
    } else {
        Err(failed(token))
    }
}

/// Sends `amount` of `token` from the Vault to `to`.
pub fn transfer(vm: &VM, token: Address, to: Address, amount: U256) -> Res<()> {
    call(vm, token, &encode(Some(transferCall::SELECTOR), &[word(to), word(amount)]))
}

/// Pulls `amount` of `token` from `from` (which approved the Vault) to `to`.
pub fn transfer_from(vm: &VM, token: Address, from: Address, to: Address, amount: U256) -> Res<()> {
    call(vm, token, &encode(Some(transferFromCall::SELECTOR), &[word(from), word(to), word(amount)]))
}

/// The Vault's own balance of `token` (used by flash loans only).
pub fn balance_of_vault(vm: &VM, token: Address) -> Res<U256> {
    let data = encode(Some(balanceOfCall::SELECTOR), &[word(vm.contract_address())]);
    // SAFETY: static call, no storage reference alive.
    let out = unsafe { RawCall::new_static(vm).call(token, &data) }.map_err(|_| failed(token))?;
    Reader::new(&out).uint(0).map_err(|_| failed(token))
}
