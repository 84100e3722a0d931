//! The Vault-wide re-entrancy lock, kept in transient storage (EIP-1153).
//!
//! Transient storage is cleared at the end of the transaction and rolled back when a
//! frame reverts, so a failed operation can never leave the Vault locked, and the lock
//! costs a warm access (~100 gas) instead of an SSTORE. stylus-sdk 0.10 has no wrapper
//! for the `transient_*_bytes32` hostios (ArbOS 30+), so they are imported directly.
//!
//! States: [`FREE`]; [`BUSY`] while balances may be half-updated (every view that
//! exposes pool or internal balances reverts); [`CALLBACK`] while a flash-loan recipient
//! runs: Vault state is then consistent, so views answer, but every state-changing entry
//! point still reverts.

use alloy_primitives::B256;

use crate::errors::Res;

pub const FREE: u8 = 0;
pub const BUSY: u8 = 1;
pub const CALLBACK: u8 = 2;

/// The Vault uses a single transient slot; transient storage is per contract, so slot
/// zero cannot collide with anything.
const SLOT: [u8; 32] = [0u8; 32];

#[link(wasm_import_module = "vm_hooks")]
extern "C" {
    fn transient_load_bytes32(key: *const u8, dest: *mut u8);
    fn transient_store_bytes32(key: *const u8, value: *const u8);
}

/// Current lock state.
pub fn state() -> u8 {
    let mut out = B256::ZERO;
    // SAFETY: both pointers reference 32 valid bytes for the duration of the call.
    unsafe { transient_load_bytes32(SLOT.as_ptr(), out.as_mut_ptr()) };
    out[31]
}

/// Sets the lock state.
pub fn set(value: u8) {
    let mut word = [0u8; 32];
    word[31] = value;
    // SAFETY: both pointers reference 32 valid bytes for the duration of the call.
    unsafe { transient_store_bytes32(SLOT.as_ptr(), word.as_ptr()) };
}

/// Takes the lock for a state-changing entry point, failing if any operation is
/// already running in this transaction's call stack.
pub fn enter() -> Res<()> {
    if state() != FREE {
        crate::bail!(Reentrancy);
    }
    set(BUSY);
    Ok(())
}

/// Releases the lock at the successful end of an entry point (a revert rolls the
/// transient write back by itself).
pub fn exit() {
    set(FREE);
}

/// Guard for views exposing balances: refuses while balances may be half-updated.
pub fn ensure_consistent() -> Res<()> {
    if state() == BUSY {
        crate::bail!(Reentrancy);
    }
    Ok(())
}
