//! The contract's `user_entrypoint`, written out instead of using `#[entrypoint]`.
//!
//! * stylus-sdk 0.10's `#[entrypoint]` inserts its deprecated blanket guard that
//!   reverts every re-entrant call with empty data (unless the workspace-wide
//!   `reentrant` feature is on, which would also switch it off for the other contracts
//!   built in the same cargo invocation, and pulls in `stylus-test`). The Vault needs
//!   re-entrant calls to reach its own logic: the transient lock ([`crate::lock`])
//!   rejects them with a typed `Reentrancy` error, and lets balance views answer during
//!   flash-loan callbacks.
//! * It dispatches through [`crate::router`] instead of the SDK's generic router.
//!
//! Otherwise this is the macro's expansion: route, flush the storage cache, write the
//! result.

use alloy_primitives::U256;
use stylus_sdk::{
    host::{WasmVM, VM},
    storage::StorageType,
    stylus_core::{host::*, storage::TopLevelStorage},
};

use crate::Vault;

// SAFETY: `Vault` is the contract's only storage root (slot 0).
unsafe impl TopLevelStorage for Vault {}

#[no_mangle]
pub extern "C" fn user_entrypoint(len: usize) -> usize {
    let host = VM { host: WasmVM {} };
    // Keeps `pay_for_memory_grow` imported, as activation requires (see the SDK macro).
    host.pay_for_memory_grow(0);
    let input = host.read_args(len);
    // SAFETY: the storage root lives at slot 0, created once per call.
    let mut vault = unsafe { Vault::new(U256::ZERO, 0, host.clone()) };
    let (data, status) = match crate::router::route(&mut vault, &input) {
        Ok(data) => (data, 0),
        Err(data) => (data.into(), 1),
    };
    host.flush_cache(false);
    host.write_result(&data);
    status
}
